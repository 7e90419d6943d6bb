import { describe, expect, it } from "vitest";
import { capexFigures, estimateAtCompletion, variance, cumulative } from "./capex-math";
import { addSame, convert, dec, MissingRateError, moneyString, monthRange, parsePeriod, roundMoney, sumByCurrency } from "./money";

describe("money", () => {
  it("is exact where binary floats are not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(dec("0.1").plus("0.2").toString()).toBe("0.3");
    // a hundred thousand cents add up to exactly 1 000.00
    let total = dec(0);
    for (let i = 0; i < 100_000; i += 1) total = total.plus("0.01");
    expect(moneyString(total)).toBe("1000.00");
  });

  it("rounds half away from zero to cents", () => {
    expect(roundMoney(dec("2.345")).toFixed(2)).toBe("2.35");
    expect(roundMoney(dec("2.344999")).toFixed(2)).toBe("2.34");
    expect(roundMoney(dec("-2.345")).toFixed(2)).toBe("-2.35");
    expect(moneyString(dec("1e3"))).toBe("1000.00");
    expect(moneyString(dec("123456789012345.675"))).toBe("123456789012345.68");
  });

  it("converts through a rate set and refuses a currency the set lacks", () => {
    const rates = [
      { currency: "USD", toCny: "7.1234", toUsd: "1" },
      { currency: "PEN", toCny: "1.9", toUsd: "0.2667" },
    ];
    expect(convert(dec("100.00"), "USD", rates)).toEqual({ cny: dec("712.34"), usd: dec("100.00") });
    const pen = convert(dec("1000.005"), "PEN", rates);
    expect([pen.cny.toFixed(2), pen.usd.toFixed(2)]).toEqual(["1900.01", "266.70"]);
    // CNY into CNY is the identity, whatever the set says
    expect(convert(dec("5.55"), "CNY", [{ currency: "CNY", toCny: "1", toUsd: "0.14" }]).cny.toFixed(2)).toBe("5.55");
    expect(() => convert(dec(1), "AUD", rates)).toThrow(MissingRateError);
    expect(() => convert(dec(1), "CNY", [])).toThrow(MissingRateError); // USD side is unknown
  });

  it("sums per currency and never across", () => {
    const sums = sumByCurrency([
      { amount: dec("1.10"), currency: "USD" },
      { amount: dec("2.20"), currency: "CNY" },
      { amount: dec("3.30"), currency: "USD" },
    ]);
    expect(Object.fromEntries([...sums].map(([c, v]) => [c, v.toFixed(2)]))).toEqual({ USD: "4.40", CNY: "2.20" });
    expect(() => addSame({ amount: dec(1), currency: "USD" }, { amount: dec(1), currency: "CNY" })).toThrow(/Refusing/);
  });

  it("parses periods strictly", () => {
    expect(parsePeriod("2026-03")).toBe("2026-03");
    expect(parsePeriod("2026-03-01")).toBe("2026-03");
    for (const bad of ["2026-13", "2026-00", "2026-3", "March 2026", "2026-03-15", "", "1800-01"]) expect(parsePeriod(bad), bad).toBeNull();
    expect(monthRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});

describe("capex figures", () => {
  const c = (measure: "COMMITTED" | "ACTUAL" | "FORECAST", period: string, amount: string) => ({ measure, period, amount: dec(amount) });

  it("EAC is actual to date plus the forecast after the last actual month", () => {
    const costs = [
      c("ACTUAL", "2026-01", "100"),
      c("ACTUAL", "2026-02", "150.50"),
      c("FORECAST", "2026-02", "999"),
      c("FORECAST", "2026-03", "200"),
      c("FORECAST", "2026-04", "49.50"),
    ];
    const r = estimateAtCompletion(costs);
    expect(r.actualThrough).toBe("2026-02");
    expect(r.actual.toFixed(2)).toBe("250.50");
    // the February forecast is superseded by February's actual
    expect(r.remainingForecast.toFixed(2)).toBe("249.50");
    expect(r.eac!.toFixed(2)).toBe("500.00");
    expect(estimateAtCompletion([]).eac).toBeNull();
    expect(estimateAtCompletion([c("FORECAST", "2026-05", "10")]).eac!.toFixed(2)).toBe("10.00");
  });

  it("variance against the approved budget, in amount and percent", () => {
    const v = variance(dec("1150"), dec("1000"));
    expect([v.variance!.toFixed(2), v.variancePercent!.toFixed(2)]).toEqual(["150.00", "15.00"]);
    expect(variance(dec("900"), dec("1000")).variancePercent!.toFixed(2)).toBe("-10.00");
    expect(variance(dec("1"), dec("0")).variancePercent).toBeNull();
    expect(variance(null, dec("1")).variance).toBeNull();
    expect(variance(dec("1"), null).variance).toBeNull();
  });

  it("cumulative curves: planned, actual to date, forecast from the last actual on", () => {
    expect(
      cumulative(
        ["a", "b", "c"],
        new Map([
          ["a", dec(1)],
          ["c", dec(2)],
        ]),
      ).map(String),
    ).toEqual(["1", "1", "3"]);
    const f = capexFigures({
      budget: [
        { period: "2026-01", amount: dec("100") },
        { period: "2026-02", amount: dec("100") },
        { period: "2026-04", amount: dec("100") },
      ],
      costs: [
        c("COMMITTED", "2026-01", "250"),
        c("ACTUAL", "2026-01", "90"),
        c("ACTUAL", "2026-02", "130"),
        c("FORECAST", "2026-03", "60"),
        c("FORECAST", "2026-04", "70"),
      ],
    });
    expect(f.approved!.toFixed(2)).toBe("300.00");
    expect(f.committed.toFixed(2)).toBe("250.00");
    expect(f.eac!.toFixed(2)).toBe("350.00");
    expect(f.variancePercent!.toFixed(2)).toBe("16.67");
    expect(f.curve.map((p) => [p.period, p.planned.toString(), p.actual?.toString() ?? null, p.forecast?.toString() ?? null])).toEqual([
      ["2026-01", "100", "90", null],
      ["2026-02", "200", "220", "220"],
      ["2026-03", "200", null, "280"],
      ["2026-04", "300", null, "350"],
    ]);
    // the curve ends at the EAC
    expect(f.curve.at(-1)!.forecast!.eq(f.eac!)).toBe(true);
  });

  it("no approved budget: no variance, still a curve", () => {
    const f = capexFigures({ budget: null, costs: [c("FORECAST", "2026-01", "5"), c("FORECAST", "2026-02", "5")] });
    expect(f.approved).toBeNull();
    expect(f.variance).toBeNull();
    expect(f.curve.map((p) => p.forecast?.toString())).toEqual(["5", "10"]);
  });
});
