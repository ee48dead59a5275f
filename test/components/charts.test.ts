// Every chart in the registry, rendered in Node with linkedom as the export command renders it.
import {parseHTML} from "linkedom";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {chartFigure, renderPlot} from "../../src/components/figure.ts";
import {charts, chartById} from "../../src/components/registry.ts";
import {analyseInvasion, applySettings} from "../../src/lib/invasion.ts";
import {toDate} from "../../src/components/format.ts";
import type {Datasets} from "../../src/lib/contracts.ts";

const {document} = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;
const data = buildDatasets(loadTables());

type PlotSvg = SVGSVGElement & {scale(name: string): {apply(value: unknown): number}};
const plot = (id: string, datasets: Datasets = data, width = 960) => renderPlot(chartById(id), datasets, {width, document: doc}) as PlotSvg;
/** The marks Plot drew for one mark type: it labels each mark's group with aria-label. */
const markGroup = (svg: Element, label: string) => [...svg.querySelectorAll(`g[aria-label="${label}"]`)];

describe("every registered chart", () => {
  it("has a unique id", () => {
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    expect(charts.length).toBeGreaterThanOrEqual(8);
  });

  for (const chart of charts) {
    for (const width of [375, 1280]) {
      it(`${chart.id} at ${width}px: title, source, accessible SVG, no NaN`, () => {
        const figure = chartFigure(chart, data, {width, document: doc});
        expect(figure.querySelector(".chart-title")?.textContent?.length).toBeGreaterThan(5);
        expect(figure.querySelector(".chart-source")?.textContent).toMatch(/^Sources?: \S/);
        const svg = figure.querySelector("svg[role=img]");
        expect(svg?.getAttribute("aria-label")).toBe(chart.title(data));
        expect(svg?.getAttribute("aria-description")?.length).toBeGreaterThan(20);
        expect(Number(svg?.getAttribute("width"))).toBeLessThanOrEqual(width);
        for (const element of figure.querySelectorAll("*")) {
          for (const attribute of element.attributes) expect(`${element.tagName} ${attribute.name}=${attribute.value}`).not.toMatch(/NaN|undefined|Infinity/);
        }
        const table = chart.table(data);
        expect(figure.querySelectorAll(".chart-table tbody tr")).toHaveLength(table.rows.length);
      });
    }
  }
});

describe("support before and after the invasion", () => {
  const svg = plot("kosovo-nato-support-before-after-invasion");

  it("draws the invasion rule at 24 February 2022", () => {
    const x = svg.scale("x").apply(toDate("2022-02-24"));
    const rules = markGroup(svg, "rule").flatMap((g) => [...g.querySelectorAll("line")]);
    const invasionRule = rules.filter((line) => Math.abs(Number(line.getAttribute("x1")) - x) < 0.5 && line.getAttribute("y1") !== line.getAttribute("y2"));
    expect(invasionRule.length).toBeGreaterThanOrEqual(1);
  });

  it("draws one dot and one interval per poll, and an interval spans the Wilson bounds", () => {
    expect(markGroup(svg, "dot")[0].querySelectorAll("circle")).toHaveLength(data.polls.length);
    const y = svg.scale("y");
    const intervals = markGroup(svg, "rule").flatMap((g) => [...g.querySelectorAll("line")]).filter((line) => line.getAttribute("y1") !== null && Math.abs(Number(line.getAttribute("y2")) - y.apply(data.polls[1].supportCi[1])) < 0.5);
    expect(intervals).toHaveLength(1);
    expect(Number(intervals[0].getAttribute("y1"))).toBeCloseTo(y.apply(data.polls[1].supportCi[0]), 1);
  });

  it("shades the two periods and follows a different cutoff", () => {
    expect(markGroup(svg, "rect")[0].querySelectorAll("rect")).toHaveLength(2);
    const settings = {cutoff: "2015-01-01", deff: 1, intervalMethod: "wilson" as const};
    const moved = plot("kosovo-nato-support-before-after-invasion", {...data, polls: applySettings(data.polls, settings), invasion: analyseInvasion(data.polls, settings)});
    const x = moved.scale("x").apply(toDate("2015-01-01"));
    const boundary = markGroup(moved, "rect")[0].querySelectorAll("rect")[1];
    expect(Number(boundary.getAttribute("x"))).toBeCloseTo(x, 0);
    // One poll before this cutoff: no trend line for that period, and no NaN in any path.
    expect(moved.outerHTML).not.toMatch(/NaN/);
  });
});

