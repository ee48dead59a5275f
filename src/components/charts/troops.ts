// KFOR strength 1999–today, with qualifiers, reinforcements, targets and events; and support on the same time axis.
import * as Plot from "@observablehq/plot";
import type {Troop} from "../../lib/contracts.js";
import {extentOf, isNarrow, type ChartSpec, type Datasets} from "../chart.js";
import {formatDate, formatInterval, formatPercent, formatTroops, toDate} from "../format.js";
import {palette} from "../palette.js";
import {currentKforStrength, kforLevels, largestKforStrength} from "../facts.js";
import {pollColumns, pollSources} from "./opinion.js";

const kfor = (data: Datasets) => data.troops.filter((t) => t.force === "KFOR");
const levels = (data: Datasets) => kforLevels(data.troops);

/** The shared time axis of the troop and support charts, so both stories line up on the page. */
export function kforTimeDomain(data: Datasets): [Date, Date] {
  const times = [...kfor(data).map((t) => toDate(t.date).getTime()), ...data.polls.map((p) => toDate(p.fieldworkEnd).getTime())];
  const [first, last] = extentOf(times).map((time) => new Date(time));
  return [new Date(Date.UTC(first.getUTCFullYear(), 0, 1)), new Date(Date.UTC(last.getUTCFullYear() + 1, 0, 1))];
}

const yearMs = 365.25 * 24 * 3600 * 1000;

/**
 * Levels that get a text label: the latest always, then earlier ones at least `minYears` apart,
 * so labels do not pile up where figures crowd together (1999, 2010, 2022–2024). Tooltips carry the rest.
 */
function labelledLevels(data: Datasets, all: Troop[], minYears: number): Troop[] {
  const current = currentKforStrength(data.troops);
  const labelled: Troop[] = current ? [current] : [];
  for (const level of [...all].reverse()) {
    const time = toDate(level.date).getTime();
    if (labelled.every((other) => Math.abs(toDate(other.date).getTime() - time) >= minYears * yearMs || (other.troops > 0 && Math.abs(other.troops - level.troops) > 8000))) labelled.push(level);
  }
  return labelled;
}

/** Whether the next level's marker (within a year, at about the same strength) sits where this level's label would go. */
function crowdedOnTheRight(level: Troop, all: Troop[]): boolean {
  const time = toDate(level.date).getTime();
  return all.some((other) => {
    const after = toDate(other.date).getTime() - time;
    return after > 0 && after < yearMs && Math.abs(other.troops - level.troops) < 2000;
  });
}

const qualifierSymbols = {domain: ["exact", "about", "more than", "under"], range: ["circle", "diamond", "triangle", "square"]};
/** Events drawn on the troop chart: KFOR's own milestones, the clashes and the invasion. */
const annotated = (data: Datasets) => data.events.filter((e) => e.category === "kfor" || e.category === "security" || e.category === "ukraine");

