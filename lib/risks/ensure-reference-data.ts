import type { PrismaClient } from "../db/generated/client";
import { GATE_PROCESSES } from "../gates/processes";
import { checkMatrix } from "./matrix";
import { RISK_MATRICES } from "./reference-data";

/**
 * Writes the reference data (risk matrix versions, gate processes) that is
 * missing; never changes what is there (matrix versions are immutable in the
 * database). Runs at every boot after the migrations; idempotent.
 */
export async function ensureRiskAndGateReferenceData(prisma: PrismaClient): Promise<void> {
  for (const m of RISK_MATRICES) {
    const problems = checkMatrix(m);
    if (problems.length) throw new Error(`risk matrix ${m.key} v${m.version}: ${problems.join("; ")}`);
  }
  await prisma.riskMatrix.createMany({
    data: RISK_MATRICES.map((m) => ({
      key: m.key,
      version: m.version,
      nameEn: m.name.en,
      nameZh: m.name.zh,
      probabilityLevels: m.probabilityLevels,
      impactLevels: m.impactLevels,
      dimensions: m.dimensions,
      bands: m.bands,
    })),
    skipDuplicates: true,
  });
  for (const p of GATE_PROCESSES) {
    const process = await prisma.gateProcess.upsert({
      where: { key: p.key },
      create: { key: p.key, nameEn: p.en, nameZh: p.zh },
      update: {},
      select: { id: true },
    });
    for (const [i, g] of p.gates.entries()) {
      const gate = await prisma.gateDefinition.upsert({
        where: { processId_key: { processId: process.id, key: g.key } },
        create: { processId: process.id, key: g.key, sequence: i + 1, nameEn: g.en, nameZh: g.zh, stageOnGo: g.stageOnGo },
        update: {},
        select: { id: true },
      });
      await prisma.gateDeliverableDefinition.createMany({
        data: g.deliverables.map((d, j) => ({ gateId: gate.id, key: d.key, nameEn: d.en, nameZh: d.zh, mandatory: d.mandatory, sequence: j + 1 })),
        skipDuplicates: true,
      });
    }
  }
}
