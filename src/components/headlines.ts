// Headline figures and findings, computed from the datasets so a new poll or troop figure updates every page.
import type {Datasets, Poll, SourceRef} from "../lib/contracts.js";
import {extentOf} from "./chart.js";
import {currentKforStrength, largestKforStrength, notRecognising} from "./facts.js";
import {dataText, t} from "../lib/i18n.js";
import {formatCount, formatDate, formatInterval, formatNumber, formatP, formatPercent, formatPoints, formatTroops} from "./format.js";
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
  const changeLabel = t(atInvasion(data.invasion) ? "headlines.change.label.invasion" : "headlines.change.label.cutoff");
  return [
    {
      label: t("headlines.support.label"),
      value: formatPercent(latest.support),
      detail: t("headlines.support.detail", {pollster: latest.pollster, fieldwork: latest.fieldworkLabel, interval: formatInterval(latest.supportCi), n: formatCount(latest.sampleSize)}),
      sources: [latest.source]
    },
    pair
      ? {
          label: changeLabel,
          value: formatPoints(pair.difference),
          detail: t("headlines.change.detail", {
            pollster: pair.pollster,
            date: formatDate(data.invasion.cutoff),
            before: formatPercent(pair.preSupport),
            after: formatPercent(pair.postSupport),
            interval: formatPointsInterval(pair.differenceCi)
          }),
          sources: pollSourcesOf(data, [pair.prePollId, pair.postPollId])
        }
      : {label: changeLabel, value: t("headlines.none"), detail: t("headlines.change.none"), sources: []},
    kfor
      ? {label: t("headlines.kfor.label"), value: formatTroops(kfor), detail: kfor.dateLabel, sources: [kfor.source]}
      : {label: t("headlines.kfor.label"), value: t("headlines.none"), detail: t("headlines.kfor.none"), sources: []},
    {
      label: t("headlines.members.label"),
      value: t("headlines.members.value", {count: formatCount(refusing.length), total: formatCount(data.members.length)}),
      detail: refusing.map((m) => dataText(m.country)).join(", "),
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
    const vars = {pre: countOf(pre.pollIds.length, "poll"), preMean: formatPercent(pre.meanSupport, 1), post: countOf(post.pollIds.length, "poll"), postMean: formatPercent(post.meanSupport, 1)};
    sentences.push({
      text: atInvasion(data.invasion) ? t("headlines.finding.periods.invasion", vars) : t("headlines.finding.periods.cutoff", {...vars, date: formatDate(data.invasion.cutoff)}),
      sources: pollSourcesOf(data, [...pre.pollIds, ...post.pollIds])
    });
  }
  if (pair) {
    const significant = pair.differenceCi[0] > 0 || pair.differenceCi[1] < 0;
    const vars = {pollster: pair.pollster, change: formatPoints(pair.difference), interval: formatPointsInterval(pair.differenceCi), p: formatP(pair.pValue)};
    sentences.push({
      text: t(significant ? "headlines.finding.like.significant" : "headlines.finding.like.within", vars),
      sources: pollSourcesOf(data, [pair.prePollId, pair.postPollId])
    });
  }
  sentences.push({
    text: t("headlines.finding.opposed", {low: formatPercent(lowestOpposed), high: formatPercent(highestOpposed), pollster: latest.pollster, fieldwork: latest.fieldworkLabel, latest: formatPercent(latest.opposed)}),
    sources: distinctSources(data.polls.map((p) => p.source))
  });
  if (current && peak) {
    sentences.push({
      text: t("headlines.finding.kfor", {peak: formatTroops(peak), peakDate: peak.dateLabel, current: formatTroops(current), currentDate: current.dateLabel}),
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
  const period = (side: "before" | "after", summary: typeof pre) => ({
    label: t(`headlines.stat.period.${side}`, {date: cutoff, polls: countOf(summary.pollIds.length, "poll"), n: formatCount(summary.sampleSize)}),
    value: t("headlines.stat.period.value", {mean: summary.meanSupport === null ? t("headlines.stat.mean.none") : formatPercent(summary.meanSupport, 1), trend: trendText(summary)})
  });
  const emptySide = pre.pollIds.length === 0 ? "before" : "after";
  const lines = [
    period("before", pre),
    period("after", post),
    {
      label: t("headlines.stat.difference", {mix: pollsterMix(data.polls, analysis)}),
      value: meanDifference === null ? t(`headlines.stat.difference.none.${emptySide}`) : formatPoints(meanDifference)
    },
    {label: t("headlines.stat.straddling"), value: straddlingPollIds.length === 0 ? t("headlines.stat.none") : listOf(pollNames(data.polls, straddlingPollIds))}
  ];
  if (pair) {
    const byId = new Map(data.polls.map((p) => [p.id, p]));
    const [before, after] = [pair.prePollId, pair.postPollId].map((id) => byId.get(id)?.fieldworkLabel ?? id);
    lines.push(
      {
        label: t("headlines.stat.like", {pollster: pair.pollster, before, after}),
        value: t("headlines.stat.like.value", {before: formatPercent(pair.preSupport), after: formatPercent(pair.postSupport), change: formatPoints(pair.difference)})
      },
      {label: t("headlines.stat.like.interval"), value: formatPointsInterval(pair.differenceCi)},
      {label: t("headlines.stat.like.test"), value: t("headlines.stat.like.test.value", {z: formatNumber(pair.z, 2), p: formatP(pair.pValue)})}
    );
  } else {
    lines.push({label: t("headlines.stat.like.none.label"), value: t("headlines.stat.like.none")});
  }
  // The settings every figure above was computed with: a printout, which has no controls, still says them.
  lines.push({label: t("headlines.stat.settings"), value: t(`headlines.stat.settings.${analysis.intervalMethod === "wilson" ? "wilson" : "wald"}`, {date: cutoff, deff: formatNumber(analysis.deff, 0, 20)})});
  return lines;
}

/** The overview's caveat on how thin the record is, counted from the data so a new poll updates it. */
export function recordCaveat(data: Datasets): string {
  const pollsters = new Set(data.polls.map((p) => p.pollster)).size;
  return t("headlines.caveat.record", {polls: countOf(data.polls.length, "poll"), pollsters: countOf(pollsters, "pollster")});
}
