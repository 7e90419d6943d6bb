import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import zhCN from "../../messages/zh-CN.json";
import { AppError } from "../errors";
import { milestoneCreateSchema } from "../milestones/milestone.validation";
import { zodFieldErrors } from "../validation/field-errors";
import { formatMessage } from "./format-message";

/** Every .ts file under lib/ (not tests, not the generated client). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // configuration errors (stderr at start) and the list's URL parameter checks (API clients, in English) are not keyed
    if (["generated", "test", "env.ts", "list-params.ts"].includes(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const KEY = /^[a-z][A-Za-z0-9]*$/;

describe("server message keys", () => {
  it("every key a server error or a schema can carry exists in both catalogs, and no English sentence is left as a message", () => {
    const problems: string[] = [];
    for (const file of sources(join(process.cwd(), "lib"))) {
      const text = readFileSync(file, "utf8");
      const where = file.replace(process.cwd(), "");
      const found = [
        // every string in an AppError(…) or failure(…) after its code: the message key, its fields' keys
        // (machine-readable reasons wrapped in untranslated()/fileReason() are not messages)
        ...[...text.matchAll(/(?:new AppError|failure)\("[A-Z_]+",([^;]*)/g)].flatMap((m) => [
          ...m[1].replace(/(?:untranslated|fileReason)\([^)]*\)|""|details: \{[^}]*\}|params: \{[^}]*\}|reason === "\w+"/g, "").matchAll(/"([^"]+)"/g),
        ]),
        // schema messages: a check's string argument, `error:` / `message:`, requiredMessage / tooLong, schemaMessage("key", …)
        ...(/\.validation\.ts$|validation\/text\.ts$/.test(file)
          ? [
              ...text.matchAll(/\.(?:min|max|int|regex|refine|email|url|length)\([^"()]*"([^"]+)"/g),
              ...text.matchAll(/\b(?:error|message|requiredMessage|tooLong):\s*"([^"]+)"/g),
              ...text.matchAll(/schemaMessage\("([^"]+)"/g),
            ]
          : []),
      ].map((m) => m[1]);
      for (const key of found) {
        // API-only developer messages ("version is required: …") start lower-case and are sentences; everything else must be a key.
        if (!KEY.test(key)) {
          if (/^[a-z]/.test(key) && key.includes(" ")) continue;
          problems.push(`${where}: "${key}" is text, not a catalog key`);
        } else if (!(key in en.serverMessages) || !(key in zhCN.serverMessages)) problems.push(`${where}: ${key} is missing from a catalog`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("an AppError keeps its key and parameters, and says the English for the API", () => {
    const err = new AppError("CONFLICT", { key: "viewNameTaken", params: { name: "China" } }, { name: "viewNameTakenField" });
    expect(err.userMessage).toEqual({ key: "viewNameTaken", params: { name: "China" } });
    expect(err.message).toBe("You already have a view named “China”.");
    expect(err.fields).toEqual({ name: { key: "viewNameTakenField" } });
  });

  it("a schema's message renders in Chinese from the key, with its parameters (the old English-text matching showed English here)", () => {
    const zh = createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "serverMessages" });
    const parsed = milestoneCreateSchema.safeParse({ title: "x".repeat(301), comment: "" });
    expect(parsed.success).toBe(false);
    const fields = zodFieldErrors(parsed.error!);
    expect(fields.title).toEqual({ key: "atMost", params: { max: 300 } });
    expect(formatMessage(zh, fields.title)).toBe("最多 300 个字符。");
    // A message that was never in the catalog's English (the view-name clash) is Chinese too.
    const err = new AppError("CONFLICT", { key: "viewNameTaken", params: { name: "中国" } });
    expect(formatMessage(zh, err.userMessage)).toBe("您已有名为“中国”的视图。");
  });
});
