// The SVG composition on its own: wrapping, XML escaping, themes, and Plot's legends redrawn as SVG.
import {Resvg} from "@resvg/resvg-js";
import {parseHTML} from "linkedom";
import {beforeAll, describe, expect, it} from "vitest";
import {buildDatasets} from "../../loaders/datasets.ts";
import {loadTables} from "../../loaders/dataset.ts";
import type {ChartSpec, Datasets} from "../../src/components/chart.ts";
import {answersStacked, supportTimeline} from "../../src/components/charts/opinion.ts";
import {composeChartSvg, darkTheme, EXPORT_FONT_FAMILY, lightTheme, serializeXml, wrapText} from "../../src/components/export-svg.ts";

let data: Datasets;
beforeAll(() => {
  data = buildDatasets(loadTables());
});

const newDocument = () => parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;

describe("wrapText", () => {
  it("breaks at spaces so that no line exceeds the estimated width, and loses no word", () => {
    const text = "Support in each poll with its 95% interval; dashed lines are each period's mean weighted by sample size";
    const lines = wrapText(text, 300, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(line.length * 13 * 0.58).toBeLessThanOrEqual(300);
  });

  it("gives a word longer than a line a line of its own rather than dropping it", () => {
    expect(wrapText("a Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch b", 100, 12)).toEqual(["a", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch", "b"]);
  });

  it("returns no lines for empty text", () => {
    expect(wrapText("  ", 300, 12)).toEqual([]);
  });
});

describe("serializeXml", () => {
  it("escapes markup in text and attributes and drops characters XML cannot hold", () => {
    const document = newDocument();
    const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
    text.setAttribute("aria-label", 'a "quoted" <b> & c');
    text.textContent = "<script>alert(1)</script> & \u0007bell";
    expect(serializeXml(text)).toBe('<text aria-label="a &quot;quoted&quot; &lt;b&gt; &amp; c">&lt;script&gt;alert(1)&lt;/script&gt; &amp; bell</text>');
  });
});

describe("composeChartSvg", () => {
  const hostile: ChartSpec = {...supportTimeline, title: () => 'Vučić & "Prishtinë" <img src=x onerror=alert(1)>'};

  it("keeps text from data as text: the file stays well-formed and carries no element from it", () => {
    const {svg} = composeChartSvg(hostile, data, {width: 640, document: newDocument()});
    expect(() => new Resvg(svg)).not.toThrow();
    expect(svg).not.toContain("<img");
    expect(svg).toContain("Vučić &amp; \"Prishtinë\" &lt;img src=x onerror=alert(1)&gt;");
  });

  it("names the bundled font first and uses explicit colours of the chosen theme", () => {
    for (const theme of [lightTheme, darkTheme]) {
      const {svg} = composeChartSvg(supportTimeline, data, {width: 640, document: newDocument(), theme});
      expect(svg).toMatch(new RegExp(`<svg[^>]* font-family="${EXPORT_FONT_FAMILY},`));
      expect(svg).not.toMatch(/currentcolor/i);
      expect(svg).toContain(`fill="${theme.background}"`);
      expect(svg).toContain(`fill="${theme.foreground}"`);
    }
  });

  it("redraws an HTML swatch legend as SVG swatches with their labels", () => {
    const {svg} = composeChartSvg(answersStacked, data, {width: 640, document: newDocument()});
    const {document} = parseHTML(`<!doctype html><html><body>${svg.replace(/^<\?xml[^>]*>/, "")}</body></html>`);
    const legend = document.querySelector('g[aria-label="legend"]')!;
    expect(Array.from(legend.querySelectorAll("text")).map((text) => text.textContent)).toEqual(["Support", "Opposed", "Neutral or don't know"]);
    expect(legend.querySelectorAll("svg")).toHaveLength(3);
    expect(document.querySelector("div, span, figure")).toBeNull();
  });

  it("is as wide as the chart plus its padding, in the wide and the narrow layout", () => {
    const wide = composeChartSvg(supportTimeline, data, {width: 900, document: newDocument()});
    const narrow = composeChartSvg(supportTimeline, data, {width: 320, document: newDocument()});
    expect(wide.width).toBe(900 + 2 * 22);
    expect(narrow.width).toBe(320 + 2 * 14);
  });
});
