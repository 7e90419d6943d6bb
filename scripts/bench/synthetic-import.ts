import ExcelJS from "exceljs";
import { BUSINESS_LINES, PROJECT_KINDS, STAGES } from "../../lib/projects/enums";
import { mulberry32 } from "./synthetic";

/**
 * A deterministic import workbook (the template's sheets and headers) of
 * `projects` projects with `milestonesPerProject` milestones each, in the
 * units given; the same arguments always give the same bytes' content.
 * `variant` changes every 50th project's stage and every 100th milestone's
 * forecast, for timing a re-import with changes.
 */
export async function syntheticImportWorkbook({
  projects,
  milestonesPerProject,
  units,
  seed = 19,
  variant = 0,
}: {
  projects: number;
  milestonesPerProject: number;
  units: readonly string[];
  seed?: number;
  variant?: number;
}): Promise<Uint8Array> {
  const rng = mulberry32(seed);
  const wb = new ExcelJS.Workbook();
  const ps = wb.addWorksheet("Projects");
  ps.addRow([
    "Key",
    "Name (English)",
    "Name (Chinese)",
    "Unit",
    "Kind",
    "Business line",
    "Stage",
    "Country",
    "Planned start",
    "Planned start precision",
    "Planned finish",
    "Planned finish precision",
    "Summary (English)",
  ]);
  const ms = wb.addWorksheet("Milestones");
  ms.addRow([
    "Project key",
    "Milestone key",
    "Title (English)",
    "Title (Chinese)",
    "State",
    "Baseline",
    "Baseline precision",
    "Forecast",
    "Forecast precision",
  ]);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  for (let i = 1; i <= projects; i += 1) {
    const key = `imp-${String(i).padStart(5, "0")}`;
    const start = 2024 + Math.floor(rng() * 4);
    const drawn = pick(STAGES.filter((s) => s !== "ON_HOLD"));
    const stage = variant && i % 50 === 0 ? "ON_HOLD" : drawn;
    ps.addRow([
      key,
      `Imported Project ${i}`,
      `导入项目${i}`,
      pick(units),
      pick(PROJECT_KINDS),
      pick(BUSINESS_LINES),
      stage,
      pick(["CN", "PE", "AU", "CD", "LA"]),
      `${start}-01-01`,
      "QUARTER",
      `${start + 4}-01-01`,
      "YEAR",
      `Synthetic project ${i} for the import benchmark.`,
    ]);
    for (let m = 1; m <= milestonesPerProject; m += 1) {
      const year = start + Math.floor(m / 3);
      const month = String(((m * 5) % 12) + 1).padStart(2, "0");
      const forecastYear = variant && (i * milestonesPerProject + m) % 100 === 0 ? year + 1 : year;
      ms.addRow([key, `m${m}`, `Milestone ${m}`, `里程碑${m}`, "PLANNED", `${year}-${month}-01`, "MONTH", `${forecastYear}-${month}-01`, "MONTH"]);
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
