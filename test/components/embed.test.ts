// The embed contract without a browser: which messages a frame's height follows, which addresses are embeds, the
// snippet's text, and which page each embed links back to.
import {describe, expect, it} from "vitest";
import {embedSnippet} from "../../src/components/embed-dialog.ts";
import {EMBED_HEIGHT_BOUNDS, EMBED_HEIGHT_MESSAGE, acceptedHeight, embeddedChartId} from "../../src/components/embed-message.ts";
import {charts} from "../../src/components/registry.ts";
import {chartLinkFromEmbed, chartsByPage, pageOfChart} from "../../src/embed/chart-pages.ts";

const chart = "kosovo-nato-support-over-time";
const valid = {type: EMBED_HEIGHT_MESSAGE, chart, height: 512.4};

describe("acceptedHeight", () => {
  it("takes exactly a height message for the frame's chart, rounded up", () => {
    expect(acceptedHeight(valid, chart)).toBe(513);
    expect(acceptedHeight({...valid, height: EMBED_HEIGHT_BOUNDS.min}, chart)).toBe(EMBED_HEIGHT_BOUNDS.min);
    expect(acceptedHeight({...valid, height: EMBED_HEIGHT_BOUNDS.max}, chart)).toBe(EMBED_HEIGHT_BOUNDS.max);
  });

  it.each([
    ["an extra key", {...valid, extra: 1}],
    ["a missing key", {type: valid.type, chart}],
    ["a string height", {...valid, height: "512"}],
    ["NaN", {...valid, height: Number.NaN}],
    ["Infinity", {...valid, height: Number.POSITIVE_INFINITY}],
    ["a negative height", {...valid, height: -10}],
    ["a height under the floor", {...valid, height: EMBED_HEIGHT_BOUNDS.min - 1}],
    ["a huge height", {...valid, height: EMBED_HEIGHT_BOUNDS.max + 1}],
    ["another chart", {...valid, chart: "kosovo-nato-lead-over-time"}],
    ["another type", {...valid, type: "kosovo-nato-embed:resize"}],
    ["an array", [valid.type, chart, 512]],
    ["a string", JSON.stringify(valid)],
    ["null", null],
    ["an object with another prototype", Object.assign(Object.create({inherited: true}), valid)]
  ])("ignores %s", (_, data) => {
    expect(acceptedHeight(data, chart)).toBeNull();
  });
});

describe("embeddedChartId", () => {
  const root = new URL("https://example.org/kosovo-nato/embed/");
  it("reads the chart id of an embed address on the dashboard's origin", () => {
    expect(embeddedChartId(`https://example.org/kosovo-nato/embed/${chart}`, root)).toBe(chart);
    expect(embeddedChartId(`https://example.org/kosovo-nato/embed/${chart}?theme=dark`, root)).toBe(chart);
  });
  it.each([
    ["another origin", `https://example.com/kosovo-nato/embed/${chart}`],
    ["another path", `https://example.org/kosovo-nato/opinion`],
    ["a deeper path", `https://example.org/kosovo-nato/embed/a/b`],
    ["no id", `https://example.org/kosovo-nato/embed/`],
    ["not an address", "http://["]
  ])("is null for %s", (_, src) => {
    expect(embeddedChartId(src, root)).toBeNull();
  });
});

describe("embedSnippet", () => {
  it("is a frame with the chart's title as an attribute, escaped, and the optional script", () => {
    const snippet = embedSnippet({src: "https://example.org/embed/x", title: 'A "quoted" <title> & more', height: 487.2, scriptSrc: "https://example.org/embed.js"});
    expect(snippet).toBe(
      '<iframe src="https://example.org/embed/x" title="A &quot;quoted&quot; &lt;title&gt; &amp; more" width="100%" height="488" loading="lazy" style="border:0"></iframe>\n<script src="https://example.org/embed.js" async></script>'
    );
  });
});

describe("the page each embed links back to", () => {
  it("is a page with the chart's placeholder, for every chart of the registry", () => {
    const pages = chartsByPage();
    for (const {id} of charts) {
      const page = pageOfChart(id, pages);
      expect(pages.get(page)).toContain(id);
      expect(chartLinkFromEmbed(id, pages)).toBe(`..${page}#${id}`);
    }
  });
  it("prefers a chart's own page to the overview", () => {
    expect(pageOfChart("kosovo-nato-support-before-after-invasion")).toBe("/invasion");
  });
  it("fails for a chart no page shows", () => {
    expect(() => pageOfChart("no-such-chart")).toThrow(/no page has a placeholder/);
  });
});
