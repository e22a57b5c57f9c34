/**
 * The page script of the browsable tables (browse.ts): each `.browse` block reads its rows from its JSON block and
 * shows them a page at a time, searched, filtered and sorted. Cells are set with textContent, never parsed as markup.
 */
export const BROWSE_SCRIPT = `
(function () {
  'use strict';
  var PAGE = 25;
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function part(block, role) { return block.querySelector('[data-role="' + role + '"]'); }
  function number(v) { return v === null || v === '' ? NaN : Number(v); }
  function test(filter, numeric) {
    var m = /^\\s*(<=|>=|<|>|=)\\s*(-?[0-9.]+)\\s*$/.exec(filter);
    if (numeric && m) {
      var n = Number(m[2]), op = m[1];
      return function (v) { var x = number(v); if (isNaN(x)) return false; return op === '<' ? x < n : op === '>' ? x > n : op === '<=' ? x <= n : op === '>=' ? x >= n : x === n; };
    }
    var f = filter.toLowerCase();
    return function (v) { return v !== null && v.toLowerCase().indexOf(f) >= 0; };
  }
  function compare(numeric, dir) {
    return function (a, b) {
      if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
      if (numeric) return (number(a) - number(b)) * dir;
      return (a < b ? -1 : a > b ? 1 : 0) * dir;
    };
  }
  function setUp(block) {
    var data = JSON.parse(part(block, 'rows').textContent);
    var state = { search: '', fcol: '', fval: '', sort: -1, dir: 1, page: 0 };
    var table = block.querySelector('table'), body = table.querySelector('tbody'), heads = table.querySelectorAll('thead th');
    var status = part(block, 'status'), pager = block.querySelector('.pager');
    function selected() {
      var order = data.rows.map(function (_, i) { return i; });
      var q = state.search.toLowerCase();
      if (q) order = order.filter(function (i) { return data.rows[i].some(function (v) { return v !== null && v.toLowerCase().indexOf(q) >= 0; }); });
      var c = data.columns.indexOf(state.fcol);
      if (c >= 0 && state.fval.trim()) {
        var keep = test(state.fval.trim(), data.numeric[c]);
        order = order.filter(function (i) { return keep(data.rows[i][c]); });
      }
      if (state.sort >= 0) {
        var cmp = compare(data.numeric[state.sort], state.dir), s = state.sort;
        order.sort(function (i, j) { return cmp(data.rows[i][s], data.rows[j][s]) || i - j; });
      }
      return order;
    }
    function cell(value, key, numeric) {
      var td = el('td');
      if (numeric) td.className = 'num';
      if (value === null) { var n = el('span', 'null'); n.className = 'empty'; td.appendChild(n); return td; }
      var div = el('div', value); div.className = 'c';
      if (key && document.getElementById(key)) { var a = el('a'); a.setAttribute('href', '#' + key); a.appendChild(div); td.appendChild(a); }
      else td.appendChild(div);
      return td;
    }
    function render() {
      var order = selected(), pages = Math.max(1, Math.ceil(order.length / PAGE));
      state.page = Math.min(state.page, pages - 1);
      var from = state.page * PAGE, shown = order.slice(from, from + PAGE);
      body.textContent = '';
      shown.forEach(function (i) {
        var tr = el('tr'), key = data.keys ? data.keys[i] : null;
        if (key) tr.id = 'row-' + key;
        data.rows[i].forEach(function (v, c) { tr.appendChild(cell(v, c === 0 ? key : null, data.numeric[c])); });
        body.appendChild(tr);
      });
      var of = order.length === data.rows.length ? order.length + ' rows' : order.length + ' of ' + data.rows.length + ' rows match';
      status.textContent = order.length === 0 ? 'No row matches.' : 'Rows ' + (from + 1) + '\\u2013' + (from + shown.length) + ' of ' + of + '.';
      pager.hidden = pages < 2;
      part(block, 'page').textContent = 'Page ' + (state.page + 1) + ' of ' + pages;
      part(block, 'prev').disabled = state.page === 0;
      part(block, 'next').disabled = state.page >= pages - 1;
      heads.forEach(function (th, c) { th.setAttribute('aria-sort', c === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none'); });
    }
    heads.forEach(function (th, c) {
      var b = el('button', th.textContent); b.type = 'button'; b.className = 'sort';
      b.addEventListener('click', function () { state.dir = state.sort === c ? -state.dir : 1; state.sort = c; state.page = 0; render(); });
      th.textContent = ''; th.appendChild(b);
    });
    function bind(role, key) { part(block, role).addEventListener('input', function (e) { state[key] = e.target.value; state.page = 0; render(); }); }
    bind('search', 'search'); bind('fval', 'fval');
    part(block, 'fcol').addEventListener('change', function (e) { state.fcol = e.target.value; state.page = 0; render(); });
    part(block, 'prev').addEventListener('click', function () { state.page--; render(); });
    part(block, 'next').addEventListener('click', function () { state.page++; render(); });
    body.addEventListener('click', function (e) { var c = e.target.closest ? e.target.closest('div.c') : null; if (c && !e.target.closest('a')) c.classList.toggle('open'); });
    block.querySelector('.controls').hidden = false;
    render();
  }
  document.querySelectorAll('.browse').forEach(setUp);
})();
`.trim();
