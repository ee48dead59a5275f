// Before and after 24 February 2022: support across the invasion, and the like-for-like IRI comparison.
import * as Plot from "@observablehq/plot";
import {extentOf, isNarrow, type ChartSpec, type Datasets} from "../chart.js";
import {formatDate, formatInterval, formatP, formatPercent, formatPoints, toDate} from "../format.js";
import {palette, periodLabels} from "../palette.js";
import {percentFloor, pollRows, pollSources, pollTableColumns, round1} from "./opinion.js";

const DAY = 24 * 3600 * 1000;

/** Each period's colour, the same in both charts. */
const periodColors = {domain: ["pre", "post", "straddles"], range: [palette.pre, palette.post, palette.straddles]};

/** The time span the chart shows: a margin of months around the first and last fieldwork. */
function timeDomain(data: Datasets): [Date, Date] {
  const times = data.polls.flatMap((p) => [toDate(p.fieldworkStart).getTime(), toDate(p.fieldworkEnd).getTime()]);
  times.push(toDate(data.invasion.cutoff).getTime());
  const [first, last] = extentOf(times);
  return [new Date(first - 180 * DAY), new Date(last + 180 * DAY)];
}

function periodMeans(data: Datasets) {
  const [start, end] = timeDomain(data);
  const cutoff = toDate(data.invasion.cutoff);
  return (["pre", "post"] as const)
    .filter((period) => data.invasion[period].meanSupport !== null)
    .map((period) => ({
      period,
      label: `${period === "pre" ? "Before" : "After"}: mean ${formatPercent(data.invasion[period].meanSupport!, 1)}`,
      mean: data.invasion[period].meanSupport!,
      x1: period === "pre" ? start : cutoff,
      x2: period === "pre" ? cutoff : end
    }));
}

/** Polls of the periods that have a trend to draw: a line needs two polls on different dates (one alone gives NaN paths). */
function trendPolls(data: Datasets) {
  const periodsWithTrend = new Set((["pre", "post"] as const).filter((period) => data.invasion[period].trendPerYear !== null));
  return data.polls.filter((p) => periodsWithTrend.has(p.period as "pre" | "post"));
}

export const supportBeforeAfter: ChartSpec = {
  id: "kosovo-nato-support-before-after-invasion",
  title: (data) => {
    const difference = data.invasion.meanDifference;
    if (difference === null) return "Support for joining NATO before and after Russia's invasion of Ukraine";
    return `Support for joining NATO ${difference >= 0 ? "rose" : "fell"} after Russia invaded Ukraine`;
  },
  subtitle: (data) =>
    `Support in each poll with its 95% interval; dashed lines are each period's mean weighted by sample size. Cutoff: ${formatDate(data.invasion.cutoff)}`,
  description: (data) => {
    const means = periodMeans(data).map((m) => m.label).join("; ");
    return `Dot chart of support over time, split at ${formatDate(data.invasion.cutoff)}. ${means}. ` + data.polls.map((p) => `${p.pollster} ${p.fieldworkLabel}: ${formatPercent(p.support)}`).join("; ") + ".";
  },
  sourceIds: pollSources,
  table: (data) => ({columns: pollTableColumns, rows: pollRows(data)}),
  plot: (data, {width, document}) => {
    const [start, end] = timeDomain(data);
    const cutoff = toDate(data.invasion.cutoff);
    const means = periodMeans(data);
    const narrow = isNarrow(width);
    return Plot.plot({
      document,
      width,
      height: narrow ? 320 : 360,
      marginLeft: 44,
      marginTop: 30,
      x: {type: "utc", domain: [start, end], label: null},
      y: {domain: [percentFloor(data.polls.map((p) => p.supportCi[0])), 100], label: "Support (%)", grid: true},
      color: periodColors,
      marks: [
        Plot.rectX([{x1: start, x2: cutoff}, {x1: cutoff, x2: end}], {x1: "x1", x2: "x2", fill: [palette.pre, palette.post], fillOpacity: 0.08}),
        Plot.ruleX([cutoff], {stroke: palette.invasion, strokeWidth: 2}),
        Plot.text([cutoff], {
          x: (d) => d,
          frameAnchor: "top",
          dy: -18,
          text: () => (narrow ? "Invasion of Ukraine" : `Russia invades Ukraine, ${formatDate(data.invasion.cutoff)}`),
          fill: "currentColor",
          fontWeight: 600
        }),
        Plot.link(means, {x1: "x1", x2: "x2", y1: "mean", y2: "mean", stroke: "period", strokeDasharray: "5,4", strokeWidth: 1.5}),
        // Mean labels sit under their line, at the left edge of each period, clear of the poll labels above the dots.
        // On a phone the after-period is too narrow for "After: mean 94.5%": a short label, ending at the right edge.
        Plot.text(narrow ? means.filter((m) => m.period === "pre") : means, {x: "x1", y: "mean", text: "label", textAnchor: "start", dx: 4, dy: 10, fill: "period", fontSize: 10}),
        Plot.text(narrow ? means.filter((m) => m.period === "post") : [], {x: "x2", y: "mean", text: (m) => `mean ${formatPercent(m.mean, 1)}`, textAnchor: "end", dx: -2, dy: 10, fill: "period", fontSize: 9}),
        Plot.linearRegressionY(trendPolls(data), {x: (p) => toDate(p.fieldworkMid), y: "support", stroke: "period", z: "period", ci: 0, strokeOpacity: 0.6}),
        Plot.ruleX(data.polls, {x: (p) => toDate(p.fieldworkMid), y1: (p) => p.supportCi[0], y2: (p) => p.supportCi[1], stroke: "period", strokeWidth: 2}),
        Plot.dot(data.polls, {
          x: (p) => toDate(p.fieldworkMid),
          y: "support",
          fill: "period",
          r: 5,
          channels: {Pollster: "pollster", Fieldwork: "fieldworkLabel", "95% interval": (p) => formatInterval(p.supportCi), n: "sampleSize", Period: (p) => periodLabels[p.period as keyof typeof periodLabels]},
          tip: {format: {x: false, fill: false, y: (v: number) => formatPercent(v)}}
        }),
        Plot.text(data.polls, {x: (p) => toDate(p.fieldworkMid), y: "support", text: (p) => `${p.pollster} ${formatPercent(p.support)}`, dy: -12, fontSize: narrow ? 9 : 10})
      ]
    });
  }
};

