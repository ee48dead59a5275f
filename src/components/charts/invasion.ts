// Before and after a cutoff (24 February 2022, the invasion, unless the reader moves it): support either side, and the
// like-for-like comparison of one pollster with itself.
import * as Plot from "@observablehq/plot";
import {extentOf, isNarrow, type ChartSpec, type Datasets} from "../chart.js";
import {formatCount, formatDate, formatInterval, formatNumber, formatP, formatPercent, formatPoints, toDate} from "../format.js";
import {formatList, t, tn} from "../../lib/i18n.js";
import type {Poll} from "../../lib/contracts.js";
import {INVASION_DATE, periodTrend} from "../../lib/invasion.js";
import {atInvasion, boundaryName, cutoffRuleLabel, formatPointsInterval, invasionRuleLabel, periodName, pollName, pollNames, pollsterMix} from "../invasion-text.js";
import {palette, textColors} from "../palette.js";
import {narrowPollLabel, numberTick, percentFloor, pollRows, pollSources, pollTableColumns, round1, yearTick} from "./opinion.js";

const m = (key: string, vars?: Record<string, string | number>) => t(`chart-invasion.${key}`, vars);
/** "64.1–69.8%", each end with as many decimals as it has (at most one). */
const percentRange = (low: number, high: number) => t("format.percent", {value: `${formatNumber(low)}–${formatNumber(high)}`});

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

/** The real invasion's date on its own rule, when a moved cutoff leaves it inside the chart. */
function separateInvasionRule(data: Datasets): Date | null {
  if (atInvasion(data.invasion)) return null;
  const [start, end] = timeDomain(data);
  const invasion = toDate(INVASION_DATE);
  return invasion > start && invasion < end ? invasion : null;
}

function periodMeans(data: Datasets) {
  const [start, end] = timeDomain(data);
  const cutoff = toDate(data.invasion.cutoff);
  return (["pre", "post"] as const)
    .filter((period) => data.invasion[period].meanSupport !== null)
    .map((period) => ({
      period,
      label: m(`mean.label.${period}`, {mean: formatPercent(data.invasion[period].meanSupport!, 1)}),
      short: m("mean.short", {mean: formatPercent(data.invasion[period].meanSupport!, 1)}),
      mean: data.invasion[period].meanSupport!,
      x1: period === "pre" ? start : cutoff,
      x2: period === "pre" ? cutoff : end
    }));
}

/** Each period's trend line, from its first poll to its last, only where the analysis reports a trend (3 polls or more). */
function trendLines(data: Datasets) {
  return (["pre", "post"] as const).flatMap((period) => {
    if (data.invasion[period].trendPerYear === null) return [];
    const polls = data.polls.filter((p) => p.period === period);
    const trend = periodTrend(polls);
    if (!trend) return [];
    const [first, last] = extentOf(polls.map((p) => toDate(p.fieldworkMid).getTime()));
    return [first, last].map((time) => ({period, x: new Date(time), y: trend.at(time)}));
  });
}

/** The chart's frame in pixels: Plot's scales map the domains linearly onto these ranges (no nice, no insets). */
function layout(data: Datasets, width: number, marginRight = 20) {
  const narrow = isNarrow(width);
  const twoRules = separateInvasionRule(data) !== null;
  const frame = {
    width,
    height: narrow ? 320 : 360,
    marginLeft: 44,
    marginRight,
    marginTop: twoRules ? 44 : 30,
    marginBottom: 30,
    yFloor: percentFloor(data.polls.map((p) => p.supportCi[0])),
    time: timeDomain(data),
    fontSize: narrow ? 9 : 10
  };
  const [start, end] = frame.time;
  const x = (date: Date) => frame.marginLeft + ((date.getTime() - start.getTime()) / (end.getTime() - start.getTime())) * (width - frame.marginLeft - frame.marginRight);
  const y = (value: number) => frame.marginTop + ((100 - value) / (100 - frame.yFloor)) * (frame.height - frame.marginTop - frame.marginBottom);
  const xInvert = (px: number) => new Date(start.getTime() + ((px - frame.marginLeft) / (width - frame.marginLeft - frame.marginRight)) * (end.getTime() - start.getTime()));
  const yInvert = (px: number) => 100 - ((px - frame.marginTop) / (frame.height - frame.marginTop - frame.marginBottom)) * (100 - frame.yFloor);
  return {...frame, narrow, x, y, xInvert, yInvert};
}

