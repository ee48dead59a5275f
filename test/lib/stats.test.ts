import {describe, expect, it} from "vitest";
import {compareProportions, effectiveSampleSize, erfc, linearTrend, sampleWeightedMean, shareInterval, studentTCentral, tQuantile975, twoSidedNormalP, Z95} from "../../src/lib/stats.ts";

describe("shareInterval (Wilson, worked by hand)", () => {
  // p = 0.89, n = 1200, z = 1.959964: z²/n = 0.0032012; centre = (0.89 + 0.0016006) / 1.0032012 = 0.888760;
  // half = 1.959964 / 1.0032012 × √(0.89·0.11/1200 + z²/(4n²)) = 1.953710 × 0.0090691 = 0.0177184
  it("gives 87.10–90.65 for 89% of 1,200", () => {
    const [low, high] = shareInterval(89, 1200);
    expect(low).toBeCloseTo(87.104, 2);
    expect(high).toBeCloseTo(90.648, 2);
  });

  it("is asymmetric near the ceiling and stays inside 0–100", () => {
    const [low, high] = shareInterval(99, 100);
    expect(high).toBeLessThanOrEqual(100);
    expect(99 - low).toBeGreaterThan(high - 99);
    expect(shareInterval(100, 50)[1]).toBeCloseTo(100, 10);
    expect(shareInterval(0, 50)[0]).toBeCloseTo(0, 10);
  });

  it("widens by √deff with a design effect", () => {
    const width = ([low, high]: number[]) => high - low;
    const plain = width(shareInterval(50, 1000));
    const inflated = width(shareInterval(50, 1000, {deff: 2}));
    expect(inflated / plain).toBeCloseTo(Math.SQRT2, 2);
    expect(effectiveSampleSize(1200, 1.5)).toBe(800);
    expect(() => effectiveSampleSize(1200, 0.5)).toThrow(/at least 1/);
  });

  it("Wald: p ± z·√(p(1−p)/n), clipped to 0–100", () => {
    const [low, high] = shareInterval(89, 1200, {method: "wald"});
    const half = 100 * Z95 * Math.sqrt((0.89 * 0.11) / 1200); // 1.7704
    expect(half).toBeCloseTo(1.7704, 3);
    expect(low).toBeCloseTo(89 - half, 10);
    expect(high).toBeCloseTo(89 + half, 10);
    expect(shareInterval(100, 30, {method: "wald"})).toEqual([100, 100]);
  });
});

describe("sampleWeightedMean", () => {
  it("weights each poll by its sample size (pre-invasion: (88.7·1100 + 89·1200) / 2300 = 88.857)", () => {
    expect(sampleWeightedMean([88.7, 89], [1100, 1200])).toBeCloseTo(204370 / 2300, 10);
    expect(sampleWeightedMean([95, 94], [1200, 1200])).toBe(94.5);
    expect(sampleWeightedMean([], [])).toBeNull();
  });
});

describe("compareProportions (two-proportion z-test, worked by hand)", () => {
  // IRI Sept 2021 (89%, n=1200) vs Feb–Mar 2023 (95%, n=1200): pooled p = 0.92,
  // SE = √(0.92·0.08·(2/1200)) = 0.0110755, z = 0.06 / 0.0110755 = 5.4174;
  // unpooled SE = √(0.89·0.11/1200 + 0.95·0.05/1200) = 0.0110076, CI = 6 ± 1.959964·1.10076 = [3.843, 8.157]
  const result = compareProportions({share: 89, sampleSize: 1200}, {share: 95, sampleSize: 1200});

  it("difference, interval, z", () => {
    expect(result.difference).toBe(6);
    expect(result.z).toBeCloseTo(5.4174, 3);
    expect(result.differenceCi[0]).toBeCloseTo(3.843, 2);
    expect(result.differenceCi[1]).toBeCloseTo(8.157, 2);
  });

  it("two-sided p for z = 5.4174 is about 6.05e-8 (normal tail tables)", () => {
    expect(result.pValue).toBeGreaterThan(5.9e-8);
    expect(result.pValue).toBeLessThan(6.2e-8);
  });

  it("a design effect of 2 shrinks z by √2", () => {
    const inflated = compareProportions({share: 89, sampleSize: 1200}, {share: 95, sampleSize: 1200}, 2);
    expect(inflated.z).toBeCloseTo(result.z / Math.SQRT2, 10);
    expect(inflated.difference).toBe(6);
  });

  it("equal shares give z = 0 and p = 1", () => {
    const same = compareProportions({share: 94, sampleSize: 1200}, {share: 94, sampleSize: 1200});
    expect(same.z).toBe(0);
    expect(same.pValue).toBeCloseTo(1, 6);
  });
});

describe("normal tail", () => {
  it("matches textbook values", () => {
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedNormalP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedNormalP(0)).toBeCloseTo(1, 6);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 5);
  });
});

describe("linearTrend", () => {
  const year = 365.25 * 24 * 3600 * 1000;

  it("is the least-squares slope in points per year, with a 95% interval from its standard error and t(n − 2)", () => {
    // Worked by hand: x = 0, 1, 2 years, y = 90, 92, 97. Slope 7 / 2 = 3.5, intercept 89.5; residuals 0.5, −1, 0.5,
    // SSE 1.5, one degree of freedom: SE = √(1.5 / 1 / 2) = 0.8660; t(0.975, 1) = 12.7062; half-width 11.0039.
    const trend = linearTrend([{time: 0, share: 90}, {time: year, share: 92}, {time: 2 * year, share: 97}])!;
    expect(trend.perYear).toBeCloseTo(3.5, 10);
    expect(trend.interval[0]).toBeCloseTo(3.5 - 11.00389, 4);
    expect(trend.interval[1]).toBeCloseTo(3.5 + 11.00389, 4);
    expect(trend.at(year)).toBeCloseTo(93, 10);
    expect(trend.polls).toBe(3);
  });

  it("is null through fewer than three polls, or polls all on one date: two points always make a line", () => {
    expect(linearTrend([{time: 0, share: 90}, {time: 2 * year, share: 94}])).toBeNull();
    expect(linearTrend([{time: 0, share: 90}])).toBeNull();
    expect(linearTrend([{time: 0, share: 90}, {time: 0, share: 91}, {time: 0, share: 92}])).toBeNull();
  });

  it("on points exactly on a line, has a zero-width interval", () => {
    const trend = linearTrend([0, 1, 2, 3].map((x) => ({time: x * year, share: 80 + 2 * x})))!;
    expect(trend.perYear).toBeCloseTo(2, 10);
    expect(trend.interval[1] - trend.interval[0]).toBeCloseTo(0, 8);
  });
});

describe("Student's t", () => {
  it("matches the printed tables' 97.5th percentiles", () => {
    const table: [number, number][] = [[1, 12.7062], [2, 4.3027], [3, 3.1824], [4, 2.7764], [5, 2.5706], [10, 2.2281], [30, 2.0423], [120, 1.9799]];
    for (const [df, t] of table) expect(tQuantile975(df)).toBeCloseTo(t, 3);
    expect(tQuantile975(100000)).toBeCloseTo(Z95, 3);
  });

  it("P(|T| < t) is 0 at 0, rises to 1, and rejects a fractional df", () => {
    expect(studentTCentral(0, 3)).toBe(0);
    expect(studentTCentral(1e6, 4)).toBeCloseTo(1, 6);
    expect(studentTCentral(1, 1)).toBeCloseTo(0.5, 10);
    expect(() => studentTCentral(1, 2.5)).toThrow(RangeError);
  });
});
