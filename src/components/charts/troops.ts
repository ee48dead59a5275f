// KFOR strength 1999–today, with qualifiers, reinforcements, targets and events; and support on the same time axis.
import * as Plot from "@observablehq/plot";
import type {Troop} from "../../lib/contracts.js";
import {extentOf, isNarrow, splitAtGaps, type ChartSpec, type Datasets} from "../chart.js";
import {MS_PER_YEAR} from "../../lib/stats.js";
import {formatDate, formatInterval, formatNumber, formatPercent, formatTroops, toDate} from "../format.js";
import {t} from "../../lib/i18n.js";
import {palette, textColors} from "../palette.js";
import {currentKforStrength, kforLevels, largestKforStrength} from "../facts.js";
import {numberTick, pollColumns, pollSources, yearTick} from "./opinion.js";

const m = (key: string, vars?: Record<string, string | number>) => t(`chart-troops.${key}`, vars);
/** The digits of a formatted count in any of the languages: separators "," (English), "." (Serbian), a no-break space (Albanian). */
const COUNT = String.raw`\d[\d,.\u00a0\u202f]*`;
import {LABEL_LINE_HEIGHT, labelSides, placeLabels, type Box} from "./label-layout.js";

const kfor = (data: Datasets) => data.troops.filter((t) => t.force === "KFOR");
const levels = (data: Datasets) => kforLevels(data.troops);

/** The shared time axis of the troop and support charts, so both stories line up on the page. */
export function kforTimeDomain(data: Datasets): [Date, Date] {
  const times = [...kfor(data).map((t) => toDate(t.date).getTime()), ...data.polls.map((p) => toDate(p.fieldworkEnd).getTime())];
  const [first, last] = extentOf(times).map((time) => new Date(time));
  return [new Date(Date.UTC(first.getUTCFullYear(), 0, 1)), new Date(Date.UTC(last.getUTCFullYear() + 1, 0, 1))];
}

/** What a KFOR level counts. */
export type LevelScope = "troops in Kosovo" | "the initial deployment" | "military and civilian personnel";

/**
 * data/troops.csv has no column for what a figure counts, but its rows say it in their own words: the "about 50,000"
 * of June 1999 counts the initial deployment (a different scope than the 20,000 entering Kosovo that month, its note
 * says), and January 2024's "about 4,811" counts military and civilian personnel. A line through them would draw a
 * change that is only a change of what was counted, so they stand as markers of their own.
 */
export function levelScope(level: Pick<Troop, "dateLabel" | "note">): LevelScope {
  const words = `${level.dateLabel} ${level.note ?? ""}`;
  if (/initial deployment/i.test(words)) return "the initial deployment";
  if (/civilian/i.test(words)) return "military and civilian personnel";
  return "troops in Kosovo";
}

/**
 * The line breaks where consecutive figures are more than this far apart: a line across 2013–2022, when no figure was
 * published, would read as a measured decline. Three years keeps 1999–2002 and 2010–2013 joined, where the sources
 * report a build-up and a drawdown, and breaks 2003–2009 and 2013–2022.
 */
export const MAX_GAP_YEARS = 3;

/**
 * The runs the line joins: KFOR's levels that count troops in Kosovo (levelScope), in date order, split wherever two
 * consecutive figures lie more than MAX_GAP_YEARS apart. A run of one figure is a marker, not a line.
 */
export function strengthRuns(troops: Troop[]): Troop[][] {
  const series = kforLevels(troops).filter((t) => levelScope(t) === "troops in Kosovo");
  return splitAtGaps(series, (t) => toDate(t.date).getTime(), MAX_GAP_YEARS);
}

/**
 * The latest figures, levels and reinforcements alike, that fall within a year of the latest level: on a 26-year axis
 * they sit within a few pixels of each other (2023–2024: more than 4,500, about 4,811, 4,500 and about 1,000 more
 * troops), so their labels go in a list beside the frame, each joined to its marker by a leader line.
 */
