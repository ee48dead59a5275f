// Public-opinion charts: support over time with intervals, the answers per poll, and the lead.
import * as Plot from "@observablehq/plot";
import type {Poll} from "../../lib/contracts.js";
import {extentOf, isNarrow, splitAtGaps, type ChartSpec, type ChartTable, type Datasets} from "../chart.js";
import {formatCount, formatInterval, formatNumber, formatPercent, toDate} from "../format.js";
import {t, tn} from "../../lib/i18n.js";
import {palette} from "../palette.js";

const m = (key: string, vars?: Record<string, string | number>) => t(`chart-opinion.${key}`, vars);
/** Plot's time axes write years with the page's digits: plain, never a thousands separator. */
export const yearTick = (d: Date) => String(d.getUTCFullYear());
/** Plot's numeric ticks are en-US by default: every number axis in the page's language. */
export const numberTick = (v: number) => formatNumber(v);
export const percentTick = (v: number) => formatPercent(v);

export const pollSources = (data: Datasets) => data.polls.map((p) => p.source.id);
const first = (data: Datasets) => data.polls[0];
const last = (data: Datasets) => data.polls[data.polls.length - 1];
const span = (data: Datasets) =>
  first(data).fieldworkLabel === last(data).fieldworkLabel ? first(data).fieldworkLabel : m("span", {first: first(data).fieldworkLabel, last: last(data).fieldworkLabel});

/** Lower end of a percent axis that shows every interval, rounded down to 5 and never below 0. */
export function percentFloor(values: number[]): number {
  return Math.max(0, Math.floor((extentOf(values)[0] - 1) / 5) * 5);
}

/** The poll table's columns; each label is read in the page's language when it is used. */
export const pollTableColumns: {key: string; label: string}[] = [
  {key: "pollster", get label() { return m("column.pollster"); }},
  {key: "fieldwork", get label() { return m("column.fieldwork"); }},
  {key: "sampleSize", get label() { return m("column.sampleSize"); }},
  {key: "support", get label() { return m("column.support"); }},
  {key: "supportCiLow", get label() { return m("column.supportCiLow"); }},
  {key: "supportCiHigh", get label() { return m("column.supportCiHigh"); }},
  {key: "opposed", get label() { return m("column.opposed"); }},
  {key: "neutral", get label() { return m("column.neutral"); }},
  {key: "lead", get label() { return m("column.lead"); }},
  {key: "period", get label() { return m("column.period"); }},
  {key: "source", get label() { return m("column.source"); }}
];

export function pollRows(data: Datasets) {
  return data.polls.map((p) => ({
    pollster: p.pollster,
    fieldwork: p.fieldworkLabel,
    sampleSize: p.sampleSize,
    support: p.support,
    supportCiLow: round1(p.supportCi[0]),
    supportCiHigh: round1(p.supportCi[1]),
    opposed: p.opposed,
    neutral: p.neutral,
    lead: p.lead,
    period: m(`period.${p.period}`),
    source: t("chart-common.source.cell", {publisher: p.source.publisher, title: p.source.title})
  }));
}

/**
 * "IRI, February–March 2023" for a phone's narrow left margin: the pollster on a line of its own, and a span of months
 * broken after its dash (three lines fit a 44px band).
 */
export const narrowPollLabel = (poll: string) => poll.replace(", ", ",\n").replace("–", "–\n");

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** Some columns of the poll table: one definition of each poll column, whichever chart exports it. */
export function pollColumns(data: Datasets, keys: (keyof ReturnType<typeof pollRows>[number])[]): ChartTable {
  return {
    columns: pollTableColumns.filter((column) => keys.includes(column.key as (typeof keys)[number])),
    rows: pollRows(data).map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])))
  };
}

/** What a poll's tooltip says, in a reader's words (Plot would otherwise show its channel names, and 1,200 as "1,200" only by luck). */
export const pollTipChannels = () => ({
  [m("tip.pollster")]: "pollster",
  [m("tip.fieldwork")]: "fieldworkLabel",
  [m("tip.support")]: (p: Poll) => formatPercent(p.support),
  [m("tip.interval")]: (p: Poll) => formatInterval(p.supportCi),
  [m("tip.sample-size")]: (p: Poll) => formatCount(p.sampleSize)
});

