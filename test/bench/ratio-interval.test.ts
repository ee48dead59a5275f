import {median} from "simple-statistics";
import {describe, expect, it} from "vitest";
import {medianRatioInterval} from "../../scripts/ratio-interval.ts";

describe("medianRatioInterval", () => {
  it("is a single point when neither sample varies", () => {
    expect(medianRatioInterval([60, 60, 60], [40, 40, 40])).toEqual([1.5, 1.5]);
  });

  it("holds the ratio of the medians, and narrows as the runs add up", () => {
    const page = [55, 62, 57, 58, 69, 69, 58, 79, 59, 70, 66, 72, 64, 65, 85, 99, 66, 68, 82, 70, 86];
    const floor = [56, 39, 44, 61, 81, 55, 43, 46, 82, 54, 41, 78, 53, 58, 51, 45, 65, 53, 55, 36, 69];
    const ratio = median(page) / median(floor);
    const [low, high] = medianRatioInterval(page, floor);
    expect(low).toBeLessThan(ratio);
    expect(high).toBeGreaterThan(ratio);
    const [fewLow, fewHigh] = medianRatioInterval(page.slice(0, 5), floor.slice(0, 5));
    expect(fewHigh - fewLow).toBeGreaterThan(high - low);
  });

  it("gives the same interval for the same runs (seeded), and another for another seed", () => {
    const page = [70, 80, 75, 90, 65, 72];
    const floor = [50, 55, 48, 60, 52, 58];
    expect(medianRatioInterval(page, floor)).toEqual(medianRatioInterval(page, floor));
    expect(medianRatioInterval(page, floor, {seed: 2})).not.toEqual(medianRatioInterval(page, floor));
  });

  it("refuses an empty sample", () => {
    expect(() => medianRatioInterval([], [1])).toThrow(/at least one value/);
  });
});
