import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/*
 * A small import graph of the repository's own TypeScript, read with the TypeScript parser
 * (so `import type`, inline `type` specifiers, re-exports and dynamic imports are told apart
 * exactly), for the architecture tests.
 */

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type ImportRef = {
  specifier: string;
  line: number;
  /** Names bound as values; `*` for a namespace or side-effect import, `default` for a default one. */
  values: string[];
  /** The file it resolves to inside the repository, or null for a package. */
  resolved: string | null;
};

const EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js"];

/** Repository files under `dir` (relative to the root) with a TypeScript or JavaScript extension. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const next = path.join(abs, entry.name);
      if (entry.isDirectory()) walk(next);
      else if (EXTENSIONS.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith(".d.ts"))
        out.push(path.relative(ROOT, next));
    }
  };
  if (fs.existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
  return out.sort();
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(path.join(ROOT, from)), specifier)
      : null;
  if (!base) return null;
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  const hit = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  return hit ? path.relative(ROOT, hit) : null;
}

const cache = new Map<string, { imports: ImportRef[]; useServer: boolean }>();

function parse(file: string) {
  const cached = cache.get(file);
  if (cached) return cached;
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports: ImportRef[] = [];
  const add = (node: ts.Node, specifier: string, values: string[]) => {
    if (!values.length) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    imports.push({ specifier, line, values, resolved: resolve(file, specifier) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const values: string[] = [];
      if (!clause) values.push("*");
      else if (!clause.isTypeOnly) {
        if (clause.name) values.push("default");
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) values.push("*");
        if (bindings && ts.isNamedImports(bindings))
          for (const el of bindings.elements)
            if (!el.isTypeOnly) values.push((el.propertyName ?? el.name).text);
      }
      add(node, node.moduleSpecifier.text, values);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.isTypeOnly
    ) {
      const clause = node.exportClause;
      const values =
        clause && ts.isNamedExports(clause)
          ? clause.elements.filter((el) => !el.isTypeOnly).map((el) => (el.propertyName ?? el.name).text)
          : ["*"];
      add(node, node.moduleSpecifier.text, values);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node, node.arguments[0].text, ["*"]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const first = source.statements[0];
  const useServer =
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use server";
  const parsed = { imports, useServer };
  cache.set(file, parsed);
  return parsed;
}

/** The imports of a file that bind values (type-only imports vanish at compile time). */
export function valueImports(file: string): ImportRef[] {
  return parse(file).imports;
}

/** Whether a module is a server-action file (`"use server"` as its first statement). */
export function isServerActionFile(file: string): boolean {
  return parse(file).useServer;
}
