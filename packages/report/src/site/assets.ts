import { BROWSE_SCRIPT } from './browse-script.js';

/**
 * The site's only style sheet and script, inlined into every page (named by hash in the Content-Security-Policy).
 * Highlight colours are tints of the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), and each table also
 * has its own underline (solid, dashed, dotted, double, wavy, outline), so the tables stay apart without colour.
 * A word longer than its line (a 20,000-character word in a subject) wraps anywhere rather than widening the page;
 * tables take `break-word` instead, which wraps the same but leaves the widths of their columns (and so the layout
 * of every ordinary table) as they were: a cell too wide for the window scrolls inside its `.scroll` box.
 */
export const SITE_STYLE = `
:root{--ink:#1b1b1b;--muted:#555;--line:#d4d4d4;--bg:#fff;--soft:#f5f5f3;--link:#0a58a3;--focus:#000}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:var(--ink);background:var(--bg);overflow-wrap:anywhere}
a{color:var(--link)}
a:focus-visible,button:focus-visible,summary:focus-visible,.scroll:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.88em}
p.needs{margin:.1rem 0;font-size:.88rem;color:var(--muted)}
pre{background:var(--soft);padding:.6rem .8rem;overflow-x:auto;border-radius:4px;margin:.3rem 0 .8rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
.top{border-bottom:1px solid var(--line);padding:.6rem 1rem}
.top a{font-weight:600;text-decoration:none}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem 4rem}
h1{font-size:1.7rem;line-height:1.25;margin:1.4rem 0 .4rem}
h2{font-size:1.3rem;margin:2.4rem 0 .6rem;padding-top:.6rem;border-top:2px solid var(--ink)}
h3{font-size:1.08rem;margin:1.6rem 0 .4rem}
.lede{font-size:1.08rem;color:var(--muted);margin:.2rem 0 1rem;max-width:48rem}
.meta{display:flex;flex-wrap:wrap;gap:.3rem 1.6rem;margin:0;padding:0}
.meta div{min-width:8rem}
.meta dt{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.meta dd{margin:0;font-weight:600}
.toc{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:1.2rem 0;padding:.6rem 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.scroll{overflow-x:auto;max-width:100%;margin:.4rem 0 1rem}
table{border-collapse:collapse;font-size:.9rem;overflow-wrap:break-word}
th,td{text-align:left;vertical-align:top;padding:.3rem .55rem;border-bottom:1px solid var(--line)}
thead th{border-bottom:2px solid var(--ink);white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
caption{text-align:left;padding:.2rem 0;font-size:.85rem}
.browse .controls{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;margin:.5rem 0 .2rem}
.browse input,.browse select,.pager button{font:inherit;font-size:.9rem;padding:.2rem .45rem;border:1px solid #767676;border-radius:3px;background:#fff;color:var(--ink)}
.browse input[type=search]{width:14rem}
.browse [hidden]{display:none}
.browse .status{margin:.3rem 0;font-size:.88rem;color:var(--muted)}
.rows{margin:.2rem 0 .3rem}
.rows table{font-size:.84rem}
.rows th,.rows td{padding:.22rem .5rem}
.rows .c{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:20rem}
.rows .c.open{white-space:pre-wrap;min-width:20rem;overflow-wrap:anywhere}
.rows tbody tr:nth-child(even){background:#fafaf8}
th button.sort{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:inherit;white-space:nowrap}
th[aria-sort=ascending] button.sort::after{content:" \\25B2"}
th[aria-sort=descending] button.sort::after{content:" \\25BC"}
.pager{display:flex;gap:.8rem;align-items:center;margin:.2rem 0 1rem;font-size:.9rem}
.pager button:disabled{color:#767676;border-color:#c8c8c8}
.files{list-style:none;padding:0;margin:.6rem 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(21rem,1fr));gap:.2rem 1.5rem}
.files li{padding:.45rem 0;border-bottom:1px solid var(--line);font-size:.92rem;min-width:0}
.files a{font-weight:600}
.files .size{color:var(--muted);white-space:nowrap}
.files .what{color:var(--muted)}
.files .sha{font-size:.74rem;word-break:break-all;color:var(--muted)}
.empty{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem;margin:.6rem 0;padding:0;list-style:none}
.card{border:1px solid var(--line);border-left:4px solid #0072b2;border-radius:4px;padding:.6rem .8rem}
.card .fig{font-size:1.6rem;font-weight:700;line-height:1.2}
.card .q{font-size:.9rem;color:var(--muted);font-weight:400}
.card .label{margin:.2rem 0}
.card .where{margin:0 0 .1rem;font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
.card .src{font-size:.85rem}
.notes li{margin:.3rem 0}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,34rem),1fr));gap:1rem 2rem;margin:.6rem 0}
.chart{margin:0;min-width:0}
.chart figcaption{font-weight:700;margin:0 0 .3rem}
.chart svg{max-width:100%;height:auto;font-family:inherit}
.chart .src{font-size:.82rem;color:var(--muted);margin:.2rem 0 0}
.cable{max-width:46rem}
.para{margin:.2rem 0 .9rem;scroll-margin-top:1rem}
.para .pn{display:inline-block;min-width:2.4rem;font-size:.82rem;color:var(--muted);text-decoration:none}
.para.heading{font-weight:700;margin-top:1.4rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.6rem 0 1rem;padding:0;list-style:none;font-size:.9rem}
mark.hl,.sw{color:var(--ink);border-radius:2px;padding:0 1px;scroll-margin:35vh 0}
mark.hl{cursor:pointer}
.hl-0{background:#fde3b0;border-bottom:2px solid #9a5b00}
.hl-1{background:#d0e9f8;border-bottom:2px dashed #0a5f8c}
.hl-2{background:#c9ecdf;border-bottom:2px dotted #00614a}
.hl-3{background:#f4d8e8;border-bottom:3px double #8e2f68}
.hl-4{background:#f6f1c4;text-decoration:underline wavy #6b6200;text-underline-offset:3px}
.hl-5{background:transparent;outline:2px solid #0072b2;outline-offset:1px}
.hl-6,.hl-7,.hl-8{background:#e8e8e8;border-bottom:2px solid #444}
mark.hl:focus,mark.hl.current,mark.hl:target{outline:3px solid var(--focus);outline-offset:2px}
.panel{position:fixed;z-index:10;left:0;right:0;bottom:0;max-height:55vh;overflow:auto;background:#fff;border-top:3px solid var(--ink);box-shadow:0 -4px 18px rgba(0,0,0,.18);padding:.7rem 1rem 1rem}
.panel[hidden]{display:none}
.panel h2{margin:0 0 .3rem;border:0;padding:0;font-size:1.05rem}
.panel table{width:100%}
.panel th{width:34%;word-break:break-word}
.panel td{word-break:break-word}
.panel .links{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.4rem 0}
.panel button{float:right;font:inherit;padding:.2rem .7rem;border:1px solid var(--ink);background:#fff;border-radius:4px;cursor:pointer}
.catalog{list-style:none;padding:0}
.catalog li{border-top:1px solid var(--line);padding:1rem 0}
.catalog h2{border:0;margin:0 0 .2rem;padding:0}
footer{margin-top:3rem;font-size:.85rem;color:var(--muted)}
@media (min-width:60rem){
.panel{left:auto;right:1rem;bottom:1rem;width:max(20rem,min(26rem,calc(100vw - 50rem)));max-height:70vh;border:1px solid var(--ink);border-top:3px solid var(--ink);border-radius:6px}
h1{font-size:2rem}
}
@media print{.panel,.toc,.skip,.browse .controls,.pager{display:none}.rows .c{white-space:normal}}
`.trim();

