import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EXIT } from '@cablepress/cli';
import { CHECK_CODES, CODES, CORPUS_FAILURE_CODES, DATASET_CHECK_CODES, INPUT_CODES, INTERNAL_CODES, VALIDATION_CODES, WARNING_CODES } from '@cablepress/core';
import { repoRoot } from './helpers.js';

type Kind = 'error' | 'finding';

interface UsedCode {
  code: string;
  kind: Kind;
  where: string;
}

const ERROR_CLASSES = new Set(['InputError', 'ValidationError', 'InternalError', 'UsageError', 'CablepressError']);
const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'fixtures'].includes(entry.name) ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every non-test source file of packages/*\/src, parsed. */
function packageSources(): { file: string; sf: ts.SourceFile }[] {
  const packages = path.join(repoRoot, 'packages');
  return readdirSync(packages).flatMap((pkg) => {
    let files: string[];
    try {
      files = sourceFiles(path.join(packages, pkg, 'src'));
    } catch {
      return [];
    }
    return files.map((file) => ({ file, sf: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true) }));
  });
}

/** String literals that can be the value of `node` (through ternaries, ?? and ||). */
function literals(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    return [...literals(node.left), ...literals(node.right)];
  }
  return [];
}

/**
 * Every code the sources can raise: the first argument of `new InputError(...)` and its kin (or of `super(...)` in
 * their subclasses, or of a local helper such as `bad(code, message)` that builds one), and the `code` of every
 * object literal that also has a `message` (warnings, findings).
 */
function usedCodes(): UsedCode[] {
  const used: UsedCode[] = [];
  for (const { file, sf } of packageSources()) {
    const where = (n: ts.Node) => `${path.relative(repoRoot, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const helpers = new Map<string, number>();
    const calls: ts.CallExpression[] = [];
    const add = (n: ts.Node, values: string[], kind: Kind) => {
      for (const code of values) if (CODE.test(code)) used.push({ code, kind, where: where(n) });
    };
    /** When `name` is a parameter of the function around `node`, calls of that function give the codes. */
    const viaParameter = (node: ts.Node, name: string) => {
      const fn = ts.findAncestor(node.parent, ts.isFunctionLike);
      if (!fn) return;
      const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (index < 0) return;
      const owner = fn.parent;
      if (ts.isVariableDeclaration(owner) && ts.isIdentifier(owner.name)) helpers.set(owner.name.text, index);
      else if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) helpers.set(fn.name.text, index);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERROR_CLASSES.has(node.expression.text)) {
        const first = node.arguments?.[0];
        add(node, literals(first), 'error');
        if (first && ts.isIdentifier(first)) viaParameter(node, first.text);
      }
      if (ts.isCallExpression(node)) {
        calls.push(node);
        if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
          const cls = ts.findAncestor(node, ts.isClassDeclaration);
          const base = cls?.heritageClauses?.[0]?.types[0]?.expression;
          if (base && ts.isIdentifier(base) && ERROR_CLASSES.has(base.text)) add(node, literals(node.arguments[0]), 'error');
        }
      }
      if (ts.isObjectLiteralExpression(node)) {
        const named = (name: string) =>
          node.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText(sf) === name);
        const code = named('code');
        if (code && named('message')) {
          const value = ts.isPropertyAssignment(code) ? code.initializer : code.name;
          add(node, literals(value), 'finding');
          if (ts.isIdentifier(value)) viaParameter(node, value.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    for (const call of calls) {
      if (ts.isIdentifier(call.expression) && helpers.has(call.expression.text))
        add(call, literals(call.arguments[helpers.get(call.expression.text)!]), 'error');
    }
  }
  return used;
}

/** Every `new <className>(...)` in packages/*\/src. */
function errorConstructions(className: string): { node: ts.NewExpression; sf: ts.SourceFile; file: string }[] {
  const found: { node: ts.NewExpression; sf: ts.SourceFile; file: string }[] = [];
  for (const { file, sf } of packageSources()) {
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === className) found.push({ node, sf, file });
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

const docs = readFileSync(path.join(repoRoot, 'docs/errors.md'), 'utf8');
/** Codes documented as table rows: "| `CODE` | ...". */
const documented = new Set([...docs.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]!));

/** The codes documented under the heading that starts with `heading`, up to the next heading. */
function documentedUnder(heading: string): string[] {
  const start = docs.indexOf(`\n${heading}`);
  if (start < 0) return [];
  const rest = docs.slice(start + 1);
  const end = rest.indexOf('\n#');
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]!);
}

describe('docs/errors.md', () => {
  const used = usedCodes();

  it('finds the codes the sources raise (the scanner works)', () => {
    const codes = new Set(used.map((u) => u.code));
    for (const code of ['EMPTY_INPUT', 'NOT_TEXT', 'NOT_A_CABLE', 'SOURCE_MISSING', 'DATASET_INVALID', 'USAGE', 'ROW_SCHEMA', 'TABLE_SCHEMA'])
      expect(codes).toContain(code);
  });

  it('documents every error, warning and check code used in packages/*/src', () => {
    const missing = used.filter((u) => !documented.has(u.code)).map((u) => `${u.code} (${u.kind}, ${u.where})`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('documents no code that the sources no longer use', () => {
    const codes = new Set(used.map((u) => u.code));
    expect([...documented].filter((c) => !codes.has(c) && c !== 'INTERNAL')).toEqual([]);
  });

  it('gives every input error a place (file, line, column or field) and a hint saying what to do', () => {
    const incomplete: string[] = [];
    for (const { node, sf, file } of errorConstructions('InputError')) {
      const [, , location, hint] = node.arguments ?? [];
      const where = `${path.relative(repoRoot, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.arguments?.[0]?.getText(sf)}`;
      if (!location || (ts.isObjectLiteralExpression(location) && location.properties.length === 0)) incomplete.push(`${where}: no location`);
      if (!hint) incomplete.push(`${where}: no hint`);
    }
    expect(incomplete).toEqual([]);
  });

  it('holds the same codes as the Code union of @cablepress/core, both ways, each once', () => {
    expect([...CODES].filter((code) => !documented.has(code))).toEqual([]);
    expect([...documented].filter((code) => !(CODES as readonly string[]).includes(code))).toEqual([]);
    expect(CODES.length).toBe(new Set(CODES).size);
  });

  it.each([
    ['### Reading the input', INPUT_CODES],
    ['### Data that breaks a schema', VALIDATION_CODES],
    ['### Bugs', INTERNAL_CODES],
    ['## Warnings about the cable', WARNING_CODES],
    ['## Findings of the cross-checks', CHECK_CODES],
    ['## Findings of `cablepress validate`', DATASET_CHECK_CODES],
    ['## Corpus failures report', CORPUS_FAILURE_CODES],
  ])('lists under "%s" the codes of the matching group of @cablepress/core', (heading, codes) => {
    expect(documentedUnder(heading)).toEqual([...codes]);
  });

  it('lists every exit code with its meaning', () => {
    for (const [name, value] of Object.entries(EXIT)) expect(docs, name).toMatch(new RegExp(`^\\|\\s*${value}\\s*\\|\\s*\`${name}\``, 'm'));
  });
});