export function latestCluster(troops: Troop[]): Troop[] {
  const current = currentKforStrength(troops);
  if (!current) return [];
  const latest = toDate(current.date).getTime();
  return troops.filter((t) => t.force === "KFOR" && t.kind !== "target" && latest - toDate(t.date).getTime() < MS_PER_YEAR && toDate(t.date).getTime() - latest < MS_PER_YEAR);
}

/**
 * Levels outside the latest cluster that get a label beside their marker: earlier ones at least `minYears` apart from
 * every labelled or clustered figure (or far from it in strength), so labels do not pile up where figures crowd together
 * (1999, 2010). Tooltips carry the rest.
 */
function labelledLevels(all: Troop[], cluster: Troop[], minYears: number): Troop[] {
  const labelled: Troop[] = [];
  const near = (a: Troop, b: Troop) => Math.abs(toDate(a.date).getTime() - toDate(b.date).getTime()) < minYears * MS_PER_YEAR && Math.abs(a.troops - b.troops) <= 8000;
  for (const level of [...all].reverse()) {
    if (cluster.includes(level)) continue;
    if ([...cluster.filter((t) => t.kind === "level"), ...labelled].every((other) => !near(level, other))) labelled.push(level);
  }
  return labelled;
}

/** The right margin of the troop chart and of the support chart under it, so their time axes line up: it holds the latest figures' labels. */
const KFOR_MARGIN_RIGHT = 66;
const invasionLabel = () => m("invasion");
const KFOR_MARGIN_LEFT = 52;
const TROOPS_MAX = 52000;

/** "more than 4,500" → "more than\n4,500"; "about +1,000" → "about\n+1,000"; "4,500" stays: two short lines fit the margin. */
const stackedLabel = (text: string) => text.replace(new RegExp(` (?=\\+?${COUNT}$)`), "\n");

const reinforcementText = (t: Troop) => formatTroops(t).replace(new RegExp(`(${COUNT})$`), "+$1");

/** One row per thing the troop chart's tooltip can describe: every KFOR figure, at its marker, and every event, at the top of its rule. */
function tipItems(data: Datasets, top: number) {
  const figureKinds = {level: m("figure.level"), reinforcement: m("figure.reinforcement"), target: m("figure.target")} as const;
  return [
    ...kfor(data).map((t) => ({
      date: toDate(t.date),
      y: t.troops,
      figure: figureKinds[t.kind],
      asStated: t.dateLabel,
      troops: t.kind === "level" ? formatTroops(t) : undefined,
      additional: t.kind === "reinforcement" ? formatTroops(t) : undefined,
      planned: t.kind === "target" ? formatTroops(t) : undefined,
      counts: t.kind === "level" ? m(`scope.${levelScope(t)}`) : undefined,
      event: undefined as string | undefined,
      eventDate: undefined as string | undefined,
      source: t.source.publisher
    })),
    ...annotated(data).map((e) => ({
      date: toDate(e.date),
      y: top,
      figure: m("figure.event"),
      asStated: undefined,
      troops: undefined,
      additional: undefined,
      planned: undefined,
      counts: undefined,
      event: e.title,
      eventDate: formatDate(e.date, e.datePrecision),
      source: e.source.publisher
    }))
  ];
}

const qualifierSymbols = {domain: ["exact", "about", "more than", "under"], range: ["circle", "diamond", "triangle", "square"]};
/** Events drawn on the troop chart: KFOR's own milestones, the clashes and the invasion. */
const annotated = (data: Datasets) => data.events.filter((e) => e.category === "kfor" || e.category === "security" || e.category === "ukraine");

