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

/** The fewest polls a trend is reported for: two polls always lie on a line, so a slope through two says nothing. */
export const MIN_TREND_POLLS = 3;

export interface LinearTrend {
  /** Least-squares slope of share on time, points per year. */
  perYear: number;
  /** 95% interval for the slope: ± t(0.975, n − 2) × the slope's standard error from the residuals. */
  interval: Interval;
  /** The fitted share at `time` (ms): slope and intercept, for drawing the same line the figures describe. */
  at: (time: number) => number;
  polls: number;
}

/** A year in milliseconds, for spans of time measured in years. */
export const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

/**
 * Least-squares trend of share on time with a 95% interval for its slope, or null with fewer than
 * MIN_TREND_POLLS points or fewer than two distinct dates (no slope can be fitted, or none with an error).
 */
export function linearTrend(points: {time: number; share: number}[]): LinearTrend | null {
  const n = points.length;
  if (n < MIN_TREND_POLLS || new Set(points.map((p) => p.time)).size < 2) return null;
  // Years since the first point, so the intercept is not fitted 50 years from the data.
  const origin = points[0].time;
  const xy = points.map((p): [number, number] => [(p.time - origin) / MS_PER_YEAR, p.share]);
  const {m, b} = linearRegression(xy);
  const meanX = xy.reduce((total, [x]) => total + x, 0) / n;
  const sxx = xy.reduce((total, [x]) => total + (x - meanX) ** 2, 0);
  const sse = xy.reduce((total, [x, y]) => total + (y - (m * x + b)) ** 2, 0);
  const half = tQuantile975(n - 2) * Math.sqrt(sse / (n - 2) / sxx);
  return {perYear: m, interval: [m - half, m + half], at: (time) => m * ((time - origin) / MS_PER_YEAR) + b, polls: n};
}

/**
 * P(|T| < t) for Student's t with a whole number of degrees of freedom, in closed form
 * (Abramowitz and Stegun 26.7.3 and 26.7.4).
 */
export function studentTCentral(t: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom ${df} must be a whole number of at least 1`);
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  let sum = 1;
  let term = 1;
  if (df % 2 === 1) {
    if (df === 1) return (2 / Math.PI) * theta;
    for (let k = 3; k <= df - 2; k += 2) sum += (term *= ((k - 1) / k) * c2);
    return (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * sum);
  }
  for (let k = 2; k <= df - 2; k += 2) sum += (term *= ((k - 1) / k) * c2);
  return Math.sin(theta) * sum;
}

/** The 97.5th percentile of Student's t with `df` degrees of freedom (12.706 for 1, 4.303 for 2, → 1.960). */
export function tQuantile975(df: number): number {
  let low = 0;
  let high = 1000;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (studentTCentral(mid, df) < 0.95) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
