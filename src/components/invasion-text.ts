// The words for the before/after analysis, shared by its charts and its statistics. Every phrase is a function of the
// analysis it describes: the invasion is named only when the cutoff is its date; a moved cutoff is called a cutoff.
import type {InvasionAnalysis, Period, Poll} from "../lib/contracts.js";
import {formatList, t, tn} from "../lib/i18n.js";
import {INVASION_DATE} from "../lib/invasion.js";
import {MIN_TREND_POLLS} from "../lib/stats.js";
import {formatCount, formatDate, formatPoints, formatSignedNumber} from "./format.js";

export const atInvasion = (analysis: Pick<InvasionAnalysis, "cutoff">) => analysis.cutoff === INVASION_DATE;

/** The things the texts count, each a plural message of its own. */
const countKeys = {poll: "poll", pollster: "pollster", other: "other", "other parameter": "other-parameter"} as const;
export type CountedNoun = keyof typeof countKeys;

/** "3 polls", "1 poll". */
export const countOf = (n: number, noun: CountedNoun) => tn(`invasion-text.count.${countKeys[noun]}`, n);

/**
 * What splits the periods, as the object of "before" or "after": "Russia's invasion of Ukraine", "the cutoff of
 * 1 January 2015"; in the form those words take after them (Albanian "para/pas" + ablative, Serbian "pre/posle" + genitive).
 */
export const boundaryName = (analysis: Pick<InvasionAnalysis, "cutoff">) =>
  atInvasion(analysis) ? t("invasion-text.boundary.invasion") : t("invasion-text.boundary.cutoff", {date: formatDate(analysis.cutoff)});

/** The boundary as the chart's rule is labelled. */
export const cutoffRuleLabel = (analysis: Pick<InvasionAnalysis, "cutoff">, narrow: boolean) =>
  atInvasion(analysis)
    ? t(narrow ? "invasion-text.rule.invasion.narrow" : "invasion-text.rule.invasion", {date: formatDate(INVASION_DATE)})
    : t("invasion-text.rule.cutoff", {date: formatDate(analysis.cutoff)});

/** The real invasion's own rule, drawn beside a moved cutoff. */
export const invasionRuleLabel = (narrow: boolean) => (narrow ? t("invasion-text.rule.invasion.short") : t("invasion-text.rule.invasion", {date: formatDate(INVASION_DATE)}));

/** A poll as a reader knows it: "IRI, February–March 2023". */
export const pollName = (poll: Pick<Poll, "pollster" | "fieldworkLabel">) => t("invasion-text.poll", {pollster: poll.pollster, fieldwork: poll.fieldworkLabel});

/** Names for the polls with these ids, in the order given ("IRI, February–March 2023"; the id if it is not among the polls). */
export function pollNames(polls: Poll[], ids: string[]): string[] {
  const byId = new Map(polls.map((p) => [p.id, p]));
  return ids.map((id) => {
    const poll = byId.get(id);
    return poll ? pollName(poll) : id;
  });
}

/** "a, b and c", in the page's language. */
export const listOf = (items: string[]) => formatList(items);

/** A period as the tooltip and tables name it. */
export function periodName(period: Period, analysis: Pick<InvasionAnalysis, "cutoff">): string {
  const boundary = atInvasion(analysis) ? "invasion" : "cutoff";
  return period === "straddles" ? t("invasion-text.period.straddles") : t(`invasion-text.period.${period === "pre" ? "before" : "after"}.${boundary}`);
}

/** "+6.0 to +8.4 points" (or "… points a year"): an interval of a change, each end with its sign. */
export function formatPointsInterval([low, high]: readonly [number, number], unit: "points" | "points a year" = "points"): string {
  return t(unit === "points" ? "invasion-text.interval.points" : "invasion-text.interval.points-a-year", {low: formatSignedNumber(low), high: formatSignedNumber(high)});
}

/** Whether the two periods' means come from one pollster or several: a difference of means across pollsters mixes in house effects. */
export function pollsterMix(polls: Poll[], analysis: InvasionAnalysis): string {
  const pollstersOf = (ids: string[]) => new Set(polls.filter((p) => ids.includes(p.id)).map((p) => p.pollster));
  const all = new Set([...pollstersOf(analysis.pre.pollIds), ...pollstersOf(analysis.post.pollIds)]);
  return all.size === 1 ? t("invasion-text.mix.one", {pollster: [...all][0]}) : t("invasion-text.mix.several");
}

/** The period's trend as the statistics state it, or why there is none. */
export function trendText(summary: InvasionAnalysis["pre"]): string {
  const polls = summary.pollIds.length;
  if (summary.trendPerYear === null || summary.trendInterval === null) {
    if (polls >= MIN_TREND_POLLS) return t("invasion-text.trend.one-date");
    return polls === 0 ? tn("invasion-text.trend.no-polls", MIN_TREND_POLLS) : tn("invasion-text.trend.too-few", polls, {min: formatCount(MIN_TREND_POLLS)});
  }
  return t("invasion-text.trend", {trend: formatPoints(summary.trendPerYear), interval: formatPointsInterval(summary.trendInterval, "points a year"), polls: countOf(polls, "poll")});
}
