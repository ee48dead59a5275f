// The other surveys (regional poll, protection or threat, trust in KFOR): their charts say what each asked and mark
// what is derived, a new edition of the regional poll takes over its chart, and none of their figures ever reaches
// the national series: its charts, headline cards, findings, period means or the before/after analysis.
import {rmSync} from "node:fs";
import {parseHTML} from "linkedom";
import {afterAll, describe, expect, it} from "vitest";
import {checkData, loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {pollTable} from "../../src/components/cards.ts";
import {tableToCsv} from "../../src/components/csv.ts";
import {chartFigure} from "../../src/components/figure.ts";
import {findings, headlines, invasionStatistics, recordCaveat} from "../../src/components/headlines.ts";
import {chartById, charts} from "../../src/components/registry.ts";
import {protectionSummary, regionalSummary, trustSummary} from "../../src/components/survey-facts.ts";
import {analyseInvasion} from "../../src/lib/invasion.ts";
import type {Datasets} from "../../src/lib/contracts.ts";
import {dataCopy} from "../helpers.ts";

const {document} = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;
const data = buildDatasets(loadTables());
const surveyCharts = ["western-balkans-nato-support", "nato-protection-or-threat", "kfor-trust"];

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, {recursive: true, force: true});
});

/** data/ with the edits applied, validated: the test fails loudly if an edit makes the data invalid. */
function datasetsWith(edits: Parameters<typeof dataCopy>[0]): Datasets {
  const dir = dataCopy(edits);
  copies.push(dir);
  const {tables, issues} = checkData(dir);
  expect(issues).toEqual([]);
  return buildDatasets(tables);
}

/** A 2026 edition of the regional poll, as the guide says to add one: a survey row, then its countries' rows. */
const nextEdition = {
  "surveys.csv": (text: string) =>
    text + 'iri-western-balkans-2026,IRI Western Balkans Poll,Support for NATO membership (as the reports summarise it),Adults in each country,2026-01,2026-02,,Face-to-face interviews,2024,iri-western-balkans-2024,\n',
  "regional-support.csv": (text: string) => text + "iri-western-balkans-2026,Kosovo,0,-88,,,gazeta-tema-2024-04-20,\niri-western-balkans-2026,Serbia,100,+97,,,gazeta-tema-2024-04-20,\n"
};

/** The most extreme figures the other surveys' tables accept, for Kosovo and for every other row. */
const extremes = {
  ...nextEdition,
  "protection-threat.csv": (text: string) => text.replace("gallup-eastern-europe-2016,Kosovo,90,3,6,", "gallup-eastern-europe-2016,Kosovo,0,100,0,"),
  "institution-trust.csv": (text: string) => text.replace(",KFOR,67,", ",KFOR,0,").replace(",Kosovo Security Force,69,", ",Kosovo Security Force,100,")
};

describe("the national series stays pure", () => {
  const extreme = datasetsWith(extremes);

  it("the edits took effect: the other surveys' charts and prose do change", () => {
    for (const id of surveyCharts) {
      expect(chartFigure(chartById(id), extreme, {width: 640, document: doc}).outerHTML, id).not.toBe(chartFigure(chartById(id), data, {width: 640, document: doc}).outerHTML);
    }
    expect(regionalSummary(extreme)).not.toBe(regionalSummary(data));
    expect(protectionSummary(extreme)).not.toBe(protectionSummary(data));
    expect(trustSummary(extreme)).not.toBe(trustSummary(data));
  });

  it("the national datasets and the before/after analysis are unchanged", () => {
    for (const key of ["polls", "invasion", "troops", "events", "members"] as const) expect(extreme[key], key).toEqual(data[key]);
    expect(analyseInvasion(extreme.polls)).toEqual(analyseInvasion(data.polls));
  });

  it("the headline cards, findings, statistics, caveat and poll table are unchanged", () => {
    expect(headlines(extreme)).toEqual(headlines(data));
    expect(findings(extreme)).toEqual(findings(data));
    expect(invasionStatistics(extreme)).toEqual(invasionStatistics(data));
    expect(recordCaveat(extreme)).toBe(recordCaveat(data));
    expect(pollTable(extreme, doc).outerHTML).toBe(pollTable(data, doc).outerHTML);
  });

  for (const chart of charts.filter((c) => !surveyCharts.includes(c.id))) {
    it(`${chart.id}: the same drawing, table and words`, () => {
      for (const width of [375, 1280]) {
        expect(chartFigure(chart, extreme, {width, document: doc}).outerHTML).toBe(chartFigure(chart, data, {width, document: doc}).outerHTML);
      }
      expect(tableToCsv(chart.table(extreme))).toBe(tableToCsv(chart.table(data)));
    });
  }
});

