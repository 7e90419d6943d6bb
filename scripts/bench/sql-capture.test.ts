import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends, withTestDatabase } from "../../lib/test/database";
import { parseCapture } from "./sql-replay";
// @ts-expect-error: a plain ES module preload without types
import { installSqlCapture } from "./sql-capture.mjs";

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-capture-")), "sql.jsonl");

beforeAll(async () => {
  await (installSqlCapture as (file: string) => Promise<void>)(file);
});
afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

describe.each(testBackends())("the bench's SQL capture preload on %s", (backend) => {
  const database = withTestDatabase(backend);

  it("writes down the statements and parameters Prisma sends, in and out of transactions", async () => {
    const { prisma } = database();
    fs.writeFileSync(file, "");
    await prisma.project.findMany({ where: { slug: "capture-me" }, select: { id: true } });
    await prisma.$transaction(async (tx) => tx.project.count({ where: { nameEn: "inside-a-transaction" } }));
    const statements = parseCapture(fs.readFileSync(file, "utf8"));
    expect(statements.some((s) => /FROM "public"\."Project"/.test(s.sql) && s.params.includes("capture-me"))).toBe(true);
    expect(statements.some((s) => /count/i.test(s.sql) && s.params.includes("inside-a-transaction"))).toBe(true);
  });
});
