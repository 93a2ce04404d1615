/**
 * Static checks over the code base's own TypeScript, parsed (not grepped), so a
 * comment or a string that merely mentions an import or process.env is no hit.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Repo-relative paths (with /) of the .ts files under `dir`, sorted. */
export function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (abs: string) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = path.join(abs, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(child);
    }
  };
  walk(path.join(repoRoot, dir));
  return found.map((f) => path.relative(repoRoot, f).split(path.sep).join('/')).sort();
}

function parse(file: string, text?: string): ts.SourceFile {
  const source = text ?? fs.readFileSync(path.join(repoRoot, file), 'utf8');
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

/**
 * The repo-relative files a source file imports by relative path: static imports
 * and re-exports (type-only ones too) and dynamic `import()`. Packages are left out.
 */
export function relativeImports(file: string, text?: string): string[] {
  const specifiers: string[] = [];
  visit(parse(file, text), (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
  });
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
}

/**
 * The lines where a source file reads process.env. Handing the whole environment
 * on to a child process (`{ ...process.env, LC_ALL: 'C' }`) is no read.
 */
export function envReads(file: string, text?: string): number[] {
  const source = parse(file, text);
  const lines: number[] = [];
  visit(source, (node) => {
    const isProcessEnv =
      (ts.isPropertyAccessExpression(node) && node.name.text === 'env') ||
      (ts.isElementAccessExpression(node) &&
        ts.isStringLiteralLike(node.argumentExpression) &&
        node.argumentExpression.text === 'env');
    if (!isProcessEnv) return;
    const target = node.expression;
    if (!ts.isIdentifier(target) || target.text !== 'process') return;
    if (ts.isSpreadAssignment(node.parent)) return;
    lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
  });
  return lines;
}

/** A `msg(…)` call of the localization layer (sdk/i18n.ts): its English id, or why it has none. */
export interface MessageCall {
  line: number;
  /** The literal English text; undefined when the first argument is not a string literal. */
  id?: string;
}

/**
 * Every call of a function named `msg` (or a property `.msg`) in a source file.
 * Catalogs are checked against these ids, so an id must be written out, not computed.
 */
export function messageCalls(file: string, text?: string): MessageCall[] {
  const source = parse(file, text);
  const calls: MessageCall[] = [];
  visit(source, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    const named =
      (ts.isIdentifier(callee) && callee.text === 'msg') ||
      (ts.isPropertyAccessExpression(callee) && callee.name.text === 'msg');
    if (!named) return;
    const first = node.arguments[0];
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    calls.push({ line, id: first && ts.isStringLiteralLike(first) ? first.text : undefined });
  });
  return calls;
}
