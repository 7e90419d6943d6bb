import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * No user-visible text is written into the UI's code: JSX text and the
 * attributes people read (aria-label, title, placeholder, alt …) come from the
 * message catalogs. A string with a letter (any script, so Chinese too) is an
 * offender; punctuation and symbols ("·", "→", "/") are not words and pass.
 */
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-placeholder",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
]);
const WORD = /\p{L}/u;
/** Deliberate exceptions, as "file: text". Keep empty unless the text is truly not language (a unit symbol, a code). */
const ALLOWED = new Set<string>([
  // a rate-set line's format (ISO code, rate to CNY, rate to USD): the same in every language
  'components/capex/admin/capex-reference-admin.tsx: "USD 7.1 1"',
  // a URL scheme, not a word
  'components/integrations/webhooks-admin.tsx: "https://"',
]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith(".tsx") ? [path] : [];
  });
}

function stringOf(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isJsxExpression(node)) return stringOf(node.expression);
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => s.literal.text).join(" ");
  if (ts.isParenthesizedExpression(node)) return stringOf(node.expression);
  if (ts.isConditionalExpression(node)) return [stringOf(node.whenTrue), stringOf(node.whenFalse)].filter(Boolean).join(" ") || null;
  return null;
}

export function findHardCodedStrings(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${file}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf))) {
      const text = stringOf(node.initializer);
      if (text && WORD.test(text)) report(node, text);
    }
    // {"text"} as a JSX child
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text =
        node.expression && (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) ? node.expression.text : null;
      if (text && WORD.test(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("UI strings", () => {
  it("finds the offenders it is meant to find (and lets symbols pass)", () => {
    const sample = `export const A = () => (<div title="Close" aria-label={"Menu"}>
      Hello <span>{"world"}</span> <b>→</b> {" · "} <i placeholder={\`Search \${x}\`} /> <img alt="地图" /> {t("ok")}</div>);`;
    expect(findHardCodedStrings("x.tsx", sample).map((s) => s.split(": ").slice(1).join(": "))).toEqual([
      '"Close"',
      '"Menu"',
      '"Hello"',
      '"world"',
      '"Search"',
      '"地图"',
    ]);
  });

  it("are not hard-coded in app/ or components/: every one comes from the catalogs", () => {
    const root = process.cwd();
    const offenders = ["app", "components"]
      .flatMap((dir) => tsxFiles(join(root, dir)))
      .flatMap((file) => findHardCodedStrings(relative(root, file), readFileSync(file, "utf8")))
      .filter((o) => !ALLOWED.has(o.replace(/:\d+:/, ":")));
    expect(offenders).toEqual([]);
  });
});
