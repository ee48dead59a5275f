// Every chart in the registry, rendered in Node with linkedom as the export command renders it.
import {parseHTML} from "linkedom";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {chartFigure, renderPlot} from "../../src/components/figure.ts";
import {charts, chartById} from "../../src/components/registry.ts";
import {analyseInvasion, applySettings} from "../../src/lib/invasion.ts";
import {toDate} from "../../src/components/format.ts";
import {readFileSync} from "node:fs";
import {composeChartSvg, darkTheme, lightTheme, resolveCssVariables} from "../../src/components/export-svg.ts";
import {textShades} from "../../src/components/palette.ts";
import {latestCluster, levelScope, MAX_GAP_YEARS, strengthRuns} from "../../src/components/charts/troops.ts";
import {pollRuns, pollTableColumns} from "../../src/components/charts/opinion.ts";
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

  it("like for like on a phone: each poll's label wrapped, pollster above fieldwork and a span of months after its dash, so the left margin holds it", () => {
    const lines = (width: number) => [...markGroup(plot("kosovo-nato-like-for-like-iri", data, width), "y-axis tick label")[0].querySelectorAll("text")].map((text) => [...text.querySelectorAll("tspan")].map((line) => line.textContent));
    expect(lines(296)).toEqual([
      ["IRI,", "September 2021"],
      ["IRI,", "February–", "March 2023"]
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

/** The vertices of each path Plot drew for a line mark ("M x,y L x,y …"). */
const pathVertices = (path: Element) => (path.getAttribute("d")?.match(/[ML][^ML]+/g) ?? []).map((command) => command.slice(1).split(",").map(Number));

describe("troops: a line joins only figures that count the same thing", () => {
  it("the initial deployment and the count with civilians stand apart; the rest is one series", () => {
    const scopes = data.troops.filter((t) => t.force === "KFOR" && t.kind === "level").map((t) => [t.dateLabel, levelScope(t)]);
    expect(scopes.filter(([, scope]) => scope !== "troops in Kosovo")).toEqual([
      ["June 1999 (initial deployment)", "the initial deployment"],
      ["January 2024", "military and civilian personnel"]
    ]);
  });

  it(`breaks the series where figures lie more than ${MAX_GAP_YEARS} years apart: 1999–2003, 2009–2013, 2022–2024`, () => {
    const runs = strengthRuns(data.troops).map((run) => run.map((t) => `${t.date.slice(0, 7)} ${t.troops}`));
    expect(runs).toEqual([
      ["1999-06 20000", "2002-01 39000", "2003-06 26000", "2003-12 17500"],
      ["2009-06 13800", "2010-02 10000", "2010-10 10000", "2013-02 6000"],
      ["2022-03 3770", "2023-11 4500", "2024-01 4500"]
    ]);
  });

  for (const width of [296, 640]) {
    it(`at ${width}px the drawn line is those three runs, each its own path, through their markers`, () => {
      const svg = plot("kfor-troop-strength-1999-today", data, width);
      const paths = markGroup(svg, "line").flatMap((group) => [...group.querySelectorAll("path")]);
      expect(paths.map((path) => pathVertices(path).length)).toEqual([4, 4, 3]);
      const y = svg.scale("y");
      // No segment reaches the about-50,000 or the about-4,811 marker.
      for (const path of paths) for (const [, py] of pathVertices(path)) for (const troops of [50000, 4811]) expect(Math.abs(py - y.apply(troops))).toBeGreaterThan(0.5);
    });

    it(`at ${width}px each of the latest figures has its own label beside the frame, none over another`, () => {
      const svg = plot("kfor-troop-strength-1999-today", data, width);
      const texts = markGroup(svg, "text").flatMap((group) => [...group.querySelectorAll("text")]);
      const list = texts.filter((text) => /translate\(([\d.]+),/.exec(text.getAttribute("transform") ?? "")?.[1] === String(width - 66));
      const words = list.map((text) => [...text.querySelectorAll("tspan")].map((line) => line.textContent).join(" ") || text.textContent);
      expect(words.sort()).toEqual(["4,500", "about +1,000", "about 4,811", "more than 4,500"]);
      expect(latestCluster(data.troops)).toHaveLength(4);
      // Entries at least one line apart (12px a line): two-line entries take 24px.
      const ys = list.map((text) => Number(/translate\([\d.]+,([\d.]+)\)/.exec(text.getAttribute("transform")!)![1])).sort((a, b) => a - b);
      const heights = list.map((text) => Math.max(1, text.querySelectorAll("tspan").length) * 12);
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(Math.min(...heights));
    });
  }
});

describe("lead: a line joins only one pollster's polls, at most two years apart", () => {
  it("IRI's three polls make one run; KCSS's poll stands alone", () => {
    expect(pollRuns(data.polls).map((run) => run.map((p) => p.id))).toEqual([["kcss-2014-10"], ["iri-2021-09", "iri-2023-02", "iri-2024-05"]]);
  });

  it("draws one path, through IRI's three polls", () => {
    const paths = markGroup(plot("kosovo-nato-lead-over-time"), "line").flatMap((group) => [...group.querySelectorAll("path")]);
    expect(paths.map((path) => pathVertices(path).length)).toEqual([3]);
  });

  it("a poll seven years from the next of its pollster is not joined to it", () => {
    const polls = data.polls.map((p) => (p.id === "kcss-2014-10" ? {...p, pollster: "IRI"} : p));
    expect(pollRuns(polls).map((run) => run.length)).toEqual([1, 3]);
  });
});

describe("legible labels", () => {
  it("support over time: each poll's label sits above the top of its interval, not on its rule", () => {
    const svg = plot("kosovo-nato-support-over-time", data, 296);
    const y = svg.scale("y");
    const labels = markGroup(svg, "text").flatMap((group) => [...group.querySelectorAll("text")]);
    expect(labels).toHaveLength(data.polls.length);
    labels.forEach((label, i) => {
      const [, ly] = (label.getAttribute("transform")?.match(/translate\(([-\d.]+),([-\d.]+)\)/) ?? []).slice(1).map(Number);
      expect(ly).toBeCloseTo(y.apply(data.polls[i].supportCi[1]), 1);
      expect(label.closest("g")?.getAttribute("transform")).toMatch(/translate\(0,-4\)/);
    });
  });

  it("answers per poll: on a phone each poll's name takes two lines, pollster above fieldwork, and a span of months three", () => {
    const lines = [...markGroup(plot("kosovo-nato-answers-per-poll", data, 296), "y-axis tick label")[0].querySelectorAll("text")].map((text) => [...text.querySelectorAll("tspan")].map((line) => line.textContent));
    expect(lines[1]).toEqual(["IRI,", "September 2021"]);
    expect(lines[2]).toEqual(["IRI,", "February–", "March 2023"]);
  });

  it("members: the first and last year ticks lie far enough inside the drawing to show whole", () => {
    for (const width of [296, 640]) {
      const svg = plot("nato-members-recognition-of-kosovo", data, width);
      const ticks = [...markGroup(svg, "x-axis tick label")[0].querySelectorAll("text")].map((text) => Number(/translate\(([-\d.]+)/.exec(text.getAttribute("transform")!)![1]));
      // "1940" is about 26px wide at 10px: its centre at least 13px in from either edge.
      expect(Math.min(...ticks)).toBeGreaterThanOrEqual(13);
      expect(Math.max(...ticks)).toBeLessThanOrEqual(width - 13);
    }
  });
});

describe("one way of writing each thing", () => {
  it("the poll table says 95% interval, never CI", () => {
    expect(pollTableColumns.map((c) => c.label).filter((label) => /\bCI\b/.test(label))).toEqual([]);
    expect(pollTableColumns.map((c) => c.label)).toContain("Support, 95% interval, low (%)");
  });
});

describe("text in a palette hue: a darker shade on light, a lighter one on dark", () => {
  it("chart-text.css defines each shade as palette.ts's textShades says, for both schemes", () => {
    const css = readFileSync(new URL("../../src/components/chart-text.css", import.meta.url), "utf8");
    const dark = css.slice(css.lastIndexOf("@media (prefers-color-scheme: dark)"));
    const light = css.slice(0, css.lastIndexOf("@media (prefers-color-scheme: dark)"));
    for (const shade of Object.values(textShades)) {
      expect(light).toContain(`${shade.variable}: ${shade.light};`);
      expect(dark).toContain(`${shade.variable}: ${shade.dark};`);
    }
  });

  it("the export resolves the variables to the theme's shade, so a standalone file needs no stylesheet", () => {
    expect(resolveCssVariables("var(--text-troops, #007A58)", lightTheme)).toBe("#007A58");
    expect(resolveCssVariables("var(--text-troops, #007A58)", darkTheme)).toBe("#2EC495");
    expect(resolveCssVariables("var(--unknown, red)", darkTheme)).toBe("red");
    for (const id of ["kfor-troop-strength-1999-today", "nato-members-recognition-of-kosovo"]) {
      for (const theme of [lightTheme, darkTheme]) {
        const {svg} = composeChartSvg(chartById(id), data, {width: 640, document: doc, theme});
        expect(svg).not.toMatch(/var\(--text/);
        const shades = Object.values(textShades).map((shade) => shade[theme.name]);
        expect(shades.some((shade) => svg.includes(shade))).toBe(true);
      }
    }
  });
});

describe("label placement without text measurement", () => {
  it("puts a label on the first free side of its marker, and leaves out one with no free side", async () => {
    const {placeLabels} = await import("../../src/components/charts/label-layout.ts");
    const bounds = {left: 0, right: 300, top: 0, bottom: 200};
    const free = placeLabels([{item: "a", text: "26,000", x: 100, y: 100}], {boxes: [], segments: [], bounds});
    expect(free.map((label) => label.side.side)).toEqual(["right"]);
    // A marker to the right: the label goes under its own marker.
    const blocked = placeLabels([{item: "a", text: "26,000", x: 100, y: 100}], {boxes: [{left: 120, right: 130, top: 95, bottom: 105}], segments: [], bounds});
    expect(blocked.map((label) => label.side.side)).toEqual(["below"]);
    // A line through every side, and the drawing's edge: no label.
    const crossed = placeLabels([{item: "a", text: "26,000", x: 10, y: 100}], {boxes: [], segments: [[0, 80, 300, 80], [0, 114, 300, 114], [0, 100, 300, 100]], bounds});
    expect(crossed).toEqual([]);
  });
});
