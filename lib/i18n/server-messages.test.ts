import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recognizeServerMessage } from "./server-messages";

/** Every .ts file under lib/ (not tests, not the generated client). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // not shown in forms: configuration errors (stderr at start), URL and API parameter checks (API clients, in English)
    if (["generated", "test", "env.ts", "list-params.ts"].includes(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe("server messages", () => {
  it("recognizes exact and numbered messages", () => {
    expect(recognizeServerMessage("Wrong email or password.")).toEqual({ key: "wrongPassword" });
    expect(recognizeServerMessage("At most 300 characters.")).toEqual({ key: "atMost", values: { max: 300 } });
    expect(recognizeServerMessage("Too many failed sign-ins for this account. Try again in 1 minute.")).toEqual({
      key: "tooManySignIns",
      values: { minutes: 1 },
    });
    expect(recognizeServerMessage("Something unheard of")).toBeNull();
  });

  it("knows every expected-error and validation message the server can send to a form", () => {
    const unknown: string[] = [];
    for (const file of sources(join(process.cwd(), "lib"))) {
      const text = readFileSync(file, "utf8");
      // AppError("CODE", "message" …), zod messages (a string argument after a number or as `error:`), field maps ({ comment: "…" })
      const found = [
        ...text.matchAll(/AppError\("[A-Z_]+",\s*"([^"]+)"/g),
        ...text.matchAll(/\.(?:min|max|int|regex|refine)\([^"()]*"([^"]+)"/g),
        ...text.matchAll(/\b(?:error|message):\s*"([A-Z][^"]+)"/g),
        ...text.matchAll(/\b[a-z][A-Za-z]*:\s*"([A-Z][^"]*(?:required|Enter|Give)[^"]*)"/g),
      ].map((m) => m[1]);
      for (const message of found) if (!recognizeServerMessage(message)) unknown.push(`${file.replace(process.cwd(), "")}: ${message}`);
    }
    expect(unknown).toEqual([]);
  });
});