type Layout = ReturnType<typeof layout>;
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A text's width in pixels, overestimated (system-ui averages under 0.6 em a character; bold a little more). */
export const textWidth = (text: string, fontSize: number, bold = false) => text.length * fontSize * (bold ? 0.64 : 0.6);

/** Where a rule's label goes: centred on the rule unless that would cut it at an edge of the chart, then against the edge. */
export function ruleLabelAnchor(px: number, label: string, frame: Pick<Layout, "width" | "fontSize">): {textAnchor: "start" | "middle" | "end"; dx: number} {
  const half = textWidth(label, 10, true) / 2;
  if (px - half < 2) return {textAnchor: "start", dx: 2 - px};
  if (px + half > frame.width - 2) return {textAnchor: "end", dx: frame.width - 2 - px};
  return {textAnchor: "middle", dx: 0};
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Each poll's interval and dot as drawn, in the order of data.polls. */
function pollMarkBoxes(data: Datasets, frame: Layout): [interval: Box, dot: Box][] {
  return data.polls.map((p) => {
    const px = frame.x(toDate(p.fieldworkMid));
    return [
      {x0: px - 2, x1: px + 2, y0: frame.y(p.supportCi[1]) - 1, y1: frame.y(p.supportCi[0]) + 1},
      {x0: px - 6, x1: px + 6, y0: frame.y(p.support) - 6, y1: frame.y(p.support) + 6}
    ];
  });
}

/** The rules from the top of the frame to its bottom: the cutoff's, and the invasion's when it has its own. */
function ruleBoxes(data: Datasets, frame: Layout, halfWidth: number): Box[] {
  return [toDate(data.invasion.cutoff), separateInvasionRule(data)].flatMap((rule) =>
    rule ? [{x0: frame.x(rule) - halfWidth, x1: frame.x(rule) + halfWidth, y0: frame.marginTop, y1: frame.height - frame.marginBottom}] : []
  );
}

/** The periods' dashed mean lines. */
const meanLineBoxes = (data: Datasets, frame: Layout): Box[] => periodMeans(data).map((m) => ({x0: frame.x(m.x1), x1: frame.x(m.x2), y0: frame.y(m.mean) - 1.5, y1: frame.y(m.mean) + 1.5}));

/** Everything drawn inside the frame that a mean label must not cross: each poll's interval, dot and label; the rules; the lines. */
function obstacles(data: Datasets, frame: Layout, pollLabels: PollLabel[]): {boxes: Box[]; segments: [number, number, number, number][]} {
  const boxes = [...pollMarkBoxes(data, frame).flat(), ...pollLabels.map((label) => label.box), ...ruleBoxes(data, frame, 2), ...meanLineBoxes(data, frame)];
  return {boxes, segments: trendSegments(data, frame)};
}

/** The trend lines in pixels, one segment per period. */
function trendSegments(data: Datasets, frame: Layout): [number, number, number, number][] {
  const lines = trendLines(data);
  const segments: [number, number, number, number][] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) segments.push([frame.x(lines[i].x), frame.y(lines[i].y), frame.x(lines[i + 1].x), frame.y(lines[i + 1].y)]);
  return segments;
}

function crossesSegment(box: Box, [x0, y0, x1, y1]: [number, number, number, number]): boolean {
  const from = Math.max(box.x0, Math.min(x0, x1));
  const to = Math.min(box.x1, Math.max(x0, x1));
  if (from > to) return false;
  const at = (x: number) => (x1 === x0 ? y0 : y0 + ((x - x0) / (x1 - x0)) * (y1 - y0));
  const [low, high] = [Math.min(at(from), at(to)) - 1.5, Math.max(at(from), at(to)) + 1.5];
  return low < box.y1 && box.y0 < high;
}

const pollLabel = (p: Poll) => m("poll.label", {pollster: p.pollster, support: formatPercent(p.support)});

/**
 * Each poll's label, over its dot; under it instead where it would run into another poll's label, interval or dot,
 * a mean line or a trend line
 * (on a phone the 2023 and 2024 polls sit about 17px apart). In the order of data.polls.
 */
type PollLabel = {x: Date; y: number; box: Box};