describe("Kosovo in the Western Balkans", () => {
  const chart = chartById("western-balkans-nato-support");

  it("marks the 2022 share as derived in the subtitle, the table and the CSV header, and draws it only where a change is stated", () => {
    expect(chart.subtitle(data)).toMatch(/marks 2022, derived as 2024 minus the change the report states, not published/);
    const table = chart.table(data);
    expect(table.columns.find((c) => c.key === "derivedEarlierSupport")?.label).toBe("Support 2022, derived: 2024 minus the stated change (%)");
    expect(tableToCsv(table).split("\n")[0]).toContain('"Support 2022, derived: 2024 minus the stated change (%)"');
    expect(table.rows.map((row) => [row.country, row.derivedEarlierSupport])).toEqual([
      ["Kosovo", 75],
      ["Albania", null],
      ["North Macedonia", 49],
      ["Bosnia and Herzegovina", 51],
      ["Montenegro", 41],
      ["Serbia", 3]
    ]);
    const svg = chartFigure(chart, data, {width: 640, document: doc}).querySelector("svg[role=img]")!;
    expect(svg.querySelectorAll('g[aria-label="tick"] line')).toHaveLength(5);
  });

  it("picks Kosovo out, says which countries are in NATO, and explains the regional and national figures", () => {
    const svg = chartFigure(chart, data, {width: 640, document: doc}).querySelector("svg[role=img]")!;
    const bars = [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((rect) => rect.getAttribute("fill"));
    expect(bars.filter((fill) => fill === "#0072B2")).toHaveLength(1);
    const labels = [...svg.querySelectorAll('g[aria-label="text"] text')].map((text) => text.textContent);
    expect(labels).toContain("Kosovo · not in NATO · +13.0 points since 2022");
    expect(labels).toContain("Albania · NATO member · no change stated");
    expect(labels).toContain("Serbia · not in NATO · unchanged since 2022");
    expect(chart.subtitle(data)).toContain("Kosovo reads 88% here and 94% in IRI's national survey of May 2024: the two ask different questions.");
    expect(chart.title(data)).toBe("In 2024, Kosovo backed NATO membership most strongly of 6 Western Balkan countries");
  });

  it("a new edition of the poll takes over the chart and the page's sentence, with its change and derived share", () => {
    const next = datasetsWith(nextEdition);
    expect(chart.title(next)).toBe("In 2026, Kosovo ranked second of 2 Western Balkan countries in support for NATO membership");
    expect(chart.table(next).rows.map((row) => [row.country, row.support, row.derivedEarlierSupport])).toEqual([
      ["Serbia", 100, 3],
      ["Kosovo", 0, 88]
    ]);
    expect(chart.subtitle(next)).toContain("marks 2024, derived as 2026 minus the change");
    expect(regionalSummary(next)).toMatch(/^In the IRI Western Balkans Poll of January–February 2026, 0% in Kosovo supported NATO membership, the second most of 2 countries/);
  });
});

describe("protection or threat", () => {
  const chart = chartById("nato-protection-or-threat");

  it("shows Kosovo first, the no-answer rest as an outlined, derived segment, and carries the other reading with its source", () => {
    const table = chart.table(data);
    expect(table.rows.map((row) => row.country)).toEqual(["Kosovo", "Albania", "Montenegro", "Serbia", "Russia"]);
    expect(table.rows.map((row) => row.derivedNoAnswer)).toEqual([1, 5, 15, 11, 10]);
    expect(table.columns.find((c) => c.key === "derivedNoAnswer")?.label).toMatch(/derived/);
    const figure = chartFigure(chart, data, {width: 640, document: doc});
    const outlined = [...figure.querySelectorAll('svg[role=img] g[aria-label="bar"] rect')].filter((rect) => rect.getAttribute("stroke") === "currentColor");
    expect(outlined).toHaveLength(5);
    expect(figure.querySelector(".chart-source")?.textContent).toBe("Sources: B92; Sputnik; Voice of America (Serbian service)");
    expect(chart.subtitle(data)).toContain("Voice of America's Serbian service gives 6% threat and 3% undecided");
    expect(chart.subtitle(data)).toContain("about 1,000 people in each country; Russia about 2,000");
  });
});

describe("trust in KFOR", () => {
  it("is one survey's figure with its interval, said to be context and not a trend", () => {
    const chart = chartById("kfor-trust");
    expect(chart.title(data)).toBe("In 2015, 67% in Kosovo trusted KFOR, second only to the Kosovo Security Force");
    expect(chart.subtitle(data)).toMatch(/1,070 households, with 95% intervals\. One survey, shown beside the troop figures as context, not a trend\./);
    expect(chart.table(data).rows.find((row) => row.institution === "KFOR")).toMatchObject({trust: 67, trustCiLow: 64.1, trustCiHigh: 69.8});
  });
});
