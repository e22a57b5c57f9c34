import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../helpers.js';

export interface FoundRegex {
  /** Repo-relative file and 1-based line. */
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every regular expression written in packages/*\/src: literals and `new RegExp('...', '...')` with literal arguments. */
export function findRegexes(): FoundRegex[] {
  const packages = path.join(repoRoot, 'packages');
  const files = readdirSync(packages).flatMap((p) => {
    const src = path.join(packages, p, 'src');
    try {
      return sourceFiles(src);
    } catch {
      return [];
    }
  });
  const found: FoundRegex[] = [];
  for (const file of files.sort()) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const add = (node: ts.Node, source: string, flags: string) =>
      found.push({ file: path.relative(repoRoot, file), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, source, flags });
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf('/');
        add(node, text.slice(1, slash), text.slice(slash + 1));
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && ts.isStringLiteralLike(pattern)) add(node, pattern.text, flags && ts.isStringLiteralLike(flags) ? flags.text : '');
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** Every `new RegExp(...)` built from something other than string literals, which the audit cannot check. */
export function findDynamicRegexes(): { file: string; line: number; text: string }[] {
  const packages = path.join(repoRoot, 'packages');
  const out: { file: string; line: number; text: string }[] = [];
  for (const p of readdirSync(packages)) {
    let files: string[];
    try {
      files = sourceFiles(path.join(packages, p, 'src'));
    } catch {
      continue;
    }
    for (const file of files) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [pattern] = node.arguments ?? [];
          if (pattern && !ts.isStringLiteralLike(pattern)) {
            out.push({
              file: path.relative(repoRoot, file),
              line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
              text: node.getText().slice(0, 120),
            });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return out;
}