export const troopsTimeline: ChartSpec = {
  id: "kfor-troop-strength-1999-today",
  title: (data) => {
    const current = currentKforStrength(data.troops);
    const peak = largestKforStrength(data.troops);
    if (!current || !peak) return m("title.none");
    if (peak === current) return m("title.largest", {troops: formatTroops(current)});
    return m("title.shrunk", {peak: formatTroops(peak), current: formatTroops(current)});
  },
  subtitle: () => m("subtitle", {years: formatNumber(MAX_GAP_YEARS)}),
  description: (data) =>
    m("description", {
      levels: levels(data)
        .map((t) =>
          levelScope(t) === "troops in Kosovo"
            ? m("description.level", {date: t.dateLabel, troops: formatTroops(t)})
            : m("description.level.scope", {date: t.dateLabel, troops: formatTroops(t), scope: m(`scope.${levelScope(t)}`)})
        )
        .join("; "),
      reinforcements: kfor(data)
        .filter((t) => t.kind === "reinforcement")
        .map((t) => m("description.reinforcement", {date: t.dateLabel, troops: formatTroops(t)}))
        .join("; ")
    }),
  sourceIds: (data) => kfor(data).map((t) => t.source.id),
  table: (data) => ({
    columns: [
      {key: "date", label: m("column.date")},
      {key: "dateLabel", label: m("column.as-stated")},
      {key: "troops", label: m("column.troops")},
      {key: "qualifier", label: m("column.qualifier")},
      {key: "kind", label: m("column.kind")},
      {key: "source", label: m("column.source")},
      {key: "note", label: m("column.note")}
    ],
    rows: kfor(data).map((troop) => ({
      date: troop.date,
      dateLabel: troop.dateLabel,
      troops: troop.troops,
      qualifier: m(`qualifier.${troop.qualifier}`),
      kind: m(`kind.${troop.kind}`),
      source: t("chart-common.source.cell", {publisher: troop.source.publisher, title: troop.source.title}),
      note: troop.note
    }))
  }),
  plot: (data, {width, document}) => {
    const narrow = isNarrow(width);
    const height = narrow ? 320 : 380;
    const [marginTop, marginBottom, marginLeft, marginRight] = [24, 30, KFOR_MARGIN_LEFT, KFOR_MARGIN_RIGHT];
    const domain = kforTimeDomain(data);
    // Pixel positions, to lay out the latest figures' list beside the frame (Plot's scales are linear here).
    const msPerPx = (domain[1].getTime() - domain[0].getTime()) / (width - marginLeft - marginRight);
    const troopsPerPx = TROOPS_MAX / (height - marginTop - marginBottom);
    const pxY = (troops: number) => height - marginBottom - troops / troopsPerPx;
    const troopsAt = (y: number) => (height - marginBottom - y) * troopsPerPx;
    const timeRightOfFrame = (px: number) => new Date(domain[1].getTime() + px * msPerPx);
    const pxX = (date: string) => marginLeft + (toDate(date).getTime() - domain[0].getTime()) / msPerPx;

    const reinforcements = kfor(data).filter((t) => t.kind === "reinforcement");
    const targets = kfor(data).filter((t) => t.kind === "target");
    const allLevels = levels(data);
    const runs = strengthRuns(data.troops);
    const cluster = latestCluster(data.troops);
    const labels = labelledLevels(allLevels, cluster, narrow ? 8 : 3);
    const labelText = (t: Troop) => (levelScope(t) === "troops in Kosovo" ? formatTroops(t) : m("label.scope", {troops: formatTroops(t), scope: m(`scope.label.${levelScope(t)}`)}));
    // What labels must not cover: every marker (radius 5, the target's 6, with a pixel to spare), the reinforcement
    // bars, the line's segments, the invasion rule (the other event rules are faint, and text over them stays legible)
    // and the latest figures' list.
    const markerBox = (t: Troop, r: number): Box => ({left: pxX(t.date) - r, right: pxX(t.date) + r, top: pxY(t.troops) - r, bottom: pxY(t.troops) + r});
    const segments = runs.flatMap((run) => run.slice(1).map((t, i) => [pxX(run[i].date), pxY(run[i].troops), pxX(t.date), pxY(t.troops)] as const));
    const invasionRules = data.events.filter((e) => e.category === "ukraine").map((e) => [pxX(e.date), marginTop, pxX(e.date), height - marginBottom] as const);
    const reinforcementBars = reinforcements.map((t): Box => ({left: pxX(t.date) - 4, right: pxX(t.date) + 4, top: pxY(t.troops), bottom: pxY(0)}));
    const invasionLabels = data.events.filter((e) => e.category === "ukraine").map((e): Box => ({left: pxX(e.date) - 4 - invasionLabel().length * 7, right: pxX(e.date), top: marginTop - 20, bottom: marginTop - 8}));
    const placedLabels = placeLabels(
      labels.map((t) => ({item: t, text: labelText(t), x: pxX(t.date), y: pxY(t.troops)})),
      {
        boxes: [...allLevels.map((t) => markerBox(t, 6)), ...targets.map((t) => markerBox(t, 7)), ...reinforcementBars, ...invasionLabels],
        segments: [...segments, ...invasionRules],
        bounds: {left: marginLeft, right: width - marginRight, top: 0, bottom: height - marginBottom}
      }
    );
    const labelMarks = labelSides.map((side) =>
      Plot.text(
        placedLabels.filter((label) => label.side === side).map((label) => label.item),
        {x: (t: Troop) => toDate(t.date), y: "troops", text: labelText, fontSize: 10, dx: side.dx, dy: side.dy, textAnchor: side.textAnchor}
      )
    );

    // The list of the latest figures: highest first, stacked up from just above the time axis, each entry as near its
    // marker's height as the entries below it allow.
    const entries = [...cluster]
      .sort((a, b) => b.troops - a.troops || toDate(a.date).getTime() - toDate(b.date).getTime())
      .map((t) => ({troop: t, text: stackedLabel(t.kind === "reinforcement" ? reinforcementText(t) : formatTroops(t))}));
    let floor = height - marginBottom - 2;
    const placed = entries.reverse().map((entry) => {
      const lines = entry.text.split("\n").length;
      const centre = Math.min(pxY(entry.troop.troops), floor - (lines * LABEL_LINE_HEIGHT) / 2);
      floor = centre - (lines * LABEL_LINE_HEIGHT) / 2 - 3;
      return {...entry, y: troopsAt(centre)};
    });

    return Plot.plot({
      document,
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: {type: "utc", domain, label: null, tickFormat: yearTick},
      // Thousands as a short figure ("10k"), in the page's digits; the zero as each language writes it ("0k" in English).
      y: {domain: [0, TROOPS_MAX], label: m("axis.troops"), grid: true, tickFormat: (v: number) => (v === 0 ? m("axis.zero") : m("axis.thousands", {value: formatNumber(v / 1000)}))},
      symbol: qualifierSymbols,
      marks: [
        Plot.ruleX(annotated(data), {
          x: (e) => toDate(e.date),
          stroke: (e) => (e.category === "ukraine" ? palette.invasion : "currentColor"),
          strokeOpacity: (e) => (e.category === "ukraine" ? 1 : 0.25),
          strokeDasharray: "3,3"
        }),
        Plot.line(
          runs.flatMap((run, index) => run.map((troop) => ({troop, run: index}))),
          {x: (d) => toDate(d.troop.date), y: (d) => d.troop.troops, z: "run", stroke: palette.troops, strokeWidth: 1.5}
        ),
        Plot.ruleX(reinforcements, {
          x: (t) => toDate(t.date),
          y1: 0,
          y2: "troops",
          stroke: palette.troops,
          strokeWidth: 6
        }),
        // Reinforcement labels beside their bar, not over it: an event rule marks the same date.
        Plot.text(
          reinforcements.filter((t) => !cluster.includes(t)),
          {x: (t) => toDate(t.date), y: "troops", text: reinforcementText, dx: 6, textAnchor: "start", fill: textColors.troops, fontSize: 10}
        ),
        Plot.dot(targets, {
          x: (t) => toDate(t.date),
          y: "troops",
          symbol: "times",
          stroke: "currentColor",
          r: 6
        }),
        // Leader lines from the latest figures to their labels beside the frame.
        Plot.link(placed, {
          x1: (d) => toDate(d.troop.date),
          y1: (d) => d.troop.troops,
          x2: () => timeRightOfFrame(3),
          y2: "y",
          stroke: "currentColor",
          strokeOpacity: 0.6,
          strokeWidth: 1
        }),
        Plot.dot(allLevels, {
          x: (t) => toDate(t.date),
          y: "troops",
          symbol: "qualifier",
          r: 5,
          stroke: palette.troops,
          strokeWidth: 2,
          fill: (t) => (t.qualifier === "exact" ? palette.troops : "none")
        }),
        ...labelMarks,
        Plot.text(placed, {
          x: () => domain[1],
          y: "y",
          text: "text",
          dx: 6,
          textAnchor: "start",
          fontSize: 10,
          fill: (d) => (d.troop.kind === "reinforcement" ? textColors.troops : "currentColor")
        }),
        Plot.text(data.events.filter((e) => e.category === "ukraine"), {
          x: (e) => toDate(e.date),
          frameAnchor: "top",
          dy: -14,
          text: () => invasionLabel(),
          textAnchor: "end",
          dx: -4,
          fill: textColors.invasion,
          fontWeight: 600
        }),
        // One tooltip for every figure and event, so one shows at a time (a tip per mark would show several at once
        // where a marker, a reinforcement bar and an event rule meet). Events answer at the top of their rule.
        Plot.tip(
          tipItems(data, TROOPS_MAX),
          Plot.pointer({
            x: "date",
            y: "y",
            channels: {
              [m("tip.figure")]: "figure",
              [m("tip.as-stated")]: "asStated",
              [m("tip.troops")]: "troops",
              [m("tip.additional")]: "additional",
              [m("tip.planned")]: "planned",
              [m("tip.counts")]: "counts",
              [m("tip.event")]: "event",
              [m("tip.date")]: "eventDate",
              [m("tip.source")]: "source"
            },
            format: {x: false, y: false}
          })
        )
      ]
    });
  }
};