function likeForLikeRows(data: Datasets) {
  const pair = data.invasion.likeForLike;
  if (!pair) return [];
  return [pair.prePollId, pair.postPollId].map((id) => data.polls.find((p) => p.id === id)!).map((p) => ({
    poll: `${p.pollster}, ${p.fieldworkLabel}`,
    period: p.period,
    support: p.support,
    ciLow: round1(p.supportCi[0]),
    ciHigh: round1(p.supportCi[1]),
    sampleSize: p.sampleSize
  }));
}

export const likeForLike: ChartSpec = {
  id: "kosovo-nato-like-for-like-iri",
  title: (data) => {
    const pair = data.invasion.likeForLike;
    return pair ? `Same pollster, either side of the invasion: ${formatPoints(pair.difference, 0)}` : "No pollster polled both before and after the cutoff";
  },
  subtitle: (data) => {
    const pair = data.invasion.likeForLike;
    if (!pair) return "";
    return `${pair.pollster} support with 95% intervals. Difference ${formatPoints(pair.difference)} (95% CI ${formatInterval(pair.differenceCi, 1, " points")}), z = ${pair.z.toFixed(2)}, ${formatP(pair.pValue)}`;
  },
  description: (data) =>
    likeForLikeRows(data)
      .map((r) => `${r.poll}: ${formatPercent(r.support)} (95% interval ${r.ciLow}–${r.ciHigh}%)`)
      .join("; ") + ".",
  sourceIds: (data) => {
    const pair = data.invasion.likeForLike;
    return pair ? data.polls.filter((p) => p.id === pair.prePollId || p.id === pair.postPollId).map((p) => p.source.id) : [];
  },
  table: (data) => ({
    columns: [
      {key: "poll", label: "Poll"},
      {key: "period", label: "Period"},
      {key: "support", label: "Support (%)"},
      {key: "ciLow", label: "95% CI low (%)"},
      {key: "ciHigh", label: "95% CI high (%)"},
      {key: "sampleSize", label: "Sample size"}
    ],
    rows: likeForLikeRows(data)
  }),
  plot: (data, {width, document}) => {
    const rows = likeForLikeRows(data);
    return Plot.plot({
      document,
      width,
      height: 170,
      marginLeft: Math.min(170, width * 0.4),
      x: {domain: [percentFloor(rows.map((r) => r.ciLow)), 100], label: "Support (%)", grid: true},
      // On a phone the left margin is too narrow for "IRI, February–March 2023": the pollster goes on a line of its own.
      y: {domain: rows.map((r) => r.poll), label: null, tickFormat: isNarrow(width) ? (poll: string) => poll.replace(", ", ",\n") : undefined},
      color: periodColors,
      marks: [
        Plot.ruleY(rows, {y: "poll", x1: "ciLow", x2: "ciHigh", stroke: "period", strokeWidth: 3}),
        Plot.dot(rows, {x: "support", y: "poll", fill: "period", r: 6, channels: {"95% interval": (r) => `${r.ciLow}–${r.ciHigh}%`, n: "sampleSize"}, tip: {format: {fill: false}}}),
        Plot.text(rows, {x: "support", y: "poll", text: (r) => formatPercent(r.support), dy: -14, fontWeight: 600})
      ]
    });
  }
};
