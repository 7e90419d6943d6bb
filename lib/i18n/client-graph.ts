import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

/**
 * Which message namespaces the client components of a route use: a static
 * walk of the import graph from a route file (page, layout, loading …). A
 * module is client code when it says "use client" or a client module imports
 * it; from there on every import is client code too ("use server" modules are
 * references, not code, and are not followed). In client code, every
 * `useTranslations("ns")` names a namespace the route's provider must carry.
 *
 * Test and tooling only (reads the source tree): never imported by the app.
 */

const root = join(import.meta.dirname, "..", "..");
const EXTENSIONS = [".tsx", ".ts", ".jsx", ".js", "/index.tsx", "/index.ts"];

export interface ClientUsage {
  /** namespaces passed to useTranslations in client code, sorted */
  namespaces: string[];
  /** client-code calls the walk cannot read: useTranslations() with no or a computed namespace, useMessages() */
  unreadable: string[];
}

interface ParsedModule {
  directive: "client" | "server" | null;
  imports: string[];
  namespaces: string[];
  unreadable: string[];
}

const parsed = new Map<string, ParsedModule>();

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = join(dirname(from), spec);
  else return null; // a package: its messages are not ours
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null; // CSS, JSON and the like
}

function parse(file: string): ParsedModule {
  const known = parsed.get(file);
  if (known) return known;
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = sf.statements[0];
  const directive =
    first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)
      ? first.expression.text === "use client"
        ? "client"
        : first.expression.text === "use server"
          ? "server"
          : null
      : null;
  const mod: ParsedModule = { directive, imports: [], namespaces: [], unreadable: [] };
  const where = (node: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const addImport = (spec: string) => {
    const target = resolveImport(file, spec);
    if (target) mod.imports.push(target);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      // An import of types only leaves nothing in the bundle.
      const bindings = node.importClause?.namedBindings;
      const allTypes =
        !node.importClause?.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      if (!allTypes || !node.importClause) addImport(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      addImport(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) addImport(node.arguments[0].text);
      if (ts.isIdentifier(callee) && callee.text === "useTranslations") {
        const arg = node.arguments[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) mod.namespaces.push(arg.text);
        else mod.unreadable.push(`${where(node)}: useTranslations(${arg ? arg.getText(sf) : ""})`);
      }
      if (ts.isIdentifier(callee) && callee.text === "useMessages") mod.unreadable.push(`${where(node)}: useMessages()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  parsed.set(file, mod);
  return mod;
}

/** The client namespaces reached from these route files (paths relative to the repository root). */
export function clientUsage(routeFiles: readonly string[]): ClientUsage {
  const namespaces = new Set<string>();
  const unreadable = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const mod = parse(file);
    if (mod.directive === "server" && client) return; // a server action: the client holds only a reference
    const isClient = client || mod.directive === "client";
    const key = `${isClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (isClient) {
      mod.namespaces.forEach((n) => namespaces.add(n));
      mod.unreadable.forEach((u) => unreadable.add(u));
    }
    for (const target of mod.imports) walk(target, isClient);
  };
  for (const file of routeFiles) walk(join(root, file), false);
  return { namespaces: [...namespaces].sort(), unreadable: [...unreadable].sort() };
}
