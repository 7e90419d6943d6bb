import type { Density, ProjectColumnId } from "../projects/columns";
import type { GroupKey } from "../projects/list-params";

export interface SavedViewSummary {
  id: string;
  name: string;
  /** canonical list query string, without page or view */
  query: string;
  columns: ProjectColumnId[];
  columnWidths: Partial<Record<ProjectColumnId, number>>;
  groupBy: GroupKey | null;
  density: Density | null;
  shared: boolean;
  ownerName: string;
  /** the viewer owns it (may change, share and delete it) */
  mine: boolean;
  isDefault: boolean;
}

export interface TablePreferences {
  columns: ProjectColumnId[];
  columnWidths: Partial<Record<ProjectColumnId, number>>;
  density: Density;
  defaultViewId: string | null;
}
