// Headline figures and findings, computed from the datasets so a new poll or troop figure updates every page.
import type {Datasets, Poll} from "../lib/contracts.js";
import {extentOf} from "./chart.js";
import {currentKforStrength, largestKforStrength, notRecognising} from "./facts.js";
import {formatCount, formatDate, formatInterval, formatP, formatPercent, formatPoints, formatTroops} from "./format.js";

export interface Headline {
  label: string;
  value: string;
  detail: string;
}

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
      detail: `${latest.pollster}, ${latest.fieldworkLabel}; 95% interval ${formatInterval(latest.supportCi)}, n = ${formatCount(latest.sampleSize)}`
    },
    pair
      ? {
          label: "Change across the invasion",
          value: formatPoints(pair.difference, 0),
          detail: `${pair.pollster}, the same pollster either side of ${formatDate(data.invasion.cutoff)}: ${formatPercent(pair.preSupport)} → ${formatPercent(pair.postSupport)}; 95% CI ${formatInterval(pair.differenceCi, 1, " points")}`
        }
      : {label: "Change across the invasion", value: "n/a", detail: "No pollster polled on both sides of the cutoff"},
    kfor
      ? {label: "KFOR troops in Kosovo", value: formatTroops(kfor), detail: `${kfor.dateLabel}; ${kfor.source.publisher}`}
      : {label: "KFOR troops in Kosovo", value: "n/a", detail: "No troop level in the data"},
    {
      label: "NATO members not recognising Kosovo",
      value: `${refusing.length} of ${data.members.length}`,
      detail: refusing.map((m) => m.country).join(", ")
    }
  ];
}

/** Short findings for the overview, each sentence built from the data. */
export function findings(data: Datasets): string[] {
  const {pre, post, likeForLike: pair} = data.invasion;
  const latest = latestPoll(data.polls);
  const [lowestOpposed, highestOpposed] = extentOf(data.polls.map((p) => p.opposed));
  const peak = largestKforStrength(data.troops);
  const current = currentKforStrength(data.troops);
  const sentences: string[] = [];
  if (pre.meanSupport !== null && post.meanSupport !== null) {
    sentences.push(
      `Before the invasion, ${pre.pollIds.length} polls put support at ${formatPercent(pre.meanSupport, 1)} on average; after it, ${post.pollIds.length} polls put it at ${formatPercent(post.meanSupport, 1)}.`
    );
  }
  if (pair) {
    const significant = pair.differenceCi[0] > 0 || pair.differenceCi[1] < 0;
    sentences.push(
      `Comparing ${pair.pollster} with ${pair.pollster}, support moved ${formatPoints(pair.difference)} (95% CI ${formatInterval(pair.differenceCi, 1, " points")}, ${formatP(pair.pValue)}): ${significant ? "more than sampling error alone would explain" : "within sampling error"}.`
    );
  }
  sentences.push(`Opposition has stayed between ${formatPercent(lowestOpposed)} and ${formatPercent(highestOpposed)} in every poll; the latest (${latest.pollster}, ${latest.fieldworkLabel}) has ${formatPercent(latest.opposed)}.`);
  if (current && peak) {
    sentences.push(`KFOR numbered ${formatTroops(peak)} troops at its largest, in ${peak.dateLabel}; the latest figure is ${formatTroops(current)}, for ${current.dateLabel}.`);
  }
  return sentences;
}

/** The before/after numbers as labelled lines, recomputed whenever the /invasion controls change. */
export function invasionStatistics(data: Datasets): {label: string; value: string}[] {
  const {pre, post, meanDifference, likeForLike: pair, straddlingPollIds} = data.invasion;
  const mean = (value: number | null) => (value === null ? "no polls" : formatPercent(value, 1));
  const trend = (value: number | null) => (value === null ? "needs two polls" : `${formatPoints(value, 2)} a year`);
  const lines = [
    {label: `Before (${pre.pollIds.length} polls, n = ${formatCount(pre.sampleSize)})`, value: `mean ${mean(pre.meanSupport)}; trend ${trend(pre.trendPerYear)}`},
    {label: `After (${post.pollIds.length} polls, n = ${formatCount(post.sampleSize)})`, value: `mean ${mean(post.meanSupport)}; trend ${trend(post.trendPerYear)}`},
    {label: "Difference of means (mixes pollsters)", value: meanDifference === null ? "n/a" : formatPoints(meanDifference)},
    {label: "Polls straddling the cutoff (left out)", value: straddlingPollIds.length === 0 ? "none" : straddlingPollIds.join(", ")}
  ];
  if (pair) {
    const fieldwork = (id: string) => data.polls.find((p) => p.id === id)?.fieldworkLabel ?? id;
    lines.push(
      {label: `Like for like: ${pair.pollster}, ${fieldwork(pair.prePollId)} → ${fieldwork(pair.postPollId)}`, value: `${formatPercent(pair.preSupport)} → ${formatPercent(pair.postSupport)}, ${formatPoints(pair.difference)}`},
      {label: "95% interval of the difference", value: formatInterval(pair.differenceCi, 1, " points")},
      {label: "Two-proportion z-test", value: `z = ${pair.z.toFixed(2)}, ${formatP(pair.pValue)}`}
    );
  } else {
    lines.push({label: "Like for like", value: "no pollster polled on both sides of this cutoff"});
  }
  return lines;
}

/** The overview's caveat on how thin the record is, counted from the data so a new poll updates it. */
export function recordCaveat(data: Datasets): string {
  const pollsters = new Set(data.polls.map((p) => p.pollster)).size;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  return `${count(data.polls.length, "poll")} by ${count(pollsters, "pollster")} make a thin record: the before/after comparison mixes pollsters, and support already sat near its ceiling.`;
}
