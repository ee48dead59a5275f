// Every text the /invasion controls can change, checked against the analysis it describes, for a spread of cutoffs
// (before the first poll, between each pair of polls, inside a poll's fieldwork, after the last), design effects and
// both interval methods: the charts' titles, subtitles, descriptions, tables and drawn SVG text (linkedom), the
// statistics list and the overview's headline and findings.
import {parseHTML} from "linkedom";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {textWidth} from "../../src/components/charts/invasion.ts";
import {chartFigure} from "../../src/components/figure.ts";
import {chartById} from "../../src/components/registry.ts";
import {findings, headlines, invasionStatistics} from "../../src/components/headlines.ts";
import {formatDate, formatPoints, toDate} from "../../src/components/format.ts";
import {cutoffRuleLabel, invasionRuleLabel, pollName} from "../../src/components/invasion-text.ts";
import {analyseInvasion, applySettings, INVASION_DATE, type AnalysisSettings} from "../../src/lib/invasion.ts";
import type {Datasets} from "../../src/lib/contracts.ts";

const {document} = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;
const data = buildDatasets(loadTables());

const DAY = 24 * 3600 * 1000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const shift = (date: string, days: number) => iso(toDate(date).getTime() + days * DAY);

/** Cutoffs that put the polls into every arrangement the data allows. */
function spreadOfCutoffs(): {name: string; cutoff: string}[] {
  const polls = [...data.polls].sort((a, b) => a.fieldworkStart.localeCompare(b.fieldworkStart));
  const cutoffs = [
    {name: "the invasion", cutoff: INVASION_DATE},
    {name: "long before the first poll", cutoff: "2010-01-01"},
    {name: "the first poll's first day", cutoff: polls[0].fieldworkStart},
    {name: "1 January 2015", cutoff: "2015-01-01"}
  ];
  for (let i = 0; i + 1 < polls.length; i++) {
    const [end, start] = [toDate(polls[i].fieldworkEnd).getTime(), toDate(polls[i + 1].fieldworkStart).getTime()];
    cutoffs.push({name: `between ${polls[i].id} and ${polls[i + 1].id}`, cutoff: iso((end + start) / 2)});
    cutoffs.push({name: `the day after ${polls[i].id} ends`, cutoff: shift(polls[i].fieldworkEnd, 1)});
  }
  for (const poll of polls.filter((p) => p.fieldworkStart < p.fieldworkEnd)) {
    cutoffs.push({name: `inside ${poll.id}'s fieldwork`, cutoff: shift(poll.fieldworkStart, 28)}, {name: `${poll.id}'s last day`, cutoff: poll.fieldworkEnd});
  }
  cutoffs.push({name: "1 March 2023", cutoff: "2023-03-01"}, {name: "after the last poll", cutoff: shift(polls[polls.length - 1].fieldworkEnd, 1)}, {name: "long after", cutoff: "2030-06-30"});
  return cutoffs;
}

const monthNames = "January|February|March|April|May|June|July|August|September|October|November|December";

interface PageTexts {
  /** Each text with where it came from, for the failure message. */
  all: {where: string; text: string}[];
  supportTitle: string;
  supportSubtitle: string;
  likeTitle: string;
  svgTexts: Map<number, string[]>;
  statistics: {label: string; value: string}[];
}

function textsOf(live: Datasets): PageTexts {
  const all: {where: string; text: string}[] = [];
  const svgTexts = new Map<number, string[]>();
  const support = chartById("kosovo-nato-support-before-after-invasion");
  const like = chartById("kosovo-nato-like-for-like-iri");
  for (const spec of [support, like]) {
    // The build's two drawing widths: one narrow, one wide layout (the live widths take the same two layouts).
    for (const width of [296, 640]) {
      const figure = chartFigure(spec, live, {width, document: doc});
      const svg = figure.querySelector("svg[role=img]")!;
      all.push({where: `${spec.id} at ${width}px, the SVG's attributes`, text: svg.outerHTML.match(/="[^"]*(NaN|undefined|Infinity)[^"]*"/)?.[0] ?? ""});
      const drawn = [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "");
      if (spec === support) svgTexts.set(width, drawn);
      for (const text of drawn) all.push({where: `${spec.id} at ${width}px, drawn`, text});
      for (const name of ["aria-label", "aria-description"]) all.push({where: `${spec.id} ${name}`, text: svg.getAttribute(name) ?? ""});
      for (const cell of figure.querySelectorAll(".chart-table th, .chart-table td, .chart-table caption")) all.push({where: `${spec.id} table`, text: cell.textContent ?? ""});
    }
  }
  const supportTitle = support.title(live);
  const supportSubtitle = support.subtitle(live);
  const likeTitle = like.title(live);
  all.push({where: "support title", text: supportTitle}, {where: "support subtitle", text: supportSubtitle}, {where: "like-for-like title", text: likeTitle}, {where: "like-for-like subtitle", text: like.subtitle(live)});
  const statistics = invasionStatistics(live);
  for (const line of statistics) all.push({where: "statistics", text: `${line.label}: ${line.value}`});
  for (const card of headlines(live)) all.push({where: "headline card", text: `${card.label}: ${card.value}; ${card.detail}`});
  for (const sentence of findings(live)) all.push({where: "findings", text: sentence.text});
  return {all, supportTitle, supportSubtitle, likeTitle, svgTexts, statistics};
}

