import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase } from "./backup";
import { openDatabase } from "./client";
import { lockPathFor } from "./data-dir-lock";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lodestone-modes-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every path under root whose mode lets group or others in. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) found.push(`${(st.mode & 0o777).toString(8)} ${path.relative(tmp, p)}`);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
  };
  visit(root);
  return found;
}

describe("files of the embedded database", () => {
  it("are 0600 and folders 0700, new ones and those left open by an older version, and so are the lock and a backup", async () => {
    const dataDir = path.join(tmp, "pglite");
    const previous = process.umask(0);
    try {
      // an older version (or a permissive umask) left the folder open to everyone
      fs.mkdirSync(dataDir, { mode: 0o777 });
      fs.writeFileSync(path.join(dataDir, "left-over"), "x", { mode: 0o666 });
      const database = await openDatabase({ kind: "pglite", dataDir });
      try {
        await database.prisma.$executeRawUnsafe("CREATE TABLE made_after_open (id int)");
        await database.prisma.$executeRawUnsafe("INSERT INTO made_after_open SELECT generate_series(1, 1000)");
        await database.prisma.$executeRawUnsafe("CHECKPOINT");
        expect(fs.readdirSync(dataDir).length).toBeGreaterThan(5);
        expect(openToOthers(dataDir)).toEqual([]);
        expect(openToOthers(lockPathFor(dataDir))).toEqual([]);
        const backup = path.join(tmp, "backup.tar.gz");
        await backupDatabase(database, backup);
        expect(openToOthers(backup)).toEqual([]);
      } finally {
        await database.close();
      }
    } finally {
      process.umask(previous);
    }
  });
});