export const troopsTimeline: ChartSpec = {
  id: "kfor-troop-strength-1999-today",
  title: (data) => {
    const current = currentKforStrength(data.troops);
    const peak = largestKforStrength(data.troops);
    if (!current || !peak) return "KFOR troop strength";
    if (peak === current) return `KFOR is at its largest: ${formatTroops(current)} troops`;
    return `KFOR has shrunk from ${formatTroops(peak)} troops at its largest to ${formatTroops(current)}`;
  },
  subtitle: () =>
    "NATO troops in Kosovo. Filled circles are exact figures; hollow shapes are approximate (◇ about, △ more than, □ under); × marks a planned target, not a level; + bars are reinforcements",
  description: (data) =>
    "Dot chart of KFOR strength. " +
    levels(data)
      .map((t) => `${t.dateLabel}: ${formatTroops(t)}`)
      .join("; ") +
    ". Reinforcements: " +
    kfor(data)
      .filter((t) => t.kind === "reinforcement")
      .map((t) => `${t.dateLabel}: ${formatTroops(t)} additional troops`)
      .join("; ") +
    ".",
  sourceIds: (data) => kfor(data).map((t) => t.source.id),
  table: (data) => ({
    columns: [
      {key: "date", label: "Date"},
      {key: "dateLabel", label: "As stated"},
      {key: "troops", label: "Troops"},
      {key: "qualifier", label: "Qualifier"},
      {key: "kind", label: "Kind"},
      {key: "source", label: "Source"},
      {key: "note", label: "Note"}
    ],
    rows: kfor(data).map((t) => ({date: t.date, dateLabel: t.dateLabel, troops: t.troops, qualifier: t.qualifier, kind: t.kind, source: `${t.source.publisher}, ${t.source.title}`, note: t.note}))
  }),
  plot: (data, {width, document}) => {
    const narrow = isNarrow(width);
    const reinforcements = kfor(data).filter((t) => t.kind === "reinforcement");
    const targets = kfor(data).filter((t) => t.kind === "target");
    const channels = {"As stated": "dateLabel", Troops: (t: Troop) => formatTroops(t), Source: (t: Troop) => t.source.publisher};
    const allLevels = levels(data);
    const labels = labelledLevels(data, allLevels, narrow ? 8 : 3);
    const labelOptions = {x: (t: Troop) => toDate(t.date), y: "troops", text: (t: Troop) => formatTroops(t), fontSize: 10};
    return Plot.plot({
      document,
      width,
      height: narrow ? 320 : 380,
      marginLeft: 52,
      marginRight: 56, // room for the latest figure's label at the right edge
      marginTop: 24,
      x: {type: "utc", domain: kforTimeDomain(data), label: null},
      y: {domain: [0, 52000], label: "Troops", grid: true, tickFormat: "~s"},
      symbol: qualifierSymbols,
      marks: [
        Plot.ruleX(annotated(data), {x: (e) => toDate(e.date), stroke: (e) => (e.category === "ukraine" ? palette.invasion : "currentColor"), strokeOpacity: (e) => (e.category === "ukraine" ? 1 : 0.25), strokeDasharray: "3,3", channels: {Event: "title", Date: (e) => formatDate(e.date, e.datePrecision)}, tip: {format: {x: false, stroke: false, strokeOpacity: false}}}),
        Plot.line(allLevels, {x: (t) => toDate(t.date), y: "troops", stroke: palette.troops, strokeOpacity: 0.5}),
        Plot.ruleX(reinforcements, {x: (t) => toDate(t.date), y1: 0, y2: "troops", stroke: palette.troops, strokeWidth: 6, strokeOpacity: 0.6, channels, tip: {format: {x: false, y1: false, y2: false}}}),
        Plot.text(reinforcements, {x: (t) => toDate(t.date), y: "troops", text: (t) => formatTroops(t).replace(/([\d,]+)$/, "+$1"), dy: -8, textAnchor: "middle", fill: palette.troops}),
        Plot.dot(targets, {x: (t) => toDate(t.date), y: "troops", symbol: "times", stroke: "currentColor", r: 6, channels, tip: {format: {x: false, y: false}}}),
        Plot.dot(allLevels, {
          x: (t) => toDate(t.date),
          y: "troops",
          symbol: "qualifier",
          r: 5,
          stroke: palette.troops,
          strokeWidth: 2,
          fill: (t) => (t.qualifier === "exact" ? palette.troops : "none"),
          channels,
          tip: {format: {x: false, y: false, symbol: false, fill: false}}
        }),
        Plot.text(labels.filter((t) => !crowdedOnTheRight(t, allLevels)), {...labelOptions, dx: 8, textAnchor: "start"}),
        // Where the next marker sits to the right (early and late 2010, both about 10,000), the label goes under its own.
        Plot.text(labels.filter((t) => crowdedOnTheRight(t, allLevels)), {...labelOptions, dy: 14}),
        Plot.text(data.events.filter((e) => e.category === "ukraine"), {x: (e) => toDate(e.date), frameAnchor: "top", dy: -14, text: () => "Invasion of Ukraine", textAnchor: "end", dx: -4, fill: palette.invasion, fontWeight: 600})
      ]
    });
  }
};

export const supportOnKforAxis: ChartSpec = {
  id: "kosovo-nato-support-on-kfor-timeline",
  title: () => "Meanwhile, support for joining NATO",
  subtitle: () => "The same polls on the same time axis as the troop chart above, with 95% intervals",
  description: (data) => `Dot chart of support on the troop chart's time axis, ${kforTimeDomain(data).map((d) => d.getUTCFullYear()).join(" to ")}. ` + data.polls.map((p) => `${p.pollster} ${p.fieldworkLabel}: ${formatPercent(p.support)}`).join("; ") + ".",
  sourceIds: pollSources,
  table: (data) => pollColumns(data, ["pollster", "fieldwork", "support", "supportCiLow", "supportCiHigh"]),
  plot: (data, {width, document}) =>
    Plot.plot({
      document,
      width,
      height: 170,
      marginLeft: 52,
      marginRight: 56, // the same frame as the troop chart above, so the time axes line up
      x: {type: "utc", domain: kforTimeDomain(data), label: null},
      y: {domain: [80, 100], label: "Support (%)", grid: true, ticks: 3},
      marks: [
        Plot.ruleX(data.events.filter((e) => e.category === "ukraine"), {x: (e) => toDate(e.date), stroke: palette.invasion, strokeWidth: 2, strokeDasharray: "3,3"}),
        Plot.ruleX(data.polls, {x: (p) => toDate(p.fieldworkMid), y1: (p) => p.supportCi[0], y2: (p) => p.supportCi[1], stroke: palette.support, strokeWidth: 2}),
        Plot.dot(data.polls, {x: (p) => toDate(p.fieldworkMid), y: "support", fill: palette.support, r: 4, channels: {Pollster: "pollster", Fieldwork: "fieldworkLabel", "95% interval": (p) => formatInterval(p.supportCi)}, tip: {format: {x: false}}})
      ]
    })
};
