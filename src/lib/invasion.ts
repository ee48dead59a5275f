// Before/after 24 February 2022: period assignment and the comparisons. Pure, so pages can rerun it live.
import type {Datasets, InvasionAnalysis, Period, Poll} from "./contracts.js";
import {compareProportions, linearTrend, sampleWeightedMean, shareInterval, type IntervalMethod} from "./stats.js";

export const INVASION_DATE = "2022-02-24";

export interface AnalysisSettings {
  cutoff: string;
  deff: number;
  intervalMethod: IntervalMethod;
}

export const defaultSettings: AnalysisSettings = {cutoff: INVASION_DATE, deff: 1, intervalMethod: "wilson"};

type Fieldwork = Pick<Poll, "fieldworkStart" | "fieldworkEnd">;

/** "pre" if fieldwork ended before the cutoff, "post" if it began on or after it, else "straddles". */
export function classifyPeriod({fieldworkStart, fieldworkEnd}: Fieldwork, cutoff: string): Period {
  if (fieldworkEnd < cutoff) return "pre";
  if (fieldworkStart >= cutoff) return "post";
  return "straddles";
}

/** The polls with period and support interval recomputed for other settings. */
export function applySettings(polls: Poll[], {cutoff, deff, intervalMethod}: AnalysisSettings): Poll[] {
  return polls.map((poll) => {
    const supportCi = shareInterval(poll.support, poll.sampleSize, {deff, method: intervalMethod});
    return {...poll, period: classifyPeriod(poll, cutoff), supportCi, supportMargin: (supportCi[1] - supportCi[0]) / 2};
  });
}

const time = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** The least-squares trend of one period's polls (null below MIN_TREND_POLLS): the figures and the chart's line. */
export function periodTrend(polls: Pick<Poll, "fieldworkMid" | "support">[]) {
  return linearTrend(polls.map((p) => ({time: time(p.fieldworkMid), share: p.support})));
}

function summarise(polls: Poll[]) {
  const trend = periodTrend(polls);
  return {
    pollIds: polls.map((p) => p.id),
    sampleSize: polls.reduce((total, p) => total + p.sampleSize, 0),
    meanSupport: sampleWeightedMean(polls.map((p) => p.support), polls.map((p) => p.sampleSize)),
    trendPerYear: trend?.perYear ?? null,
    trendInterval: trend?.interval ?? null
  };
}

/**
 * The like-for-like pair: one pollster's last poll before and first poll after the cutoff.
 * When several pollsters qualify, the pair closest in time wins (least else changed between them);
 * on a tie, the pollster that polled first.
 */
function likeForLikePair(polls: Poll[], periods: Period[]): {pre: Poll; post: Poll} | null {
  // One pass, no sort and no filtering per pollster: each pollster's latest "pre", earliest "post" and
  // earliest poll of all are kept as they come. Equal dates resolve as a stable sort by date would:
  // the later row is the "last" pre, the earlier row the "first" post and the first poll.
  const ends = new Map<string, {first: number; pre?: number; post?: number}>();
  const mid = (i: number) => polls[i].fieldworkMid;
  for (let i = 0; i < polls.length; i++) {
    let own = ends.get(polls[i].pollster);
    if (!own) ends.set(polls[i].pollster, (own = {first: i}));
    else if (mid(i) < mid(own.first)) own.first = i;
    if (periods[i] === "pre" && (own.pre === undefined || mid(i) >= mid(own.pre))) own.pre = i;
    else if (periods[i] === "post" && (own.post === undefined || mid(i) < mid(own.post))) own.post = i;
  }
  let best: {pre: number; post: number; gap: number; first: number} | null = null;
  for (const {first, pre, post} of ends.values()) {
    if (pre === undefined || post === undefined) continue;
    const gap = time(mid(post)) - time(mid(pre));
    const firstEarlier = best !== null && (mid(first) < mid(best.first) || (mid(first) === mid(best.first) && first < best.first));
    if (!best || gap < best.gap || (gap === best.gap && firstEarlier)) best = {pre, post, gap, first};
  }
  return best && {pre: polls[best.pre], post: polls[best.post]};
}

export function analyseInvasion(polls: Poll[], settings: AnalysisSettings = defaultSettings): InvasionAnalysis {
  // Only the periods depend on the settings here (deff enters through compareProportions): copying every
  // poll with applySettings, for intervals this analysis never reads, cost as much as the rest of it.
  const periods = polls.map((poll) => classifyPeriod(poll, settings.cutoff));
  const inPeriod = (period: Period) => polls.filter((_, i) => periods[i] === period);
  const pre = summarise(inPeriod("pre"));
  const post = summarise(inPeriod("post"));
  const pair = likeForLikePair(polls, periods);
  return {
    cutoff: settings.cutoff,
    deff: settings.deff,
    intervalMethod: settings.intervalMethod,
    pre,
    post,
    straddlingPollIds: inPeriod("straddles").map((p) => p.id),
    meanDifference: pre.meanSupport === null || post.meanSupport === null ? null : post.meanSupport - pre.meanSupport,
    likeForLike: pair && {
      pollster: pair.pre.pollster,
      prePollId: pair.pre.id,
      postPollId: pair.post.id,
      preSupport: pair.pre.support,
      postSupport: pair.post.support,
      ...compareProportions({share: pair.pre.support, sampleSize: pair.pre.sampleSize}, {share: pair.post.support, sampleSize: pair.post.sampleSize}, settings.deff)
    }
  };
}

/** Whether these are the settings the build drew the page at (the defaults). */
export function atDefaultSettings(settings: AnalysisSettings): boolean {
  return (Object.keys(defaultSettings) as (keyof AnalysisSettings)[]).every((key) => settings[key] === defaultSettings[key]);
}

/** The datasets as a page shows them at these settings: every poll's interval and period, and the analysis. */
export function datasetsAtSettings(data: Datasets, settings: AnalysisSettings): Datasets {
  return {...data, polls: applySettings(data.polls, settings), invasion: analyseInvasion(data.polls, settings)};
}