/**
 * Clicking or focusing a highlight (or opening its deep link) shows its row in the panel. Everything shown comes
 * from the page's JSON block and is set with textContent, never parsed as markup.
 */
const ROW_PANEL_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('site-rows').textContent);
  var panel = document.getElementById('row-panel');
  var current = null;
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function link(href, text) { var a = el('a', text); a.setAttribute('href', href); return a; }
  function show(key, mark) {
    var row = data.rows[key];
    if (!row) return;
    var columns = data.tables[row[0]];
    if (current) current.classList.remove('current');
    current = mark || null;
    if (current) current.classList.add('current');
    panel.textContent = '';
    var close = el('button', 'Close');
    close.type = 'button';
    close.addEventListener('click', function () { panel.hidden = true; if (current) { current.classList.remove('current'); current.focus(); } });
    panel.appendChild(close);
    panel.appendChild(el('h2', row[0] + ' row'));
    var id = el('p'); id.appendChild(el('span', 'id ')); id.appendChild(el('code', key.slice(row[0].length + 1).split('/').map(decodeURIComponent).join(' · '))); panel.appendChild(id);
    var links = el('p'); links.className = 'links';
    links.appendChild(link('#' + key, 'Link to this highlight'));
    (data.figures[key] || []).forEach(function (f) { links.appendChild(link('#figure-' + f, 'Key figure: ' + f)); });
    if (document.getElementById('row-' + key)) links.appendChild(link('#row-' + key, 'Row in the table'));
    panel.appendChild(links);
    var table = el('table'), body = el('tbody');
    columns.forEach(function (c, i) {
      var tr = el('tr'), th = el('th', c), td = el('td', row[1][i] === null ? 'null' : row[1][i]);
      th.scope = 'row';
      if (row[1][i] === null) td.className = 'empty';
      tr.appendChild(th); tr.appendChild(td); body.appendChild(tr);
    });
    table.appendChild(body);
    panel.appendChild(table);
    panel.hidden = false;
  }
  function markOf(target) { return target && target.closest ? target.closest('mark.hl[tabindex]') : null; }
  document.addEventListener('click', function (e) { var m = markOf(e.target); if (m) show(m.getAttribute('data-key'), m); });
  document.addEventListener('focusin', function (e) { var m = markOf(e.target); if (m) show(m.getAttribute('data-key'), m); });
  function fromHash() {
    var key = location.hash.slice(1);
    var target = document.getElementById(key);
    if (!target) { try { key = decodeURIComponent(key); target = document.getElementById(key); } catch (e) { target = null; } }
    if (target && target.matches('mark.hl')) show(key, target);
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
`.trim();

/** The site's one script: the row panel of the highlights, then the browsable tables. */
export const SITE_SCRIPT = `${ROW_PANEL_SCRIPT}\n${BROWSE_SCRIPT}`;