function pollLabelBoxes(data: Datasets, frame: Layout): PollLabel[] {
  const placed: Box[] = [];
  const result: PollLabel[] = new Array(data.polls.length);
  const order = data.polls.map((p, i) => ({i, px: frame.x(toDate(p.fieldworkMid))})).sort((a, b) => a.px - b.px);
  // The other polls' intervals and dots (a label is placed clear of its own).
  const marks = pollMarkBoxes(data, frame);
  const meanLines = meanLineBoxes(data, frame);
  const segments = trendSegments(data, frame);
  // Poll labels may come within half a pixel of a 2px rule; mean labels keep a pixel (obstacles).
  const rules = ruleBoxes(data, frame, 1.5);
  for (const {i, px} of order) {
    const others = [...placed, ...meanLines, ...rules, ...marks.filter((_, j) => j !== i).flat()];
    const blocked = (box: Box) => others.some((b) => overlaps(box, b)) || segments.some((segment) => crossesSegment(box, segment));
    const p = data.polls[i];
    const half = textWidth(pollLabel(p), frame.fontSize) / 2;
    const boxAt = (centre: number, middle: number) => ({x0: centre - half, x1: centre + half, y0: middle - frame.fontSize * 0.7, y1: middle + frame.fontSize * 0.7});
    // Above the top of its own interval, else below its bottom (over the dot, the interval would run through it), else
    // beside the dot on the right or the left, where a rule near the poll leaves no room above or below.
    const above = frame.y(p.supportCi[1]) - frame.fontSize * 0.9;
    const below = frame.y(p.supportCi[0]) + frame.fontSize * 1.1;
    const candidates = [
      boxAt(px, above),
      boxAt(px, below),
      boxAt(px + 8 + half, frame.y(p.support)),
      boxAt(px - 8 - half, frame.y(p.support)),
      // Off-centre above or below: clear of a rule on one side, still by its own poll.
      boxAt(px - 4 - half, above),
      boxAt(px + 4 + half, above),
      boxAt(px - 4 - half, below),
      boxAt(px + 4 + half, below)
    ];
    const inFrame = (box: Box) => box.x0 >= 0 && box.x1 <= frame.width;
    const box = candidates.find((candidate) => inFrame(candidate) && !blocked(candidate)) ?? candidates[0];
    placed.push(box);
    result[i] = {x: frame.xInvert((box.x0 + box.x1) / 2), y: frame.yInvert((box.y0 + box.y1) / 2), box};
  }
  return result;
}

type MeanLabel = {period: "pre" | "post"; text: string; x: Date; y: number; box: Box};

/** Labels placed just under (else over) their dashed line, as far left in the period as they go where nothing drawn crosses them. */
function placeInside(data: Datasets, frame: Layout, pollLabels: PollLabel[], means: ReturnType<typeof periodMeans>): MeanLabel[] {
  const {boxes, segments} = obstacles(data, frame, pollLabels);
  const inside: Box = {x0: frame.marginLeft, x1: frame.width - frame.marginRight, y0: frame.marginTop, y1: frame.height - frame.marginBottom};
  const placed: MeanLabel[] = [];
  for (const m of means) {
    const line = frame.y(m.mean);
    const height = frame.fontSize * 1.3;
    search: for (const text of [m.label, m.short]) {
      const w = textWidth(text, frame.fontSize);
      for (let left = frame.x(m.x1) + 4; left + w <= frame.x(m.x2) - 4; left += 2) {
        for (const top of [line + 3, line - 3 - height]) {
          const box = {x0: left, x1: left + w, y0: top, y1: top + height};
          if (box.x0 < inside.x0 || box.x1 > inside.x1 || box.y0 < inside.y0 || box.y1 > inside.y1) continue;
          if (boxes.some((b) => overlaps(box, b)) || segments.some((s) => crossesSegment(box, s))) continue;
          placed.push({period: m.period, text, x: frame.xInvert(left), y: frame.yInvert(top + height / 2), box});
          boxes.push(box);
          break search;
        }
      }
    }
  }
  return placed;
}

/**
 * The chart's frame and its mean labels. Each label goes by its line where nothing drawn crosses it; the after-period's
 * line runs to the chart's right edge, so when its label fits nowhere inside (the period is short: at the invasion it is
 * two years wide) it goes at the line's end, in a right margin widened for it, where nothing else is drawn. A before-
 * period label that fits nowhere is left out: the subtitle gives both means.
 */