const cases = spreadOfCutoffs().flatMap(({name, cutoff}) =>
  [1, 1.5, 3].flatMap((deff) => (["wilson", "wald"] as const).map((intervalMethod) => ({name, settings: {cutoff, deff, intervalMethod} satisfies AnalysisSettings})))
);

describe("every /invasion text the controls change is true of the analysis", () => {
  it("covers cutoffs before the first poll, between each pair, inside a fieldwork and after the last", () => {
    const analyses = cases.map((c) => analyseInvasion(data.polls, c.settings));
    expect(analyses.some((a) => a.pre.pollIds.length === 0)).toBe(true);
    expect(analyses.some((a) => a.post.pollIds.length === 0)).toBe(true);
    expect(analyses.some((a) => a.straddlingPollIds.length > 0)).toBe(true);
    expect(analyses.some((a) => a.pre.trendPerYear !== null || a.post.trendPerYear !== null)).toBe(true);
    expect(analyses.some((a) => a.likeForLike === null)).toBe(true);
  });

  for (const {name, settings} of cases) {
    it(`cutoff ${settings.cutoff} (${name}), design effect ${settings.deff}, ${settings.intervalMethod}`, () => {
      const analysis = analyseInvasion(data.polls, settings);
      const live: Datasets = {...data, polls: applySettings(data.polls, settings), invasion: analysis};
      const texts = textsOf(live);
      const atInvasion = settings.cutoff === INVASION_DATE;
      const cutoffDate = formatDate(settings.cutoff);
      const pollCount = (n: number) => `${n} poll${n === 1 ? "" : "s"}`;

      for (const {where, text} of texts.all) {
        const at = `${where}: "${text}"`;
        expect(text, at).not.toMatch(/NaN|undefined|Infinity|null|\[object/);
        expect(text, at).not.toMatch(/95% CI/);
        // Counts agree with their noun: no "1 polls", no "2 poll".
        expect(text, at).not.toMatch(/\b1 polls\b|\b(0|[2-9]|\d{2,}) poll\b/);
        // A straddling (or any) poll is named by pollster and fieldwork, never by its id.
        for (const poll of data.polls) expect(text, at).not.toContain(poll.id);
        // A change in points is written one way: signed, one decimal ("+6.0 points").
        for (const match of text.matchAll(/(\S+) points\b/g)) expect(match[1], at).toMatch(/^[+−±]\d+\.\d$/);
        // Every date written out is the cutoff, the invasion, or a poll's fieldwork month.
        for (const match of text.matchAll(new RegExp(`\\b(\\d{1,2}) (${monthNames}) (\\d{4})\\b`, "g"))) expect([cutoffDate, formatDate(INVASION_DATE)], at).toContain(match[0]);
        // The invasion is named only at its own date, or beside its own date when the cutoff has moved.
        if (!atInvasion) {
          for (const segment of text.split(/[.;:]\s|[()|]/)) {
            if (/invasion|invade/i.test(segment)) expect(segment, at).toMatch(/24 Feb(ruary)? 2022/);
            if (/invasion|invade/i.test(segment)) expect(segment, at).not.toContain(cutoffDate);
          }
        }
      }

      // The title's claim about change: its direction is the sign of the difference of means, its figure that difference.
      const difference = analysis.meanDifference;
      if (difference === null) {
        expect(texts.supportTitle).not.toMatch(/higher|lower|rose|fell/);
        expect(texts.supportTitle).toMatch(/no polls (before|after)/);
      } else {
        expect(texts.supportTitle).toMatch(difference > 0 ? /\bhigher\b/ : difference < 0 ? /\blower\b/ : /\bthe same\b/);
        expect(texts.supportTitle).not.toMatch(difference > 0 ? /lower|fell/ : /higher|rose/);
        expect(texts.supportTitle).toContain(formatPoints(difference));
        expect(texts.supportTitle).toContain(atInvasion ? "after Russia invaded Ukraine" : `after the cutoff of ${cutoffDate}`);
      }
      const pair = analysis.likeForLike;
      if (pair) {
        expect(texts.likeTitle).toContain(atInvasion ? "Same pollster either side of the invasion" : `Same pollster either side of the cutoff of ${cutoffDate}`);
        expect(texts.likeTitle).toContain(`${pair.pollster} support ${formatPoints(pair.difference)}`);
        const [pre, post] = [pair.prePollId, pair.postPollId].map((id) => data.polls.find((p) => p.id === id)!);
        expect(texts.likeTitle).toContain(`${pre.fieldworkLabel} to ${post.fieldworkLabel}`);
      } else {
        expect(texts.likeTitle).toMatch(/^No pollster polled both before and after/);
      }

      // The statistics end with the settings they were computed with (a printout has no controls to show them).
      expect(texts.statistics.at(-1)).toEqual({label: "Settings", value: `cutoff ${cutoffDate}; design effect ${settings.deff}; ${settings.intervalMethod === "wilson" ? "Wilson score" : "Wald"} intervals`});
      // Counts in the subtitle and the statistics are the analysis's.
      expect(texts.supportSubtitle).toContain(`${pollCount(analysis.pre.pollIds.length)} before, ${pollCount(analysis.post.pollIds.length)} after`);
      expect(texts.supportSubtitle).toContain(`Cutoff: ${cutoffDate}`);
      const [before, after] = texts.statistics;
      expect(before.label).toBe(`Before ${cutoffDate} (${pollCount(analysis.pre.pollIds.length)}, n = ${analysis.pre.sampleSize.toLocaleString("en-GB")})`);
      expect(after.label).toBe(`After ${cutoffDate} (${pollCount(analysis.post.pollIds.length)}, n = ${analysis.post.sampleSize.toLocaleString("en-GB")})`);
      // A trend only through three polls or more, with its interval; otherwise the statistic says why.
      for (const [summary, line] of [[analysis.pre, before], [analysis.post, after]] as const) {
        expect(summary.trendPerYear !== null).toBe(summary.pollIds.length >= 3);
        if (summary.trendPerYear === null) expect(line.value).toMatch(/trend none \(a trend needs at least 3 polls; there (is|are) (none|\d+)\)/);
        else expect(line.value).toContain(`trend ${formatPoints(summary.trendPerYear)} a year (95% interval `);
      }
      // Straddling polls are named, by pollster and fieldwork, in the subtitle and the statistics.
      for (const id of analysis.straddlingPollIds) {
        const name = pollName(data.polls.find((p) => p.id === id)!);
        expect(texts.supportSubtitle).toContain(name);
        expect(texts.statistics.find((l) => l.label.startsWith("Polls straddling"))!.value).toContain(name);
      }

      // No rule label runs past either edge of the drawing (its width overestimated as the chart code estimates it).
      for (const width of [296, 640]) {
        const svg = chartFigure(chartById("kosovo-nato-support-before-after-invasion"), live, {width, document: doc}).querySelector("svg[role=img]")!;
        for (const label of [...svg.querySelectorAll("text")].filter((t) => /^(Cutoff|Russia invades|Invasion)/.test(t.textContent ?? ""))) {
          const group = label.closest("g")!;
          // Plot puts dx and dy in the group's transform, the position in the text's.
          const translateX = (element: Element) => Number(element.getAttribute("transform")?.match(/translate\(([-\d.]+)/)?.[1] ?? 0);
          const x = translateX(label) + translateX(group);
          const anchor = group.getAttribute("text-anchor") ?? svg.getAttribute("text-anchor") ?? "start";
          const w = textWidth(label.textContent ?? "", 10, true);
          const [left, right] = anchor === "start" ? [x, x + w] : anchor === "end" ? [x - w, x] : [x - w / 2, x + w / 2];
          expect(left, `${label.textContent} at ${width}px`).toBeGreaterThanOrEqual(0);
          expect(right, `${label.textContent} at ${width}px`).toBeLessThanOrEqual(width);
        }
      }

      // The rules: the cutoff's label is the cutoff's; the invasion's own rule beside a moved cutoff when it is on the axis.
      for (const [width, drawn] of texts.svgTexts) {
        const narrow = width < 520;
        expect(drawn).toContain(cutoffRuleLabel(analysis, narrow));
        if (atInvasion) expect(drawn.filter((t) => t.startsWith("Cutoff"))).toEqual([]);
        // The polls span 2014–2024, so the invasion is on every axis.
        else expect(drawn.filter((t) => /invasion|invades/i.test(t))).toEqual([invasionRuleLabel(narrow)]);
      }
    });
  }
});
