import { describe, expect, it } from "vitest";
import { parseListParamsLenient, parseListParamsStrict, toSearchParams } from "./list-params";

describe("parseListParamsStrict", () => {
  it("accepts repeated and comma-separated values", () => {
    const r = parseListParamsStrict(new URLSearchParams("region=AFRICA&region=CHINA&stage=CONSTRUCTION,OPERATION&country=cd"));
    expect(r.ok && r.params).toMatchObject({
      region: ["AFRICA", "CHINA"],
      stage: ["CONSTRUCTION", "OPERATION"],
      country: ["CD"],
      page: 1,
      pageSize: 25,
      sort: "name",
      dir: "asc",
    });
  });
  it("rejects unknown enum values, bad numbers and unknown keys, naming each", () => {
    const r = parseListParamsStrict(new URLSearchParams("stage=NOPE&page=0&pageSize=1000&foo=1"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fields).sort()).toEqual(["foo", "page", "pageSize", "stage"]);
    expect(r.message).toContain("stage");
    expect(r.fields.stage).toContain("CONSTRUCTION");
  });
  it("rejects an oversized search", () => {
    expect(parseListParamsStrict({ q: "x".repeat(101) }).ok).toBe(false);
  });
});

describe("parseListParamsLenient", () => {
  it("drops only the bad values and reports them", () => {
    const r = parseListParamsLenient({ stage: ["NOPE", "CONSTRUCTION"], page: "-3", foo: "1", health: "AT_RISK" });
    expect(r.params.stage).toEqual(["CONSTRUCTION"]);
    expect(r.params.health).toEqual(["AT_RISK"]);
    expect(r.params.page).toBe(1);
    expect(r.ignored.sort()).toEqual(["foo", "page", "stage"]);
  });
  it("ignores empty values silently", () => {
    const r = parseListParamsLenient({ q: "", region: "" });
    expect(r.ignored).toEqual([]);
    expect(r.params.q).toBeUndefined();
  });
});

describe("toSearchParams", () => {
  it("round-trips a state and leaves defaults out", () => {
    const state = parseListParamsLenient({ region: ["AFRICA", "CHINA"], q: "铜矿", sort: "health", dir: "desc", page: "2" }).params;
    const qs = toSearchParams(state);
    expect(qs.toString()).not.toContain("pageSize");
    expect(parseListParamsLenient(qs).params).toEqual(state);
  });
});
