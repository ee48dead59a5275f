// Headline figures and findings, computed from the datasets so a new poll or troop figure updates every page.
import type {Datasets, Poll, SourceRef} from "../lib/contracts.js";
import {extentOf} from "./chart.js";
import {currentKforStrength, largestKforStrength, notRecognising} from "./facts.js";
import {formatCount, formatDate, formatInterval, formatP, formatPercent, formatPoints, formatTroops} from "./format.js";
import {atInvasion, countOf, formatPointsInterval, listOf, pollNames, pollsterMix, trendText} from "./invasion-text.js";

export interface Headline {
  label: string;
  value: string;
  detail: string;
  /** Where the figure comes from: each is linked beside it. */
  sources: SourceRef[];
}

/** A sentence of the findings and the sources of its figures. */
export interface Finding {
  text: string;
  sources: SourceRef[];
}

/** Each source once, in order of first use. */
function distinctSources(sources: SourceRef[]): SourceRef[] {
  return [...new Map(sources.map((source) => [source.id, source])).values()];
}

const pollSourcesOf = (data: Datasets, ids: string[]) => distinctSources(data.polls.filter((p) => ids.includes(p.id)).map((p) => p.source));

export const latestPoll = (polls: Poll[]): Poll => polls.reduce((latest, p) => (p.fieldworkMid > latest.fieldworkMid ? p : latest));

export function headlines(data: Datasets): Headline[] {
  const latest = latestPoll(data.polls);
  const pair = data.invasion.likeForLike;
  const kfor = currentKforStrength(data.troops);
  const refusing = notRecognising(data);
  return [
    {
      label: "Support for joining NATO",
      value: formatPercent(latest.support),
      detail: `${latest.pollster}, ${latest.fieldworkLabel}; 95% interval ${formatInterval(latest.supportCi)}, n = ${formatCount(latest.sampleSize)}`,
      sources: [latest.source]
    },
    pair
      ? {
          label: `Change across ${atInvasion(data.invasion) ? "the invasion" : "the cutoff"}`,
          value: formatPoints(pair.difference),
          detail: `${pair.pollster}, the same pollster either side of ${formatDate(data.invasion.cutoff)}: ${formatPercent(pair.preSupport)} → ${formatPercent(pair.postSupport)}; 95% interval ${formatPointsInterval(pair.differenceCi)}`,
          sources: pollSourcesOf(data, [pair.prePollId, pair.postPollId])
        }
      : {label: `Change across ${atInvasion(data.invasion) ? "the invasion" : "the cutoff"}`, value: "n/a", detail: "No pollster polled on both sides of the cutoff", sources: []},
    kfor
      ? {label: "KFOR troops in Kosovo", value: formatTroops(kfor), detail: kfor.dateLabel, sources: [kfor.source]}
      : {label: "KFOR troops in Kosovo", value: "n/a", detail: "No troop level in the data", sources: []},
    {
      label: "NATO members not recognising Kosovo",
      value: `${refusing.length} of ${data.members.length}`,
      detail: refusing.map((m) => m.country).join(", "),
      sources: distinctSources(data.members.map((m) => m.source))
    }
  ];
}

