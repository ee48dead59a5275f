// The words for the before/after analysis, shared by its charts and its statistics. Every phrase is a function of the
// analysis it describes: the invasion is named only when the cutoff is its date; a moved cutoff is called a cutoff.
import type {InvasionAnalysis, Period, Poll} from "../lib/contracts.js";
import {INVASION_DATE} from "../lib/invasion.js";
import {MIN_TREND_POLLS} from "../lib/stats.js";
import {formatDate, formatPoints} from "./format.js";

export const atInvasion = (analysis: Pick<InvasionAnalysis, "cutoff">) => analysis.cutoff === INVASION_DATE;

/** "3 polls", "1 poll". */
export const countOf = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;

/** What splits the periods, as the object of "before" or "after": "Russia's invasion of Ukraine", "the cutoff of 1 January 2015". */
export const boundaryName = (analysis: Pick<InvasionAnalysis, "cutoff">) => (atInvasion(analysis) ? "Russia's invasion of Ukraine" : `the cutoff of ${formatDate(analysis.cutoff)}`);

/** The boundary as the chart's rule is labelled. */
export const cutoffRuleLabel = (analysis: Pick<InvasionAnalysis, "cutoff">, narrow: boolean) =>
  atInvasion(analysis) ? (narrow ? "Invasion, 24 February 2022" : `Russia invades Ukraine, ${formatDate(INVASION_DATE)}`) : `Cutoff, ${formatDate(analysis.cutoff)}`;

/** The real invasion's own rule, drawn beside a moved cutoff. */
export const invasionRuleLabel = (narrow: boolean) => (narrow ? "Invasion, 24 Feb 2022" : `Russia invades Ukraine, ${formatDate(INVASION_DATE)}`);

/** A poll as a reader knows it: "IRI, February–March 2023". */
export const pollName = (poll: Pick<Poll, "pollster" | "fieldworkLabel">) => `${poll.pollster}, ${poll.fieldworkLabel}`;

/** Names for the polls with these ids, in the order given ("IRI, February–March 2023"; the id if it is not among the polls). */
export function pollNames(polls: Poll[], ids: string[]): string[] {
  const byId = new Map(polls.map((p) => [p.id, p]));
  return ids.map((id) => {
    const poll = byId.get(id);
    return poll ? pollName(poll) : id;
  });
}

/** "a, b and c". */
export const listOf = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/** A period as the tooltip and tables name it. */
export function periodName(period: Period, analysis: Pick<InvasionAnalysis, "cutoff">): string {
  const boundary = atInvasion(analysis) ? "the invasion" : "the cutoff";
  return period === "pre" ? `Before ${boundary}` : period === "post" ? `After ${boundary}` : "Straddles the cutoff";
}

/** "+6.0 to +8.4 points": an interval of a change, each end with its sign. */
export function formatPointsInterval([low, high]: readonly [number, number], unit = "points"): string {
  const end = (value: number) => formatPoints(value).replace(" points", "");
  return `${end(low)} to ${end(high)} ${unit}`;
}

/** Whether the two periods' means come from one pollster or several: a difference of means across pollsters mixes in house effects. */
export function pollsterMix(polls: Poll[], analysis: InvasionAnalysis): string {
  const pollstersOf = (ids: string[]) => new Set(polls.filter((p) => ids.includes(p.id)).map((p) => p.pollster));
  const all = new Set([...pollstersOf(analysis.pre.pollIds), ...pollstersOf(analysis.post.pollIds)]);
  return all.size === 1 ? `one pollster, ${[...all][0]}` : "the means mix pollsters";
}

/** The period's trend as the statistics state it, or why there is none. */
export function trendText(summary: InvasionAnalysis["pre"]): string {
  const polls = summary.pollIds.length;
  if (summary.trendPerYear === null || summary.trendInterval === null) {
    return polls < MIN_TREND_POLLS ? `none (a trend needs at least ${MIN_TREND_POLLS} polls; ${polls === 0 ? "there are none" : `${polls === 1 ? "there is" : "there are"} ${polls}`})` : "none (the polls share one date)";
  }
  return `${formatPoints(summary.trendPerYear)} a year (95% interval ${formatPointsInterval(summary.trendInterval, "points a year")}, ${countOf(polls, "poll")})`;
}
