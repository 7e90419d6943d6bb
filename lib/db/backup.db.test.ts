import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { minmetalsPortfolio } from "../../prisma/seed/minmetals-2024";
import { backupDatabase, restoreDatabase, tableChecksums } from "./backup";
import { openDatabase } from "./client";
import { applyPendingMigrations } from "./migrate";
import type { PrismaClient } from "./generated/client";
import { loadPortfolio } from "./seed";

/** Capex and KPI rows in every new table (issue 13), with an approved version whose trigger must not refuse the restore. */
async function addCapexAndKpis(prisma: PrismaClient): Promise<void> {
  const project = await prisma.project.findFirstOrThrow({ orderBy: { slug: "asc" }, select: { id: true, currency: true } });
  const [category, definition] = await Promise.all([
    prisma.costCategory.findFirstOrThrow({ where: { key: "mining" } }),
    prisma.kpiDefinition.findFirstOrThrow({ where: { key: "ore-milled" } }),
  ]);
  const set = await prisma.exchangeRateSet.create({
    data: {
      name: "Backup 2026",
      effectiveFrom: new Date("2026-01-01"),
      rates: {
        create: [
          { currency: "USD", toCny: "7.1", toUsd: "1" },
          { currency: "CNY", toCny: "1", toUsd: "0.1408" },
        ],
      },
    },
  });
  const money = {
    currency: project.currency,
    amount: "1000.10",
    amountCny: "7100.71",
    amountUsd: "1000.10",
    rateSetId: set.id,
    categoryId: category.id,
    period: new Date("2026-01-01"),
  };
  await prisma.budgetVersion.create({
    data: { projectId: project.id, kind: "ORIGINAL", label: "FID", currency: project.currency, createdByName: "Backup", lines: { create: [money] } },
  });
  await prisma.budgetVersion.updateMany({ where: { projectId: project.id }, data: { state: "APPROVED", approvedAt: new Date(), approvedByName: "Backup" } });
  await prisma.costLine.create({ data: { projectId: project.id, measure: "ACTUAL", externalRef: "ERP-1", ...money } });
  await prisma.kpiActual.create({ data: { projectId: project.id, definitionId: definition.id, period: new Date("2026-01-01"), value: "1234.5" } });
  await prisma.kpiTarget.create({
    data: { projectId: project.id, definitionId: definition.id, series: "RAMP_UP", period: new Date("2026-01-01"), value: "2000" },
  });
  await prisma.kpiDesignCapacity.create({ data: { projectId: project.id, definitionId: definition.id, monthlyValue: "3000" } });
}

const CAPEX_TABLES = [
  "ExchangeRateSet",
  "ExchangeRate",
  "BudgetVersion",
  "BudgetLine",
  "CostLine",
  "KpiActual",
  "KpiTarget",
  "KpiDesignCapacity",
  "CostMonth",
  "BudgetMonth",
  "CapexSummary",
  "KpiSummary",
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lodestone-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("backup and restore", () => {
  it("round-trips the embedded database: same rows, same checksums", async () => {
    const source = await openDatabase({ kind: "pglite", dataDir: path.join(tmp, "source") });
    const file = path.join(tmp, "backup.tar.gz");
    let before;
    try {
      await applyPendingMigrations(source);
      await loadPortfolio(source.prisma, minmetalsPortfolio);
      await addCapexAndKpis(source.prisma);
      before = await tableChecksums(source.prisma);
      await backupDatabase(source, file);
    } finally {
      await source.close();
    }
    expect(before.Project.rows).toBe(minmetalsPortfolio.projects.length);
    for (const table of CAPEX_TABLES) expect(before[table].rows, table).toBeGreaterThan(0);
    const target = { kind: "pglite" as const, dataDir: path.join(tmp, "restored") };
    await restoreDatabase(target, file);
    const restored = await openDatabase(target);
    try {
      expect(await tableChecksums(restored.prisma)).toEqual(before);
    } finally {
      await restored.close();
    }
    // refuses to overwrite a folder that holds data
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty/);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("round-trips PostgreSQL with pg_dump and pg_restore", async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const names = [`lodestone_bk_${randomUUID().slice(0, 8)}`, `lodestone_rs_${randomUUID().slice(0, 8)}`];
    const urlOf = (name: string) => Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    for (const n of names) await client.query(`CREATE DATABASE ${n}`);
    try {
      const source = await openDatabase({ kind: "postgres", url: urlOf(names[0]), poolSize: 2 });
      const file = path.join(tmp, "backup.pgdump");
      let before;
      try {
        await applyPendingMigrations(source);
        await loadPortfolio(source.prisma, minmetalsPortfolio);
        await addCapexAndKpis(source.prisma);
        before = await tableChecksums(source.prisma);
        await backupDatabase(source, file);
      } finally {
        await source.close();
      }
      for (const table of CAPEX_TABLES) expect(before[table].rows, table).toBeGreaterThan(0);
      await restoreDatabase({ kind: "postgres", url: urlOf(names[1]), poolSize: 2 }, file);
      const restored = await openDatabase({ kind: "postgres", url: urlOf(names[1]), poolSize: 2 });
      try {
        expect(await tableChecksums(restored.prisma)).toEqual(before);
      } finally {
        await restored.close();
      }
    } finally {
      for (const n of names) await client.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await client.end();
    }
  });
});
