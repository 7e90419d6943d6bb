import { describe, expect, it } from "vitest";
import { milestoneCreateSchema, milestoneUpdateSchema } from "../milestones/milestone.validation";
import { parseListParamsStrict } from "../projects/list-params";
import { projectUpdateSchema } from "../projects/project-update.validation";
import { viewInputSchema, viewUpdateSchema } from "../views/view.validation";
import { text, TEXT_MESSAGES } from "./text";

const NUL = "\u0000";
const RLO = "\u202E";

describe("text()", () => {
  const title = text({ max: 20, required: true });
  const comment = text({ max: 20, multiline: true });

  it("refuses NUL and other control characters", () => {
    for (const bad of [`a${NUL}b`, "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\tb", "a\nb"])
      expect(title.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(title.safeParse(`a${NUL}b`).error?.issues[0].message).toBe(TEXT_MESSAGES.control);
    // multi-line fields keep tab and newline, still not NUL
    expect(comment.parse("line 1\n\tline 2")).toBe("line 1\n\tline 2");
    expect(comment.safeParse(`x${NUL}`).success).toBe(false);
  });

  it("strips bidi embedding, override and isolate controls", () => {
    expect(title.parse(`evil${RLO}gpj.exe`)).toBe("evilgpj.exe");
    expect(title.parse("\u2066a\u2069\u202Ab\u202C")).toBe("ab");
  });

  it("refuses text without a visible character", () => {
    for (const blank of ["", "   ", "\u200B", "\u200B\u200C\u200D\u2060", "\uFEFF", "\u3164", "\u2800", `${RLO}${RLO}`, "\u00A0\u2003", "\u200E"])
      expect(title.safeParse(blank).success, JSON.stringify(blank)).toBe(false);
    // an optional field may be empty, not invisible
    expect(comment.parse("")).toBe("");
    expect(comment.safeParse("\u200B").success).toBe(false);
    // real text in any script passes
    for (const ok of ["Kinsevere", "五矿资源", "Ñ", "😀", "a\u200Bb"]) expect(title.safeParse(ok).success, ok).toBe(true);
  });

  it("counts the limit after stripping and trimming", () => {
    expect(title.parse(`  ${"x".repeat(20)}  `)).toBe("x".repeat(20));
    expect(title.safeParse("x".repeat(21)).success).toBe(false);
  });
});

describe("every text field of every schema uses it", () => {
  const bad = [`x${NUL}y`, "x\u0001y", "\u200B", "\u3164"];
  it.each(bad)("refuses %j in project, milestone and view text fields and the list's search", (value) => {
    for (const field of ["nameEn", "nameZh", "summary", "summaryZh", "comment"])
      expect(projectUpdateSchema.safeParse({ version: 1, [field]: value }).success, field).toBe(false);
    for (const field of ["title", "titleZh", "comment"]) {
      expect(milestoneCreateSchema.safeParse({ title: "ok", [field]: value }).success, field).toBe(false);
      expect(milestoneUpdateSchema.safeParse({ version: 1, [field]: value }).success, field).toBe(false);
    }
    expect(viewInputSchema.safeParse({ name: value }).success).toBe(false);
    expect(viewUpdateSchema.safeParse({ name: value }).success).toBe(false);
    expect(parseListParamsStrict(new URLSearchParams({ q: value })).ok).toBe(false);
    expect(parseListParamsStrict(new URLSearchParams({ company: value })).ok).toBe(false);
  });

  it("strips bidi overrides, so a title of overrides only is an empty title", () => {
    expect(milestoneCreateSchema.safeParse({ title: `${RLO}\u2066` }).success).toBe(false);
    expect(viewInputSchema.safeParse({ name: RLO }).success).toBe(false);
    expect(projectUpdateSchema.safeParse({ version: 1, nameEn: RLO }).success).toBe(false);
    expect(projectUpdateSchema.parse({ version: 1, nameZh: RLO }).nameZh).toBeNull();
    expect(milestoneUpdateSchema.parse({ version: 1, title: `Ramp${RLO}-up` }).title).toBe("Ramp-up");
  });

  it("refuses NUL in a saved view's query", () => {
    expect(viewInputSchema.safeParse({ name: "v", query: `q=a${NUL}` }).success).toBe(false);
  });
});