export function meanLabelLayout(data: Datasets, width: number): {frame: Layout; labels: MeanLabel[]; pollLabels: PollLabel[]} {
  const means = periodMeans(data);
  let frame = layout(data, width);
  let pollLabels = pollLabelBoxes(data, frame);
  let labels = placeInside(data, frame, pollLabels, means);
  const post = means.find((m) => m.period === "post");
  if (post && !labels.some((l) => l.period === "post")) {
    const w = textWidth(post.short, frame.fontSize);
    frame = layout(data, width, w + 10);
    pollLabels = pollLabelBoxes(data, frame);
    labels = placeInside(data, frame, pollLabels, means.filter((m) => m.period === "pre"));
    const left = width - frame.marginRight + 4;
    const height = frame.fontSize * 1.3;
    // Level with the line's end, else just under or over it: a poll label near the right edge can reach into the margin.
    const {boxes} = obstacles(data, frame, pollLabels);
    const line = frame.y(post.mean);
    for (const top of [line - height / 2, line + 3, line - 3 - height, line + 3 + height, line - 3 - 2 * height]) {
      const box = {x0: left, x1: left + w, y0: top, y1: top + height};
      if (box.y0 < frame.marginTop || box.y1 > frame.height - frame.marginBottom || [...boxes, ...labels.map((l) => l.box)].some((b) => overlaps(box, b))) continue;
      labels.push({period: "post", text: post.short, x: frame.xInvert(left), y: frame.yInvert(top + height / 2), box});
      break;
    }
  }
  return {frame, labels, pollLabels};
}