export const supportOnKforAxis: ChartSpec = {
  id: "kosovo-nato-support-on-kfor-timeline",
  title: () => m("support.title"),
  subtitle: () => m("support.subtitle"),
  description: (data) => {
    const [from, to] = kforTimeDomain(data).map(yearTick);
    return m("support.description", {from, to, polls: data.polls.map((p) => m("support.description.poll", {pollster: p.pollster, fieldwork: p.fieldworkLabel, support: formatPercent(p.support)})).join("; ")});
  },
  sourceIds: pollSources,
  table: (data) => pollColumns(data, ["pollster", "fieldwork", "support", "supportCiLow", "supportCiHigh"]),
  plot: (data, {width, document}) =>
    Plot.plot({
      document,
      width,
      height: 170,
      marginLeft: KFOR_MARGIN_LEFT,
      marginRight: KFOR_MARGIN_RIGHT, // the same frame as the troop chart above, so the time axes line up
      x: {type: "utc", domain: kforTimeDomain(data), label: null, tickFormat: yearTick},
      y: {domain: [80, 100], label: t("chart-opinion.axis.support"), grid: true, ticks: 3, tickFormat: numberTick},
      marks: [
        Plot.ruleX(data.events.filter((e) => e.category === "ukraine"), {x: (e) => toDate(e.date), stroke: palette.invasion, strokeWidth: 2, strokeDasharray: "3,3"}),
        Plot.ruleX(data.polls, {x: (p) => toDate(p.fieldworkMid), y1: (p) => p.supportCi[0], y2: (p) => p.supportCi[1], stroke: palette.support, strokeWidth: 2}),
        Plot.dot(data.polls, {
          x: (p) => toDate(p.fieldworkMid),
          y: "support",
          fill: palette.support,
          r: 4,
          channels: {
            [t("chart-opinion.tip.pollster")]: "pollster",
            [t("chart-opinion.tip.fieldwork")]: "fieldworkLabel",
            [t("chart-opinion.tip.support")]: (p) => formatPercent(p.support),
            [t("chart-opinion.tip.interval")]: (p) => formatInterval(p.supportCi)
          },
          tip: {format: {x: false, y: false}}
        })
      ]
    })
};
