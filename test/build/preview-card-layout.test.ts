// The preview cards' layout (scripts/preview-cards.ts), measured as resvg draws them: the title wraps to the card's
// width at a large size, nothing is clipped at the card's edges, the title and the chart do not overlap, and every
// chart's card is a 1200×630 PNG. No build and no browser.
import {Resvg} from "@resvg/resvg-js";
import {PNG} from "pngjs";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {exportDocument, resvgOptions, svgToPng} from "../../scripts/export.ts";
import {CARD_HEIGHT, CARD_WIDTH, cardAlt, cardSvg, layoutCard, layoutCardTitle, MAX_ALT_LENGTH, measureTextWidth, renderPreviewCard} from "../../scripts/preview-cards.ts";
import type {ChartSpec, Datasets} from "../../src/components/chart.ts";
import {supportTimeline} from "../../src/components/charts/opinion.ts";
import {EXPORT_FONT_FAMILY} from "../../src/components/export-svg.ts";
import {charts} from "../../src/components/registry.ts";

const data: Datasets = JSON.parse(JSON.stringify(buildDatasets(loadTables())));
const document = exportDocument();
/** The card's text column: its width less a 56px margin each side. */
const TEXT_WIDTH = CARD_WIDTH - 2 * 56;

const longTitle =
  "Support for joining NATO among people in Kosovo, poll by poll, from the first survey to the latest, with every interval shown and every pollster named, compared before and after Russia's invasion of Ukraine in February 2022";
const endlessTitle = Array.from({length: 12}, () => longTitle).join(" and ");
const withTitle = (title: string): ChartSpec => ({...supportTimeline, title: () => title});

function decode(png: Buffer): PNG {
  return PNG.sync.read(png);
}

/** The pixels of a PNG that are not the card's white background, within a box. */
function inkIn(png: PNG, box: {x0: number; y0: number; x1: number; y1: number}): number {
  let ink = 0;
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(png.height, Math.ceil(box.y1)); y++) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(png.width, Math.ceil(box.x1)); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] < 250 || png.data[i + 1] < 250 || png.data[i + 2] < 250) ink++;
    }
  }
  return ink;
}

/** The ink box of some SVG markup drawn on the card (without its background), as resvg measures it. */
function inkBox(content: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" font-family="${EXPORT_FONT_FAMILY}, sans-serif">${content}</svg>`;
  const box = new Resvg(svg, resvgOptions()).getBBox();
  if (!box) throw new Error("nothing drawn");
  return {x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height};
}

describe("measureTextWidth", () => {
  it("measures what resvg draws: wider for wider letters, in proportion to the size", () => {
    expect(measureTextWidth("MMMMMMMMMM", 40, 700)).toBeGreaterThan(2.5 * measureTextWidth("iiiiiiiiii", 40, 700));
    const at20 = measureTextWidth("Support for joining NATO", 20, 700);
    expect(measureTextWidth("Support for joining NATO", 40, 700) / at20).toBeCloseTo(2, 1);
    expect(measureTextWidth("Support for joining NATO", 40, 700)).toBeGreaterThan(measureTextWidth("Support for joining NATO", 40, 400));
  });
});

describe("the card's title", () => {
  it("a short title is set at the largest size, on one line", () => {
    const title = layoutCardTitle("Support for joining NATO in Kosovo");
    expect(title.fontSize).toBe(48);
    expect(title.lines).toEqual(["Support for joining NATO in Kosovo"]);
  });

  it("a long title wraps into lines that each fit the card's width, words in order and none lost", () => {
    const title = layoutCardTitle(longTitle);
    expect(title.lines.length).toBeGreaterThan(2);
    expect(title.fontSize).toBe(32);
    expect(title.lines.join(" ")).toBe(longTitle);
    for (const line of title.lines) expect(measureTextWidth(line, title.fontSize, 700), line).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it("a title that would crowd out the chart stops at four lines, the last ending in an ellipsis", () => {
    const title = layoutCardTitle(endlessTitle);
    expect(title.lines).toHaveLength(4);
    expect(title.lines[3]).toMatch(/ …$/);
    expect(endlessTitle.startsWith(title.lines.join(" ").replace(/ …$/, ""))).toBe(true);
    for (const line of title.lines) expect(measureTextWidth(line, title.fontSize, 700), line).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it("is set as text: markup in a title stays text", () => {
    const layout = layoutCard(withTitle(`<b>bold</b> & "quoted"`), data, document);
    expect(layout.parts.title).toContain("&lt;b&gt;bold&lt;/b&gt; &amp;");
    expect(layout.parts.title).not.toContain("<b>");
  });
});

describe.each([
  ...charts.map((chart) => [chart.id, chart] as const),
  ["a chart with a long title", withTitle(longTitle)] as const,
  ["a chart with an endless title", withTitle(endlessTitle)] as const
])("the card of %s", (_, spec) => {
  const layout = layoutCard(spec, data, document);
  const png = decode(svgToPng(layout.svg, 1));

  it("is a 1200×630 PNG", () => {
    expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });

  it("keeps everything clear of the card's edges: nothing is cut off", () => {
    const band = 20;
    for (const edge of [
      {x0: 0, y0: 0, x1: CARD_WIDTH, y1: band},
      {x0: 0, y0: CARD_HEIGHT - band, x1: CARD_WIDTH, y1: CARD_HEIGHT},
      {x0: 0, y0: 0, x1: band, y1: CARD_HEIGHT},
      {x0: CARD_WIDTH - band, y0: 0, x1: CARD_WIDTH, y1: CARD_HEIGHT}
    ]) {
      expect(inkIn(png, edge), JSON.stringify(edge)).toBe(0);
    }
  });

  it("draws the title large, within the text column, and the chart nowhere under the title's ink", () => {
    expect(layout.title.fontSize).toBeGreaterThanOrEqual(32);
    const title = inkBox(layout.parts.title);
    expect(title.x0).toBeGreaterThanOrEqual(56 - 4);
    expect(title.x1).toBeLessThanOrEqual(CARD_WIDTH - 56);
    // The chart alone, drawn on the card: none of its marks or labels where the title's letters are.
    const chartOnly = decode(svgToPng(cardSvg("chart", layout.parts.chart), 1));
    expect(inkIn(chartOnly, title)).toBe(0);
    // And the chart is there, below the title, at a readable size.
    expect(inkIn(chartOnly, {x0: 0, y0: title.y1, x1: CARD_WIDTH, y1: CARD_HEIGHT})).toBeGreaterThan(2000);
    expect(layout.chart.scale).toBeGreaterThan(0.5);
  });
});

describe("the cards as the build writes them", () => {
  it("are the same bytes every time (the build is reproducible)", () => {
    expect(renderPreviewCard(charts[0], data).equals(renderPreviewCard(charts[0], data))).toBe(true);
  });

  it("have alternative text: the chart's title and its description, within what X reads", () => {
    for (const chart of charts) {
      const alt = cardAlt(chart, data);
      expect(alt.startsWith(`Chart: ${chart.title(data)}.`), chart.id).toBe(true);
      expect(alt.length, chart.id).toBeLessThanOrEqual(MAX_ALT_LENGTH);
    }
    expect(cardAlt(supportTimeline, data)).toBe(`Chart: ${supportTimeline.title(data)}. ${supportTimeline.description(data)}`);
  });
});
