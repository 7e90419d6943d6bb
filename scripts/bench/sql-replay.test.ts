import { describe, expect, it } from "vitest";
import { freshIds, isWrite, parseCapture } from "./sql-replay";

const A = "11111111-1111-4111-8111-111111111111";
const NEW = "22222222-2222-4222-8222-222222222222";

describe("parseCapture", () => {
  it("reads statements and Prisma's JSON parameters, without comments and transaction control", () => {
    const text = [
      JSON.stringify({ sql: 'SELECT * FROM "Project" WHERE id = $1 LIMIT $2', params: JSON.stringify([A, "1"]) }),
      JSON.stringify({ sql: '-- Implicit "COMMIT" query via underlying driver', params: "[]" }),
      JSON.stringify({ sql: "BEGIN", params: "[]" }),
      "",
    ].join("\n");
    expect(parseCapture(text)).toEqual([{ sql: 'SELECT * FROM "Project" WHERE id = $1 LIMIT $2', params: [A, "1"] }]);
  });
});

describe("freshIds", () => {
  const statements = [
    { sql: 'SELECT "version" FROM "Project" WHERE id = $1', params: [A] },
    { sql: 'UPDATE "Project" SET "version" = $1 WHERE id = $2', params: [4, A] },
    { sql: 'INSERT INTO "StatusUpdate" (id, "projectId") VALUES ($1, $2)', params: [NEW, A] },
    {
      sql: 'INSERT INTO "FieldChange" (id, "updateId") VALUES ($1, $2), ($3, $2)',
      params: ["33333333-3333-4333-8333-333333333333", NEW, "44444444-4444-4444-8444-444444444444"],
    },
  ];

  it("gives new rows fresh ids, the same one wherever a row is referenced, and keeps existing ids", () => {
    const out = freshIds(statements);
    expect(out[0].params).toEqual([A]);
    expect(out[2].params[1]).toBe(A);
    expect(out[2].params[0]).not.toBe(NEW);
    expect(out[3].params[1]).toBe(out[2].params[0]);
    expect(out[3].params[0]).not.toBe(out[3].params[2]);
    expect(freshIds(statements)[2].params[0]).not.toBe(out[2].params[0]);
  });

  it("tells writes from reads", () => {
    expect(statements.map(isWrite)).toEqual([false, true, true, true]);
  });
});
