// A page's preview tags (scripts/preview-cards.ts) on small pages: what they say for a page, an embed and a page
// without a chart; text from pages and data written as attribute text; the addresses only with the site's address.
import {parseHTML} from "linkedom";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {addPreviewTags, mainChartId, pagePath, pagePreview, previewTags} from "../../scripts/preview-cards.ts";
import type {Datasets} from "../../src/components/chart.ts";
import {chartById} from "../../src/components/registry.ts";

const data: Datasets = JSON.parse(JSON.stringify(buildDatasets(loadTables())));
const SITE = "https://example.org/kosovo-nato/";
const page = (head: string, body = "") => `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n${head}\n</head>\n<body>${body}</body>\n</html>\n`;
const slot = (id: string) => `<div class="chart-slot" data-chart="${id}"><figure></figure></div>`;

function tagsOf(html: string): Record<string, string> {
  const {document} = parseHTML(html);
  const tags: Record<string, string> = {};
  for (const meta of Array.from(document.querySelectorAll("meta"))) tags[meta.getAttribute("property") ?? meta.getAttribute("name") ?? ""] = meta.getAttribute("content") ?? "";
  const canonical = document.querySelector('link[rel="canonical"]');
  if (canonical) tags.canonical = canonical.getAttribute("href") ?? "";
  return tags;
}

describe("a page's preview", () => {
  it("takes the page's title and description, and the card of its first chart", () => {
    const html = page(`<title>KFOR troops | Kosovo and NATO</title>\n<meta name="description" content="Troops.">`, slot("kfor-troop-strength-1999-today") + slot("kosovo-nato-support-on-kfor-timeline"));
    const preview = pagePreview(html, "troops", data, "kosovo-nato-support-before-after-invasion");
    expect(preview).toMatchObject({path: "troops", title: "KFOR troops | Kosovo and NATO", description: "Troops.", addDescription: false, chartId: "kfor-troop-strength-1999-today"});
    const tags = tagsOf(addPreviewTags(html, previewTags(preview, SITE)));
    expect(tags.canonical).toBe(`${SITE}troops`);
    expect(tags["og:url"]).toBe(`${SITE}troops`);
    expect(tags["og:image"]).toBe(`${SITE}charts/kfor-troop-strength-1999-today-card.png`);
    expect(tags["twitter:image"]).toBe(tags["og:image"]);
    expect(tags["og:title"]).toBe("KFOR troops | Kosovo and NATO");
    expect(tags.description).toBe("Troops.");
  });

  it("describes an embed, which has no description of its own, by its chart's subtitle, and adds the description", () => {
    const id = "nato-members-recognition-of-kosovo";
    const html = page(`<title>${chartById(id).title(data)}</title>`, slot(id));
    const preview = pagePreview(html, `embed/${id}`, data, "kosovo-nato-support-before-after-invasion");
    expect(preview.description).toBe(chartById(id).subtitle(data));
    expect(preview.addDescription).toBe(true);
    const tagged = addPreviewTags(html, previewTags(preview, SITE));
    expect(tagged.match(/<meta name="description"/g)).toHaveLength(1);
    expect(tagsOf(tagged)["og:url"]).toBe(`${SITE}embed/${id}`);
  });

  it("shows the overview's chart for a page without one, and the overview at the site's own address", () => {
    const html = page(`<title>Data and methods | Kosovo and NATO</title>\n<meta name="description" content="Methods.">`);
    expect(mainChartId(html)).toBeNull();
    expect(pagePreview(html, "methods", data, "kosovo-nato-support-before-after-invasion").chartId).toBe("kosovo-nato-support-before-after-invasion");
    const overview = pagePreview(page(`<title>Overview</title><meta name="description" content="Home.">`), "", data, "kosovo-nato-like-for-like-iri");
    expect(tagsOf(previewTags(overview, SITE)).canonical).toBe(SITE);
  });

  it("writes text from pages and data as attribute text: quotes and markup stay text", () => {
    const html = page(`<title>"Quoted" &lt;b&gt; &amp; co</title>\n<meta name="description" content="a &quot;b&quot; &lt;i&gt;">`);
    const tags = previewTags(pagePreview(html, "x", data, "kosovo-nato-support-over-time"), SITE);
    expect(tags).toContain(`<meta property="og:title" content="&quot;Quoted&quot; &lt;b&gt; &amp; co">`);
    expect(tags).toContain(`<meta property="og:description" content="a &quot;b&quot; &lt;i&gt;">`);
    expect(tagsOf(page(tags))["og:title"]).toBe(`"Quoted" <b> & co`);
  });

  it("without the site's address, has no tag that needs one", () => {
    const html = page(`<title>Public opinion</title>\n<meta name="description" content="Polls.">`, slot("kosovo-nato-support-over-time"));
    const tags = tagsOf(previewTags(pagePreview(html, "opinion", data, "kosovo-nato-support-over-time"), null));
    expect(Object.keys(tags).sort()).toEqual(["og:description", "og:site_name", "og:title", "og:type", "twitter:card", "twitter:description", "twitter:title"]);
  });

  it("refuses a page with no title, or no single head to put the tags in", () => {
    expect(() => pagePreview(page(""), "x", data, "kosovo-nato-support-over-time")).toThrow(/x: a page without a <title>/);
    expect(() => addPreviewTags("<p>no head</p>", "<meta>", "x")).toThrow(/x: expected one <\/head>/);
  });

  it("knows each built page's path in the site", () => {
    expect(pagePath("/site", "/site/index.html")).toBe("");
    expect(pagePath("/site", "/site/opinion.html")).toBe("opinion");
    expect(pagePath("/site", "/site/embed/kfor-troop-strength-1999-today.html")).toBe("embed/kfor-troop-strength-1999-today");
    expect(pagePath("/site", "/site/embed/index.html")).toBe("embed/");
  });
});
