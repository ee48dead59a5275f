// `npm run export` end to end: every chart's SVG, PNG and CSV, written to a temporary folder and read back.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {csvParse, csvParseRows} from "d3-dsv";
import {parseHTML} from "linkedom";
import {PNG} from "pngjs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildDatasets} from "../../loaders/datasets.ts";
import {loadTables} from "../../loaders/dataset.ts";
import {exportCharts, type ExportedChart} from "../../scripts/export.ts";
import {PNG_SCALE} from "../../src/components/export-menu.ts";
import {sourceLine, type Cell, type Datasets} from "../../src/components/chart.ts";
import {supportTimeline, answersStacked} from "../../src/components/charts/opinion.ts";
import {troopsTimeline} from "../../src/components/charts/troops.ts";
import {DASHBOARD_NAME, latestDataDate} from "../../src/components/export-svg.ts";
import {charts} from "../../src/components/registry.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BOM = "\uFEFF";

let outDir: string;
let data: Datasets;
let exported: Map<string, ExportedChart>;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), "kosovo-export-"));
  data = buildDatasets(loadTables());
  exported = new Map(exportCharts({outDir, data}).map((chart) => [chart.id, chart]));
});

afterAll(() => rmSync(outDir, {recursive: true, force: true}));

function parseSvg(text: string) {
  const {document} = parseHTML(`<!doctype html><html><body>${text.replace(/^<\?xml[^>]*>/, "")}</body></html>`);
  const root = document.querySelector("svg");
  if (!root) throw new Error("no <svg> root");
  return root;
}

/** The visible text of the composed SVG, lines joined as a reader would read them (wrapping split the title). */
const visibleText = (root: Element) =>
  Array.from(root.querySelectorAll("text"))
    .map((text) => text.textContent)
    .join(" ");

/** How a cell must read after a CSV round trip, written independently of src/components/csv.ts. */
const expectedCell = (value: Cell | undefined) => {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return String(value);
};

describe.each(charts.map((chart) => [chart.id, chart] as const))("%s", (id, chart) => {
  const files = () => exported.get(id)!.files;

  it("writes <chart-id>.svg, .png and .csv", () => {
    expect(files()).toEqual({svg: join(outDir, `${id}.svg`), png: join(outDir, `${id}.png`), csv: join(outDir, `${id}.csv`)});
  });

  it("SVG: well-formed, standalone, with title, subtitle, source line, dashboard name and data date", () => {
    const text = readFileSync(files().svg, "utf8");
    // resvg parses XML strictly: a stray `&` or unclosed tag would throw here.
    expect(() => new Resvg(text)).not.toThrow();
    const root = parseSvg(text);
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("font-family")).toMatch(/^DejaVu Sans,/);
    expect(text).not.toMatch(/currentcolor/i);
    expect(root.querySelector("title")?.textContent).toBe(chart.title(data));
    const visible = visibleText(root);
    expect(visible).toContain(chart.title(data));
    if (chart.subtitle(data)) expect(visible).toContain(chart.subtitle(data));
    expect(visible).toContain(sourceLine(data, chart.sourceIds(data)));
    expect(visible).toContain(DASHBOARD_NAME);
    expect(visible).toContain(latestDataDate(data)!);
    expect(Number(root.getAttribute("width"))).toBe(exported.get(id)!.width);
    expect(Number(root.getAttribute("height"))).toBe(exported.get(id)!.height);
  });

  it("SVG: title on top, then the chart, then the source line and footer", () => {
    const root = parseSvg(readFileSync(files().svg, "utf8"));
    const lines = Array.from(root.children).filter((child) => child.tagName.toLowerCase() === "text");
    const titleY = Number(lines.find((line) => chart.title(data).startsWith(line.textContent ?? "\0"))!.getAttribute("y"));
    const chartY = Number(Array.from(root.children).find((child) => child.tagName.toLowerCase() === "svg")!.getAttribute("y"));
    const footerY = Number(lines.find((line) => line.textContent?.startsWith(DASHBOARD_NAME))!.getAttribute("y"));
    const sourceY = Number(lines.find((line) => line.textContent?.startsWith("Source"))!.getAttribute("y"));
    expect(titleY).toBeLessThan(chartY);
    expect(chartY).toBeLessThan(sourceY);
    expect(sourceY).toBeLessThan(footerY);
  });

  it("PNG: a PNG at twice the SVG's size, with ink in the title area", () => {
    const bytes = readFileSync(files().png);
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const png = PNG.sync.read(bytes);
    const {width, height} = exported.get(id)!;
    expect(png.width).toBe(width * PNG_SCALE);
    expect(png.height).toBe(height * PNG_SCALE);
    // The title's first line sits in the top 14–48 CSS px; its glyphs are dark on the white background.
    const darkPixels = countDarkPixels(png, {x0: 0, x1: png.width / 2, y0: 14 * PNG_SCALE, y1: 48 * PNG_SCALE});
    expect(darkPixels).toBeGreaterThan(500);
    // The background is the light theme's, not transparent.
    expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it("CSV: BOM, column labels as header, and the chart's table rows after a round trip", () => {
    const text = readFileSync(files().csv, "utf8");
    expect(text.startsWith(BOM)).toBe(true);
    const table = chart.table(data);
    const parsed = csvParseRows(text.slice(1));
    expect(parsed[0]).toEqual(table.columns.map((column) => column.label));
    expect(parsed.slice(1)).toEqual(table.rows.map((row) => table.columns.map((column) => expectedCell(row[column.key]))));
  });
});

function countDarkPixels(png: PNG, {x0, x1, y0, y1}: {x0: number; x1: number; y0: number; y1: number}): number {
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] < 100 && png.data[i + 1] < 100 && png.data[i + 2] < 100) dark++;
    }
  }
  return dark;
}