export const supportBeforeAfter: ChartSpec = {
  id: "kosovo-nato-support-before-after-invasion",
  title: (data) => {
    const analysis = data.invasion;
    const difference = analysis.meanDifference;
    if (difference === null) {
      const empty = analysis.pre.pollIds.length === 0 ? (analysis.post.pollIds.length === 0 ? "both" : "before") : "after";
      return m(`title.none.${empty}`, {boundary: boundaryName(analysis)});
    }
    const mix = pollsterMix(data.polls, analysis);
    if (difference === 0) return m("title.same", {boundary: boundaryName(analysis), difference: formatPoints(difference), mix});
    const direction = difference > 0 ? "higher" : "lower";
    return atInvasion(analysis)
      ? m(`title.${direction}.invasion`, {difference: formatPoints(difference), mix})
      : m(`title.${direction}.cutoff`, {date: formatDate(analysis.cutoff), difference: formatPoints(difference), mix});
  },
  subtitle: (data) => {
    const analysis = data.invasion;
    const means = (["pre", "post"] as const)
      .filter((period) => analysis[period].meanSupport !== null)
      .map((period) => m(`subtitle.mean.${period}`, {mean: formatPercent(analysis[period].meanSupport!, 1)}));
    const trends = (["pre", "post"] as const).filter((period) => analysis[period].trendPerYear !== null);
    const straddling = pollNames(data.polls, analysis.straddlingPollIds);
    const counts = m("subtitle.counts", {before: tn("chart-invasion.polls", analysis.pre.pollIds.length), after: tn("chart-invasion.polls", analysis.post.pollIds.length)});
    const parts = [
      means.length ? m("subtitle.means", {means: means.join(", ")}) : m("subtitle.means.none"),
      trends.length === 2 ? m("subtitle.trends") : trends.length === 1 ? m(`subtitle.trend.${trends[0]}`) : null,
      straddling.length ? m("subtitle.counts.straddling", {counts, straddling: tn("chart-invasion.subtitle.straddling", straddling.length, {polls: formatList(straddling)})}) : counts
    ].filter(Boolean);
    const cutoff = atInvasion(analysis) ? m("subtitle.cutoff.invasion", {date: formatDate(analysis.cutoff)}) : m("subtitle.cutoff.moved", {date: formatDate(analysis.cutoff), invasion: formatDate(INVASION_DATE)});
    return m("subtitle", {parts: parts.join("; "), cutoff});
  },
  description: (data) => {
    const means = periodMeans(data).map((m) => m.label).join("; ");
    const polls = data.polls.map((p) => m("description.poll", {poll: pollName(p), support: formatPercent(p.support), period: periodName(p.period, data.invasion).toLowerCase()})).join("; ");
    return [
      m(atInvasion(data.invasion) ? "description.split.invasion" : "description.split.cutoff", {date: formatDate(data.invasion.cutoff)}),
      separateInvasionRule(data) ? m("description.second-rule", {date: formatDate(INVASION_DATE)}) : null,
      means ? m("description.means", {means}) : null,
      m("description.polls", {polls})
    ]
      .filter(Boolean)
      .join(" ");
  },
  sourceIds: pollSources,
  table: (data) => ({columns: pollTableColumns, rows: pollRows(data)}),
  plot: (data, {width, document}) => {
    const {frame, labels: meanLabels, pollLabels} = meanLabelLayout(data, width);
    const [start, end] = frame.time;
    const cutoff = toDate(data.invasion.cutoff);
    const invasion = separateInvasionRule(data);
    const means = periodMeans(data);
    const rules = [
      // Rows under the y axis's label, which Plot sets at the very top left (3 to 15px): the cutoff's centred 22px down,
      // the invasion's, when it has its own rule, 14px lower (the top margin grows to hold it).
      {date: cutoff, label: cutoffRuleLabel(data.invasion, frame.narrow), dy: 22 - frame.marginTop},
      ...(invasion ? [{date: invasion, label: invasionRuleLabel(frame.narrow), dy: 36 - frame.marginTop}] : [])
    ];
    return Plot.plot({
      document,
      width,
      height: frame.height,
      marginLeft: frame.marginLeft,
      marginRight: frame.marginRight,
      marginTop: frame.marginTop,
      marginBottom: frame.marginBottom,
      x: {type: "utc", domain: [start, end], label: null, tickFormat: yearTick},
      y: {domain: [frame.yFloor, 100], label: t("chart-opinion.axis.support"), grid: true, tickFormat: numberTick},
      color: periodColors,
      marks: [
        Plot.rectX([{x1: start, x2: cutoff}, {x1: cutoff, x2: end}], {x1: "x1", x2: "x2", fill: [palette.pre, palette.post], fillOpacity: 0.08}),
        // The cutoff: the invasion's colour when it is the invasion, plain when moved (the invasion then has its own dashed rule).
        Plot.ruleX([cutoff], {stroke: invasion || !atInvasion(data.invasion) ? "currentColor" : palette.invasion, strokeWidth: 2}),
        ...(invasion ? [Plot.ruleX([invasion], {stroke: palette.invasion, strokeWidth: 2, strokeDasharray: "3,3"})] : []),
        // Each rule's label in the top margin, kept inside the chart whatever the date: against the edge when centring would cut it.
        ...rules.map((rule) =>
          Plot.text([rule], {x: "date", frameAnchor: "top", lineAnchor: "middle", dy: rule.dy, text: "label", fill: "currentColor", fontWeight: 600, fontSize: 10, ...ruleLabelAnchor(frame.x(rule.date), rule.label, frame)})
        ),
        Plot.link(means, {x1: "x1", x2: "x2", y1: "mean", y2: "mean", stroke: "period", strokeDasharray: "5,4", strokeWidth: 1.5}),
        // Mean labels by their line, where no interval, dot, poll label, rule or line crosses them (meanLabelLayout).
        // Text in the period's hue needs a text shade of it (palette.ts, textShades): the mark hues are under 4.5:1 as text.
        Plot.text(meanLabels, {x: "x", y: "y", text: "text", textAnchor: "start", fill: (label: (typeof meanLabels)[number]) => textColors[label.period], fontSize: frame.fontSize}),
        // Thin but opaque: faded, the trend line fell under the 3:1 a mark that carries meaning needs.
        Plot.line(trendLines(data), {x: "x", y: "y", stroke: "period", z: "period", strokeWidth: 1}),
        Plot.ruleX(data.polls, {x: (p) => toDate(p.fieldworkMid), y1: (p) => p.supportCi[0], y2: (p) => p.supportCi[1], stroke: "period", strokeWidth: 2}),
        Plot.dot(data.polls, {
          x: (p) => toDate(p.fieldworkMid),
          y: "support",
          fill: "period",
          r: 5,
          channels: {
            [t("chart-opinion.tip.pollster")]: "pollster",
            [t("chart-opinion.tip.fieldwork")]: "fieldworkLabel",
            [t("chart-opinion.tip.interval")]: (p) => formatInterval(p.supportCi),
            [m("tip.n")]: (p) => formatCount(p.sampleSize),
            [m("tip.period")]: (p) => periodName(p.period, data.invasion)
          },
          tip: {format: {x: false, fill: false, y: (v: number) => formatPercent(v)}}
        }),
        Plot.text(data.polls, {x: (_, i) => pollLabels[i].x, y: (_, i) => pollLabels[i].y, text: pollLabel, fontSize: frame.fontSize})
      ]
    });
  }
};

