import { describe, expect, it } from "vitest";
import { dec } from "../capex/money";
import { aggregate, frequencyRate, meetsTarget, percentOfDesign, ratioValue } from "./kpi-math";

describe("KPI rates and aggregation", () => {
  it("TRIFR per million hours from counts and hours", () => {
    expect(frequencyRate([dec(3)], [dec(1_500_000)])!.toFixed(2)).toBe("2.00");
    expect(frequencyRate([dec(0)], [dec(10)])!.toString()).toBe("0");
    expect(frequencyRate([dec(1)], [])).toBeNull();
    expect(frequencyRate([dec(1)], [dec(0)])).toBeNull();
  });

  it("a group rate is from summed counts and hours across units, not the mean of site rates", () => {
    // site A: 1 injury in 100k hours (rate 10); site B: none in 900k hours (rate 0)
    const a = { injuries: dec(1), hours: dec(100_000) };
    const b = { injuries: dec(0), hours: dec(900_000) };
    const group = frequencyRate([a.injuries, b.injuries], [a.hours, b.hours])!;
    expect(group.toFixed(2)).toBe("1.00");
    const meanOfRates = frequencyRate([a.injuries], [a.hours])!
      .plus(frequencyRate([b.injuries], [b.hours])!)
      .div(2);
    expect(meanOfRates.toFixed(2)).toBe("5.00");
  });

  it("a RATIO definition sums employees' and contractors' hours", () => {
    const trifr = {
      key: "trifr",
      aggregation: "RATIO" as const,
      numeratorKeys: ["recordable-injuries"],
      denominatorKeys: ["hours-employees", "hours-contractors"],
      scale: dec(1_000_000),
    };
    const values = new Map([
      ["recordable-injuries", [dec(1), dec(2)]],
      ["hours-employees", [dec(200_000), dec(300_000)]],
      ["hours-contractors", [dec(250_000), dec(250_000)]],
    ]);
    expect(ratioValue(trifr, values)!.toFixed(2)).toBe("3.00");
    expect(ratioValue(trifr, new Map())).toBeNull();
  });

  it("SUM, AVERAGE, LAST and % of design capacity", () => {
    const v = [dec(10), dec(20), dec(33)];
    expect(aggregate("SUM", v)!.toString()).toBe("63");
    expect(aggregate("AVERAGE", v)!.toString()).toBe("21");
    expect(aggregate("LAST", v)!.toString()).toBe("33");
    expect(aggregate("SUM", [])).toBeNull();
    expect(percentOfDesign(dec(750), dec(1000))!.toString()).toBe("75");
    expect(percentOfDesign(dec(1), dec(3))!.toString()).toBe("33.3");
    expect(percentOfDesign(dec(1), dec(0))).toBeNull();
    expect(meetsTarget(dec(5), dec(4), "HIGHER_BETTER")).toBe(true);
    expect(meetsTarget(dec(5), dec(4), "LOWER_BETTER")).toBe(false);
  });
});