describe("the other charts draw what their data holds", () => {
  it("answers: three bars per poll", () => {
    expect(markGroup(plot("kosovo-nato-answers-per-poll"), "bar")[0].querySelectorAll("rect")).toHaveLength(3 * data.polls.length);
  });

  it("like for like: two polls with intervals", () => {
    const svg = plot("kosovo-nato-like-for-like-iri");
    expect(markGroup(svg, "dot")[0].querySelectorAll("circle")).toHaveLength(2);
    expect(markGroup(svg, "rule")[0].querySelectorAll("line")).toHaveLength(2);
  });

  it("troops: no label set to the right of its marker runs into another marker", () => {
    const at = (element: Element) => (element.getAttribute("transform")?.match(/translate\(([-\d.]+),([-\d.]+)\)/) ?? []).slice(1).map(Number);
    for (const width of [375, 1280]) {
      const svg = plot("kfor-troop-strength-1999-today", data, width);
      const markers = markGroup(svg, "dot").flatMap((group) => [...group.children].map(at));
      const rightLabels = markGroup(svg, "text").filter((group) => group.getAttribute("text-anchor") === "start");
      expect(rightLabels.length).toBeGreaterThan(0);
      for (const group of rightLabels) {
        const [dx] = at(group);
        for (const label of group.querySelectorAll("text")) {
          const [x, y] = at(label);
          // The label's box at 10px: about 6px a character, 12px high; a marker's radius is 5 or 6px.
          const [left, right] = [x + dx, x + dx + 6 * (label.textContent ?? "").length];
          const hit = markers.find(([mx, my]) => mx + 6 > left && mx - 6 < right && Math.abs(my - y) < 12);
          expect(hit, `${width}px: "${label.textContent}" runs into the marker at ${hit}`).toBeUndefined();
        }
      }
    }
  });

  it("like for like on a phone: each poll's label on two lines, pollster above fieldwork, so the left margin holds it", () => {
    const lines = (width: number) => [...markGroup(plot("kosovo-nato-like-for-like-iri", data, width), "y-axis tick label")[0].querySelectorAll("text")].map((text) => [...text.querySelectorAll("tspan")].map((line) => line.textContent));
    expect(lines(296)).toEqual([
      ["IRI,", "September 2021"],
      ["IRI,", "February–March 2023"]
    ]);
    expect(lines(640).every((tspans) => tspans.length === 0)).toBe(true);
  });

  it("troops: one marker per KFOR level, approximate figures hollow, targets and reinforcements apart", () => {
    const svg = plot("kfor-troop-strength-1999-today");
    const kfor = data.troops.filter((t) => t.force === "KFOR");
    const levels = kfor.filter((t) => t.kind === "level");
    const dots = markGroup(svg, "dot");
    const levelMarks = dots[dots.length - 1].querySelectorAll("path");
    expect(levelMarks).toHaveLength(levels.length);
    const hollow = [...levelMarks].filter((mark) => mark.getAttribute("fill") === "none");
    expect(hollow).toHaveLength(levels.filter((t) => t.qualifier !== "exact").length);
    expect(dots[0].querySelectorAll("path")).toHaveLength(kfor.filter((t) => t.kind === "target").length);
  });

  it("members: 32 dots, the four non-recognisers as squares", () => {
    const svg = plot("nato-members-recognition-of-kosovo");
    const marks = [...markGroup(svg, "dot")[0].querySelectorAll("path")];
    expect(marks).toHaveLength(32);
    const fills = marks.map((m) => m.getAttribute("fill"));
    expect(fills.filter((f) => f === "#D55E00")).toHaveLength(4);
  });
});

describe("text from data is text", () => {
  it("a pollster named like markup appears literally in the figure, never as an element", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const polls = data.polls.map((p, i) => (i === 0 ? {...p, pollster: hostile} : p));
    const figure = chartFigure(chartById("kosovo-nato-support-over-time"), {...data, polls}, {width: 960, document: doc});
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.textContent).toContain(hostile);
  });
});
