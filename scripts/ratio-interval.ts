// How far the bench's first-chart ratio (median page time / median floor time) could move on another run of the same
// loads: a percentile bootstrap interval. Seeded, so the same runs always print the same interval.
import {median, quantileSorted} from "simple-statistics";

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resample(values: readonly number[], random: () => number): number[] {
  return values.map(() => values[Math.floor(random() * values.length)]);
}

/**
 * The interval holding `level` of the ratios of medians when each sample is drawn again, with replacement, from the
 * measured runs (each sample resampled on its own: the page and floor loads are separate loads).
 */
export function medianRatioInterval(numerator: readonly number[], denominator: readonly number[], {resamples = 4000, level = 0.95, seed = 1} = {}): [number, number] {
  if (numerator.length === 0 || denominator.length === 0) throw new Error("medianRatioInterval: both samples need at least one value");
  const random = seededRandom(seed);
  const ratios = Array.from({length: resamples}, () => median(resample(numerator, random)) / median(resample(denominator, random))).sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantileSorted(ratios, tail), quantileSorted(ratios, 1 - tail)];
}
