// Poll statistics: confidence intervals, weighted means and the two-proportion z-test. Percent in, percent out.
// Pure and browser-safe: the build-time loaders and the live /invasion controls run the same code.
import {linearRegression, weightedMean} from "simple-statistics";

/**
 * The 97.5th percentile of the standard normal. A constant because simple-statistics'
 * probit(0.975) returns 1.9572, too coarse for published intervals.
 */
export const Z95 = 1.959963984540054;

export const intervalMethods = ["wilson", "wald"] as const;
export type IntervalMethod = (typeof intervalMethods)[number];
export type Interval = [low: number, high: number];

export interface IntervalOptions {
  /** Design effect: the variance inflation from weighting and clustering; n_eff = n / deff. */
  deff?: number;
  method?: IntervalMethod;
}

export function effectiveSampleSize(sampleSize: number, deff = 1): number {
  if (!(deff >= 1)) throw new RangeError(`design effect ${deff} must be at least 1`);
  return sampleSize / deff;
}

/**
 * 95% interval for a share. Wilson by default: unlike Wald it stays inside 0–100
 * and keeps its coverage near the ceiling, where support for NATO in Kosovo sits.
 */
export function shareInterval(sharePercent: number, sampleSize: number, {deff = 1, method = "wilson"}: IntervalOptions = {}): Interval {
  const n = effectiveSampleSize(sampleSize, deff);
  const p = sharePercent / 100;
  if (method === "wald") {
    const half = Z95 * Math.sqrt((p * (1 - p)) / n);
    return [100 * Math.max(0, p - half), 100 * Math.min(1, p + half)];
  }
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [100 * (centre - half), 100 * (centre + half)];
}

/** Mean of the shares, each poll weighted by its sample size. */
export function sampleWeightedMean(shares: number[], sampleSizes: number[]): number | null {
  return shares.length === 0 ? null : weightedMean(shares, sampleSizes);
}

/**
 * Complementary error function (Numerical Recipes' erfcc, fractional error < 1.2e-7).
 * Computed directly rather than as 1 − erf so that tiny p-values keep their precision.
 */
export function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const tau =
    t *
    Math.exp(
      -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    );
  return x >= 0 ? tau : 2 - tau;
}

export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

export interface ProportionComparison {
  /** second − first, in percentage points */
  difference: number;
  differenceCi: Interval;
  z: number;
  pValue: number;
}

/**
 * Two-proportion z-test of first vs second share. The test uses the pooled standard error
 * (the null hypothesis is equal shares); the interval uses the unpooled one.
 */
export function compareProportions(first: {share: number; sampleSize: number}, second: {share: number; sampleSize: number}, deff = 1): ProportionComparison {
  const n1 = effectiveSampleSize(first.sampleSize, deff);
  const n2 = effectiveSampleSize(second.sampleSize, deff);
  const p1 = first.share / 100;
  const p2 = second.share / 100;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const unpooledSe = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const difference = p2 - p1;
  const z = pooledSe === 0 ? 0 : difference / pooledSe;
  return {
    // From the percentages themselves, so 95 − 89 is 6 and not 5.999999999999995.
    difference: second.share - first.share,
    differenceCi: [100 * (difference - Z95 * unpooledSe), 100 * (difference + Z95 * unpooledSe)],
    z,
    pValue: twoSidedNormalP(z)
  };
}

/** Least-squares trend of share on time, in points per year; null with fewer than two polls. */
export function trendPerYear(points: {time: number; share: number}[]): number | null {
  if (points.length < 2 || new Set(points.map((p) => p.time)).size < 2) return null;
  const msPerYear = 365.25 * 24 * 3600 * 1000;
  return linearRegression(points.map((p) => [p.time / msPerYear, p.share])).m;
}