describe("export of data with formula-like and non-ASCII text", () => {
  let dir: string;
  let edited: Datasets;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "kosovo-export-formula-"));
    const base = buildDatasets(loadTables());
    edited = {
      ...base,
      polls: base.polls.map((poll, i) => (i === 0 ? {...poll, pollster: "@SUM(A1)"} : i === 1 ? {...poll, pollster: "Vučić & <Prishtinë>"} : poll)),
      troops: base.troops.map((troop, i) => (i === 0 ? {...troop, note: "=1+1"} : troop))
    };
    exportCharts({outDir: dir, data: edited, charts: [supportTimeline, answersStacked, troopsTimeline]});
  });

  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("neutralises formula-like text cells and keeps numbers as numbers", () => {
    const polls = csvParse(readFileSync(join(dir, `${supportTimeline.id}.csv`), "utf8").slice(1));
    expect(polls[0]["Pollster"]).toBe("'@SUM(A1)");
    expect(polls[0]["Sample size"]).toBe(String(edited.polls[0].sampleSize));
    const troops = csvParse(readFileSync(join(dir, `${troopsTimeline.id}.csv`), "utf8").slice(1));
    expect(troops[0]["Note"]).toBe("'=1+1");
  });

  it("writes Vučić and Prishtinë as UTF-8 after a BOM, in the CSV and as escaped text in the SVG", () => {
    const csv = readFileSync(join(dir, `${answersStacked.id}.csv`));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain("Vučić & <Prishtinë>");
    const svg = readFileSync(join(dir, `${supportTimeline.id}.svg`), "utf8");
    expect(svg).toContain("Vučić &amp; &lt;Prishtinë&gt;");
    expect(svg).not.toContain("<Prishtinë>");
    expect(() => new Resvg(svg)).not.toThrow();
  });
});

describe("latestDataDate", () => {
  it("dates the data by its latest observation at that observation's precision", () => {
    const base = buildDatasets(loadTables());
    const latestIso = [...base.polls.map((p) => p.fieldworkEnd), ...base.troops.filter((t) => t.kind !== "target").map((t) => t.date), ...base.events.map((e) => e.date)].sort().at(-1)!;
    const [year] = latestIso.split("-");
    expect(latestDataDate(base)).toContain(year);
  });

  it("ignores planned troop targets, which may lie in the future", () => {
    const base = buildDatasets(loadTables());
    const withPlan: Datasets = {...base, troops: [...base.troops, {...base.troops[0], date: "2031-01-01", datePrecision: "year", kind: "target"}]};
    expect(latestDataDate(withPlan)).toBe(latestDataDate(base));
    const withLevel: Datasets = {...base, troops: [...base.troops, {...base.troops[0], date: "2031-01-01", datePrecision: "year", kind: "level"}]};
    expect(latestDataDate(withLevel)).toBe("2031");
  });
});