export const supportTimeline: ChartSpec = {
  id: "kosovo-nato-support-over-time",
  title: () => m("support.title"),
  subtitle: (data) => m("support.subtitle", {span: span(data)}),
  description: (data) =>
    tn("chart-opinion.support.description", data.polls.length, {
      items: data.polls.map((p) => m("support.description.item", {pollster: p.pollster, fieldwork: p.fieldworkLabel, support: formatPercent(p.support), interval: formatInterval(p.supportCi)})).join("; ")
    }),
  sourceIds: pollSources,
  table: (data) => ({columns: pollTableColumns, rows: pollRows(data)}),
  plot: (data, {width, document}) =>
    Plot.plot({
      document,
      width,
      height: 300,
      marginLeft: 44,
      x: {type: "utc", label: null, nice: true, tickFormat: yearTick},
      y: {domain: [percentFloor(data.polls.map((p) => p.supportCi[0])), 100], label: m("axis.support"), grid: true, tickFormat: numberTick},
      marks: [
        Plot.ruleX(data.polls, {x: (p) => toDate(p.fieldworkMid), y1: (p) => p.supportCi[0], y2: (p) => p.supportCi[1], stroke: palette.support, strokeWidth: 2}),
        Plot.dot(data.polls, {
          x: (p) => toDate(p.fieldworkMid),
          y: "support",
          fill: palette.support,
          r: 5,
          channels: pollTipChannels(),
          tip: {format: {x: false, y: false}}
        }),
        // Above the top of the interval, not above the dot: the interval's rule runs through the space above the dot.
        Plot.text(data.polls, {x: (p) => toDate(p.fieldworkMid), y: (p) => p.supportCi[1], text: (p) => formatPercent(p.support), dy: -4, lineAnchor: "bottom", fontWeight: 600})
      ]
    })
};

const answers = () =>
  [
    {key: "support", label: m("answer.support"), color: palette.support},
    {key: "opposed", label: m("answer.opposed"), color: palette.opposed},
    {key: "neutral", label: m("answer.neutral"), color: palette.neutral}
  ] as const;
const pollLabel = (p: Poll) => m("poll", {pollster: p.pollster, fieldwork: p.fieldworkLabel});

export function answersLong(data: Datasets) {
  const list = answers();
  return data.polls.flatMap((p) => list.map((a) => ({poll: pollLabel(p), answer: a.label, share: p[a.key], sampleSize: p.sampleSize})));
}

export const answersStacked: ChartSpec = {
  id: "kosovo-nato-answers-per-poll",
  title: () => m("answers.title"),
  subtitle: () => m("answers.subtitle", {low: formatNumber(99), high: formatNumber(101)}),
  description: (data) =>
    m("answers.description", {
      items: data.polls
        .map((p) => m("answers.description.item", {pollster: p.pollster, fieldwork: p.fieldworkLabel, support: formatPercent(p.support), opposed: formatPercent(p.opposed), neutral: formatPercent(p.neutral)}))
        .join("; ")
    }),
  sourceIds: pollSources,
  table: (data) => ({
    columns: [
      {key: "poll", label: m("column.poll")},
      {key: "answer", label: m("column.answer")},
      {key: "share", label: m("column.share")},
      {key: "sampleSize", label: m("column.sampleSize")}
    ],
    rows: answersLong(data)
  }),
  plot: (data, {width, document}) =>
    Plot.plot({
      document,
      width,
      height: 60 + 44 * data.polls.length,
      marginLeft: Math.min(170, width * 0.38),
      marginRight: 18, // room for the last tick label, "100%", centred on the frame's edge
      x: {domain: [0, 101], label: m("axis.respondents"), grid: true, tickFormat: percentTick},
      y: {domain: data.polls.map(pollLabel), label: null, tickFormat: isNarrow(width) ? narrowPollLabel : undefined},
      color: {domain: answers().map((a) => a.label), range: answers().map((a) => a.color), legend: true},
      marks: [
        Plot.barX(answersLong(data), {
          x: "share",
          y: "poll",
          fill: "answer",
          order: answers().map((a) => a.label),
          channels: {
            [m("tip.poll")]: "poll",
            [m("tip.answer")]: "answer",
            [m("tip.share")]: (d: ReturnType<typeof answersLong>[number]) => formatPercent(d.share),
            [m("tip.sample-size")]: (d: ReturnType<typeof answersLong>[number]) => formatCount(d.sampleSize)
          },
          tip: {format: {x: false, x1: false, x2: false, y: false, fill: false}}
        }),
        Plot.ruleX([0])
      ]
    })
};

