// Public-opinion charts: support over time with intervals, the answers per poll, and the lead.
import * as Plot from "@observablehq/plot";
import {extentOf, type ChartSpec, type ChartTable, type Datasets} from "../chart.js";
import {formatInterval, formatPercent, toDate} from "../format.js";
import {palette} from "../palette.js";

export const pollSources = (data: Datasets) => data.polls.map((p) => p.source.id);
const first = (data: Datasets) => data.polls[0];
const last = (data: Datasets) => data.polls[data.polls.length - 1];
const span = (data: Datasets) =>
  first(data).fieldworkLabel === last(data).fieldworkLabel ? first(data).fieldworkLabel : `${first(data).fieldworkLabel} to ${last(data).fieldworkLabel}`;

/** Lower end of a percent axis that shows every interval, rounded down to 5 and never below 0. */
export function percentFloor(values: number[]): number {
  return Math.max(0, Math.floor((extentOf(values)[0] - 1) / 5) * 5);
}

export const pollTableColumns = [
  {key: "pollster", label: "Pollster"},
  {key: "fieldwork", label: "Fieldwork"},
  {key: "sampleSize", label: "Sample size"},
  {key: "support", label: "Support (%)"},
  {key: "supportCiLow", label: "Support 95% CI low (%)"},
  {key: "supportCiHigh", label: "Support 95% CI high (%)"},
  {key: "opposed", label: "Opposed (%)"},
  {key: "neutral", label: "Neutral or don't know (%)"},
  {key: "lead", label: "Lead (points)"},
  {key: "period", label: "Period"},
  {key: "source", label: "Source"}
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
    period: p.period,
    source: `${p.source.publisher}, ${p.source.title}`
  }));
}

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** Some columns of the poll table: one definition of each poll column, whichever chart exports it. */
export function pollColumns(data: Datasets, keys: (keyof ReturnType<typeof pollRows>[number])[]): ChartTable {
  return {
    columns: pollTableColumns.filter((column) => keys.includes(column.key as (typeof keys)[number])),
    rows: pollRows(data).map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])))
  };
}

export const supportTimeline: ChartSpec = {
  id: "kosovo-nato-support-over-time",
  title: () => "Support for joining NATO in Kosovo",
  subtitle: (data) => `Share of respondents in favour, ${span(data)}, with 95% intervals`,
  description: (data) =>
    `Dot chart of ${data.polls.length} polls. ` +
    data.polls.map((p) => `${p.pollster} ${p.fieldworkLabel}: ${formatPercent(p.support)} (95% interval ${formatInterval(p.supportCi)})`).join("; ") +
    ".",
  sourceIds: pollSources,
  table: (data) => ({columns: pollTableColumns, rows: pollRows(data)}),
  plot: (data, {width, document}) =>
    Plot.plot({
      document,
      width,
      height: 300,
      marginLeft: 44,
      x: {type: "utc", label: null, nice: true},
      y: {domain: [percentFloor(data.polls.map((p) => p.supportCi[0])), 100], label: "Support (%)", grid: true},
      marks: [
        Plot.ruleX(data.polls, {x: (p) => toDate(p.fieldworkMid), y1: (p) => p.supportCi[0], y2: (p) => p.supportCi[1], stroke: palette.support, strokeWidth: 2}),
        Plot.dot(data.polls, {
          x: (p) => toDate(p.fieldworkMid),
          y: "support",
          fill: palette.support,
          r: 5,
          channels: {Pollster: "pollster", Fieldwork: "fieldworkLabel", "95% interval": (p) => formatInterval(p.supportCi), n: "sampleSize"},
          tip: {format: {x: false, y: (v: number) => formatPercent(v)}}
        }),
        Plot.text(data.polls, {x: (p) => toDate(p.fieldworkMid), y: "support", text: (p) => formatPercent(p.support), dy: -12, fontWeight: 600})
      ]
    })
};

const answers = [
  {key: "support", label: "Support", color: palette.support},
  {key: "opposed", label: "Opposed", color: palette.opposed},
  {key: "neutral", label: "Neutral or don't know", color: palette.neutral}
] as const;

export function answersLong(data: Datasets) {
  return data.polls.flatMap((p) => answers.map((a) => ({poll: `${p.pollster}, ${p.fieldworkLabel}`, answer: a.label, share: p[a.key], sampleSize: p.sampleSize})));
}

export const answersStacked: ChartSpec = {
  id: "kosovo-nato-answers-per-poll",
  title: () => "How Kosovars answered, poll by poll",
  subtitle: () => "Support, opposition and neutral or don't know, percent of respondents (published shares are rounded, so a bar may sum to 99–101)",
  description: (data) =>
    `Stacked bars, one per poll. ` + data.polls.map((p) => `${p.pollster} ${p.fieldworkLabel}: ${p.support}% support, ${p.opposed}% opposed, ${p.neutral}% neutral`).join("; ") + ".",
  sourceIds: pollSources,
  table: (data) => ({
    columns: [
      {key: "poll", label: "Poll"},
      {key: "answer", label: "Answer"},
      {key: "share", label: "Share (%)"},
      {key: "sampleSize", label: "Sample size"}
    ],
    rows: answersLong(data)
  }),
  plot: (data, {width, document}) =>
    Plot.plot({
      document,
      width,
      height: 60 + 44 * data.polls.length,
      marginLeft: Math.min(170, width * 0.38),
      x: {domain: [0, 101], label: "Percent of respondents", grid: true},
      y: {domain: data.polls.map((p) => `${p.pollster}, ${p.fieldworkLabel}`), label: null},
      color: {domain: answers.map((a) => a.label), range: answers.map((a) => a.color), legend: true},
      marks: [
        Plot.barX(answersLong(data), {
          x: "share",
          y: "poll",
          fill: "answer",
          order: answers.map((a) => a.label),
          tip: {format: {x: (v: number) => formatPercent(v)}},
          channels: {n: "sampleSize"}
        }),
        Plot.ruleX([0])
      ]
    })
};

export const leadTimeline: ChartSpec = {
  id: "kosovo-nato-lead-over-time",
  title: () => "Support's lead over opposition",
  subtitle: (data) => `Support minus opposed, in percentage points, ${span(data)}`,
  description: (data) => `Line chart of the lead. ` + data.polls.map((p) => `${p.pollster} ${p.fieldworkLabel}: ${p.lead} points`).join("; ") + ".",
  sourceIds: pollSources,
  table: (data) => pollColumns(data, ["pollster", "fieldwork", "support", "opposed", "lead"]),
  plot: (data, {width, document}) =>
    Plot.plot({
      document,
      width,
      height: 260,
      marginLeft: 44,
      x: {type: "utc", label: null, nice: true},
      y: {domain: [percentFloor(data.polls.map((p) => p.lead)), 100], label: "Lead (points)", grid: true},
      marks: [
        Plot.line(data.polls, {x: (p) => toDate(p.fieldworkMid), y: "lead", stroke: palette.support, strokeDasharray: "4,3"}),
        Plot.dot(data.polls, {
          x: (p) => toDate(p.fieldworkMid),
          y: "lead",
          fill: palette.support,
          r: 4,
          channels: {Pollster: "pollster", Fieldwork: "fieldworkLabel"},
          tip: {format: {x: false}}
        }),
        Plot.text(data.polls, {x: (p) => toDate(p.fieldworkMid), y: "lead", text: (p) => String(p.lead), dy: -11, fontWeight: 600})
      ]
    })
};