function likeForLikeRows(data: Datasets) {
  const pair = data.invasion.likeForLike;
  if (!pair) return [];
  return [pair.prePollId, pair.postPollId].map((id) => data.polls.find((p) => p.id === id)!).map((p) => ({
    poll: pollName(p),
    // The period as the table names it; the colour scale keys on the period itself (periodColors).
    period: t(`chart-opinion.period.${p.period}`),
    periodKey: p.period,
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
    const boundary = atInvasion(data.invasion) ? "invasion" : "cutoff";
    const date = formatDate(data.invasion.cutoff);
    if (!pair) return m(`lfl.title.none.${boundary}`, {date});
    const [before, after] = [pair.prePollId, pair.postPollId].map((id) => data.polls.find((p) => p.id === id)?.fieldworkLabel ?? id);
    return m(`lfl.title.${boundary}`, {date, pollster: pair.pollster, difference: formatPoints(pair.difference), before, after});
  },
  subtitle: (data) => {
    const pair = data.invasion.likeForLike;
    if (!pair) return m("lfl.subtitle.none", {boundary: boundaryName(data.invasion)});
    return m("lfl.subtitle", {pollster: pair.pollster, difference: formatPoints(pair.difference), interval: formatPointsInterval(pair.differenceCi), z: formatNumber(pair.z, 2), p: formatP(pair.pValue)});
  },
  description: (data) => {
    const rows = likeForLikeRows(data);
    if (rows.length === 0) return m("lfl.description.none", {boundary: boundaryName(data.invasion)});
    return m("lfl.description", {polls: rows.map((r) => m("lfl.description.poll", {poll: r.poll, support: formatPercent(r.support), interval: percentRange(r.ciLow, r.ciHigh)})).join("; ")});
  },
  // The pair's sources; with no pair, every poll's, since every poll was looked at to find none.
  sourceIds: (data) => {
    const pair = data.invasion.likeForLike;
    return pair ? data.polls.filter((p) => p.id === pair.prePollId || p.id === pair.postPollId).map((p) => p.source.id) : pollSources(data);
  },
  table: (data) => ({
    columns: [
      {key: "poll", label: t("chart-opinion.column.poll")},
      {key: "period", label: t("chart-opinion.column.period")},
      {key: "support", label: t("chart-opinion.column.support")},
      {key: "ciLow", label: m("lfl.column.low")},
      {key: "ciHigh", label: m("lfl.column.high")},
      {key: "sampleSize", label: t("chart-opinion.column.sampleSize")}
    ],
    rows: likeForLikeRows(data)
  }),
  plot: (data, {width, document}) => {
    const rows = likeForLikeRows(data);
    if (rows.length === 0) {
      // Nothing to compare: a frame as tall as the comparison's, saying so (an empty axis had no domain to draw).
      return Plot.plot({
        document,
        width,
        height: 170,
        x: {domain: [0, 1], axis: null},
        y: {domain: [0, 1], axis: null},
        marks: [Plot.frame({strokeOpacity: 0.2}), Plot.text([m("lfl.empty", {boundary: boundaryName(data.invasion)})], {frameAnchor: "middle", lineWidth: (width - 20) / 10})]
      });
    }
    return Plot.plot({
      document,
      width,
      height: 170,
      marginLeft: Math.min(170, width * 0.4),
      x: {domain: [percentFloor(rows.map((r) => r.ciLow)), 100], label: t("chart-opinion.axis.support"), grid: true, tickFormat: numberTick},
      // On a phone the left margin is too narrow for "IRI, February–March 2023": the pollster goes on a line of its own.
      y: {domain: rows.map((r) => r.poll), label: null, tickFormat: isNarrow(width) ? narrowPollLabel : undefined},
      color: periodColors,
      marks: [
        Plot.ruleY(rows, {y: "poll", x1: "ciLow", x2: "ciHigh", stroke: "periodKey", strokeWidth: 3}),
        Plot.dot(rows, {x: "support", y: "poll", fill: "periodKey", r: 6, channels: {[t("chart-opinion.tip.interval")]: (r) => percentRange(r.ciLow, r.ciHigh), [m("tip.n")]: (r) => formatCount(r.sampleSize)}, tip: {format: {fill: false}}}),
        Plot.text(rows, {x: "support", y: "poll", text: (r) => formatPercent(r.support), dy: -14, fontWeight: 600})
      ]
    });
  }
};
