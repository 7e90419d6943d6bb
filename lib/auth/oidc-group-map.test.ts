import { describe, expect, it } from "vitest";
import { groupsOf, mappedGrants, parseGroupMap } from "./oidc-group-map";

describe("parseGroupMap", () => {
  it("reads group=role@UNIT entries separated by ; or new lines, unit codes upper-cased", () => {
    expect(parseGroupMap(" lodestone-pmo=pmo@GRP ;\nmmg-readers=executive@mmg;")).toEqual({
      ok: true,
      grants: [
        { group: "lodestone-pmo", role: "pmo", unitCode: "GRP" },
        { group: "mmg-readers", role: "executive", unitCode: "MMG" },
      ],
    });
    expect(parseGroupMap(undefined)).toEqual({ ok: true, grants: [] });
  });

  it("takes an AD distinguished name whole: the role follows the last =", () => {
    expect(parseGroupMap("CN=Lodestone PMO,OU=Groups,DC=corp,DC=example=pmo@GRP")).toEqual({
      ok: true,
      grants: [{ group: "CN=Lodestone PMO,OU=Groups,DC=corp,DC=example", role: "pmo", unitCode: "GRP" }],
    });
  });

  it("names every bad entry", () => {
    const parsed = parseGroupMap("ok=pmo@GRP;nothing;g=owner@GRP;g=admin@bad code;=admin@GRP;g=admin@");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      '"nothing" is not group=role@UNITCODE',
      '"g=owner@GRP": unknown role "owner" (one of admin, pmo, manager, executive, staff)',
      '"g=admin@bad code": "BAD CODE" is not a unit code (1-32 upper-case letters, digits or hyphens)',
      '"=admin@GRP" is not group=role@UNITCODE',
      '"g=admin@" is not group=role@UNITCODE',
    ]);
  });
});

describe("groupsOf", () => {
  it("reads an array or a single name and ignores anything else", () => {
    expect(groupsOf({ groups: ["a", "b", "a", 3, ""] }, "groups")).toEqual(["a", "b"]);
    expect(groupsOf({ roles: "x" }, "roles")).toEqual(["x"]);
    expect(groupsOf({ groups: { a: 1 } }, "groups")).toEqual([]);
    expect(groupsOf(undefined, "groups")).toEqual([]);
  });
});

describe("mappedGrants", () => {
  const grants = [
    { group: "pmo", role: "pmo" as const, unitCode: "GRP" },
    { group: "mmg", role: "executive" as const, unitCode: "MMG" },
    { group: "mmg-alt", role: "executive" as const, unitCode: "MMG" },
  ];
  it("the table's pairs are managed; the user's groups choose which are wanted", () => {
    const { managed, wanted } = mappedGrants(grants, ["mmg-alt", "unrelated"]);
    expect([...managed].sort()).toEqual(["executive@MMG", "pmo@GRP"]);
    expect([...wanted]).toEqual(["executive@MMG"]);
    expect([...mappedGrants(grants, []).wanted]).toEqual([]);
  });
});