/**
 * A line joins two polls only when one pollster ran both, at most this many years apart: polls of different pollsters
 * differ in wording and method (house effects), and a line across years without a poll draws a path nobody measured.
 */
export const MAX_POLL_GAP_YEARS = 2;

/** Each pollster's polls in fieldwork order, split where consecutive polls lie more than MAX_POLL_GAP_YEARS apart. */
export function pollRuns(polls: Poll[]): Poll[][] {
  const byPollster = new Map<string, Poll[]>();
  for (const poll of polls) byPollster.set(poll.pollster, [...(byPollster.get(poll.pollster) ?? []), poll]);
  return [...byPollster.values()].flatMap((own) => splitAtGaps(own, (p) => toDate(p.fieldworkMid).getTime(), MAX_POLL_GAP_YEARS));
}

export const leadTimeline: ChartSpec = {
  id: "kosovo-nato-lead-over-time",
  title: () => m("lead.title"),
  subtitle: (data) => m("lead.subtitle", {span: span(data), years: formatNumber(MAX_POLL_GAP_YEARS)}),
  description: (data) =>
    m("lead.description", {items: data.polls.map((p) => m("lead.description.item", {pollster: p.pollster, fieldwork: p.fieldworkLabel, lead: formatNumber(p.lead)})).join("; ")}),
  sourceIds: pollSources,
  table: (data) => pollColumns(data, ["pollster", "fieldwork", "support", "opposed", "lead"]),
  plot: (data, {width, document}) => {
    const runs = pollRuns(data.polls);
    const joined = runs.filter((run) => run.length > 1);
    // Each label on the side away from its line: under a poll whose joined neighbours all lie higher, else above it.
    // The first poll of each pollster names it ("IRI 86"), so the dots need no legend.
    const neighbours = (poll: Poll) => {
      const run = runs.find((r) => r.includes(poll))!;
      const i = run.indexOf(poll);
      return [run[i - 1], run[i + 1]].filter(Boolean);
    };
    const below = (poll: Poll) => neighbours(poll).length > 0 && neighbours(poll).every((other) => other.lead > poll.lead);
    const firstOfPollster = new Set(runs.filter((run, i) => runs.findIndex((other) => other[0].pollster === run[0].pollster) === i).map((run) => run[0]));
    const label = (poll: Poll) => (firstOfPollster.has(poll) ? m("lead.label.first", {pollster: poll.pollster, lead: formatNumber(poll.lead)}) : formatNumber(poll.lead));
    const labelOptions = {x: (p: Poll) => toDate(p.fieldworkMid), y: "lead", text: label, fontWeight: 600};
    return Plot.plot({
      document,
      width,
      height: 260,
      marginLeft: 44,
      marginRight: 16, // room for a label or the last tick label at the frame's edge
      x: {type: "utc", label: null, nice: true, tickFormat: yearTick},
      y: {domain: [percentFloor(data.polls.map((p) => p.lead)), 100], label: m("axis.lead"), grid: true, tickFormat: numberTick},
      marks: [
        Plot.line(
          joined.flatMap((run, index) => run.map((poll) => ({poll, run: index}))),
          {x: (d) => toDate(d.poll.fieldworkMid), y: (d) => d.poll.lead, z: "run", stroke: palette.support, strokeWidth: 1.5}
        ),
        Plot.dot(data.polls, {
          x: (p) => toDate(p.fieldworkMid),
          y: "lead",
          fill: palette.support,
          r: 4,
          channels: {
            [m("tip.pollster")]: "pollster",
            [m("tip.fieldwork")]: "fieldworkLabel",
            [m("tip.lead")]: (p: Poll) => m("tip.lead.value", {lead: formatNumber(p.lead)}),
            [m("tip.support")]: (p: Poll) => formatPercent(p.support),
            [m("tip.opposed")]: (p: Poll) => formatPercent(p.opposed)
          },
          tip: {format: {x: false, y: false}}
        }),
        Plot.text(data.polls.filter((p) => !below(p)), {...labelOptions, dy: -8, lineAnchor: "bottom"}),
        Plot.text(data.polls.filter(below), {...labelOptions, dy: 8, lineAnchor: "top"})
      ]
    });
  }
};