/** Short findings for the overview, each sentence built from the data, with the sources of its figures. */
export function findings(data: Datasets): Finding[] {
  const {pre, post, likeForLike: pair} = data.invasion;
  const latest = latestPoll(data.polls);
  const [lowestOpposed, highestOpposed] = extentOf(data.polls.map((p) => p.opposed));
  const peak = largestKforStrength(data.troops);
  const current = currentKforStrength(data.troops);
  const sentences: Finding[] = [];
  if (pre.meanSupport !== null && post.meanSupport !== null) {
    const boundary = atInvasion(data.invasion) ? "the invasion" : `the cutoff of ${formatDate(data.invasion.cutoff)}`;
    sentences.push({
      text: `Before ${boundary}, ${countOf(pre.pollIds.length, "poll")} put support at ${formatPercent(pre.meanSupport, 1)} on average; after it, ${countOf(post.pollIds.length, "poll")} put it at ${formatPercent(post.meanSupport, 1)}.`,
      sources: pollSourcesOf(data, [...pre.pollIds, ...post.pollIds])
    });
  }
  if (pair) {
    const significant = pair.differenceCi[0] > 0 || pair.differenceCi[1] < 0;
    sentences.push({
      text: `Comparing ${pair.pollster} with ${pair.pollster}, support moved ${formatPoints(pair.difference)} (95% interval ${formatPointsInterval(pair.differenceCi)}, ${formatP(pair.pValue)}): ${significant ? "more than sampling error alone would explain" : "within sampling error"}.`,
      sources: pollSourcesOf(data, [pair.prePollId, pair.postPollId])
    });
  }
  sentences.push({
    text: `Opposition has stayed between ${formatPercent(lowestOpposed)} and ${formatPercent(highestOpposed)} in every poll; the latest (${latest.pollster}, ${latest.fieldworkLabel}) has ${formatPercent(latest.opposed)}.`,
    sources: distinctSources(data.polls.map((p) => p.source))
  });
  if (current && peak) {
    sentences.push({
      text: `KFOR numbered ${formatTroops(peak)} troops at its largest, in ${peak.dateLabel}; the latest figure is ${formatTroops(current)}, for ${current.dateLabel}.`,
      sources: distinctSources([peak.source, current.source])
    });
  }
  return sentences;
}

/** The before/after numbers as labelled lines, recomputed whenever the /invasion controls change. */
export function invasionStatistics(data: Datasets): {label: string; value: string}[] {
  const analysis = data.invasion;
  const {pre, post, meanDifference, likeForLike: pair, straddlingPollIds} = analysis;
  const cutoff = formatDate(analysis.cutoff);
  const period = (name: string, summary: typeof pre) => ({
    label: `${name} ${cutoff} (${countOf(summary.pollIds.length, "poll")}, n = ${formatCount(summary.sampleSize)})`,
    value: `mean ${summary.meanSupport === null ? "none (no polls)" : formatPercent(summary.meanSupport, 1)}; trend ${trendText(summary)}`
  });
  const emptySide = pre.pollIds.length === 0 ? "before" : "after";
  const method = analysis.intervalMethod === "wilson" ? "Wilson score" : "Wald";
  const lines = [
    period("Before", pre),
    period("After", post),
    {
      label: `Difference of means, after − before (${pollsterMix(data.polls, analysis)})`,
      value: meanDifference === null ? `none: no polls ${emptySide} the cutoff` : formatPoints(meanDifference)
    },
    {label: "Polls straddling the cutoff (left out)", value: straddlingPollIds.length === 0 ? "none" : listOf(pollNames(data.polls, straddlingPollIds))}
  ];
  if (pair) {
    const [before, after] = pollNames(data.polls, [pair.prePollId, pair.postPollId]).map((name) => name.slice(name.indexOf(", ") + 2));
    lines.push(
      {label: `Like for like: ${pair.pollster}, ${before} → ${after}`, value: `${formatPercent(pair.preSupport)} → ${formatPercent(pair.postSupport)}, ${formatPoints(pair.difference)}`},
      {label: "95% interval of the difference", value: formatPointsInterval(pair.differenceCi)},
      {label: "Two-proportion z-test", value: `z = ${pair.z.toFixed(2)}, ${formatP(pair.pValue)}`}
    );
  } else {
    lines.push({label: "Like for like", value: "none: no pollster polled on both sides of this cutoff"});
  }
  // The settings every figure above was computed with: a printout, which has no controls, still says them.
  lines.push({label: "Settings", value: `cutoff ${cutoff}; design effect ${analysis.deff}; ${method} intervals`});
  return lines;
}

/** The overview's caveat on how thin the record is, counted from the data so a new poll updates it. */
export function recordCaveat(data: Datasets): string {
  const pollsters = new Set(data.polls.map((p) => p.pollster)).size;
  return `${countOf(data.polls.length, "poll")} by ${countOf(pollsters, "pollster")} make a thin record: the before/after comparison mixes pollsters, and support already sat near its ceiling.`;
}
