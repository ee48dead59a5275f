// The post-build step (scripts/postbuild.ts) on small pages: placeholders filled, misspelt ones refused, Framework's
// page template fixed, registered files read; and the static figure matches the live one at its widths.
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parseHTML} from "linkedom";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {DEFERRED_SCRIPT_TYPE, deferPageScript, fillSlots, fixPageTemplate, inlineCriticalCss, registeredFiles, staticBlockDrawer, staticChartDrawer} from "../../scripts/postbuild.ts";
import {chartFigure, STATIC_CHART_WIDTHS, staticChartFigure} from "../../src/components/figure.ts";
import {chartById, charts} from "../../src/components/registry.ts";
import {analyseInvasion, applySettings, defaultSettings} from "../../src/lib/invasion.ts";
import type {Datasets} from "../../src/lib/contracts.ts";

const document = parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
const data: Datasets = JSON.parse(JSON.stringify(buildDatasets(loadTables())));
const draw = {chart: (id: string) => `<figure id="${id}"></figure>`, block: (name: string) => `<ul data-name="${name}"></ul>`};

describe("fillSlots", () => {
  it("fills each chart and block placeholder with its drawing, and leaves the rest of the page alone", () => {
    const page = `<p>a</p><div class="chart-slot" data-chart="kfor-troop-strength-1999-today"></div><div class="block-slot" data-block="poll-table"></div><p>b</p>`;
    expect(fillSlots(page, draw)).toBe(
      `<p>a</p><div class="chart-slot" data-chart="kfor-troop-strength-1999-today"><figure id="kfor-troop-strength-1999-today"></figure></div><div class="block-slot" data-block="poll-table"><ul data-name="poll-table"></ul></div><p>b</p>`
    );
  });

  it("refuses a placeholder written any other way, naming it", () => {
    for (const tag of [`<div class="chart-slot" data-chart="Bad_Id"></div>`, `<div data-chart="x" class="chart-slot"></div>`, `<div class="chart-slot" data-block="x"></div>`, `<section class="block-slot" data-block="x"></section>`]) {
      expect(() => fillSlots(`<p>${tag}</p>`, draw, "page.html"), tag).toThrow(/page\.html: placeholders must read exactly/);
    }
  });

  it("draws real charts, and names an unknown chart or block", () => {
    const filled = fillSlots(`<div class="chart-slot" data-chart="nato-members-recognition-of-kosovo"></div>`, {chart: staticChartDrawer(data, document), block: draw.block});
    expect(filled).toContain(`<figure aria-labelledby="nato-members-recognition-of-kosovo-title"`);
    expect(() => fillSlots(`<div class="chart-slot" data-chart="no-such-chart"></div>`, {chart: staticChartDrawer(data, document), block: draw.block})).toThrow(/no chart with id "no-such-chart"/);
    const blocks = staticBlockDrawer(data, document, "/site/page.html", "");
    expect(() => blocks("no-such-block")).toThrow(/no block named "no-such-block"/);
    expect(() => blocks("dataset-catalog")).toThrow(/reads \.\/data\/catalog\.json, which the page does not load/);
  });
});

describe("the page template", () => {
  // Framework 1.13's template, as it writes the pages of this site (the parts fixPageTemplate changes).
  const head = `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">\n`;
  const sidebar = [
    "<body>",
    `<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">`,
    `<label id="observablehq-sidebar-backdrop" for="observablehq-sidebar-toggle"></label>`,
    `<nav id="observablehq-sidebar">`,
    "  <ol>",
    `    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>`,
    `    <li class="observablehq-link"><a href="./">Kosovo and NATO</a></li>`,
    "  </ol>",
    "  <ol>",
    `    <li class="observablehq-link observablehq-link-active"><a href="./troops">KFOR troops</a></li>`,
    "  </ol>",
    "</nav>\n"
  ].join("\n");
  const toc = `<div id="observablehq-center">\n<aside id="observablehq-toc" data-selector="h2[id]">\n<nav>\n<div>Contents</div>\n<ol>\n</ol>\n</nav>\n</aside>\n<main id="observablehq-main" class="observablehq">\n</main>\n`;
  const footer = `<footer id="observablehq-footer">\n<nav><a rel="prev" href="./members"><span>NATO members</span></a></nav>\n<div>Footer</div>\n</footer>\n</div>\n</body>\n</html>\n`;
  const template = head + "</head>\n" + sidebar + toc + footer;

  it("gets a language and lets readers zoom", () => {
    const fixed = fixPageTemplate(template);
    expect(fixed).toContain(`<html lang="en-GB">`);
    expect(fixed).toContain(`<meta name="viewport" content="width=device-width, initial-scale=1">`);
    expect(fixed).not.toContain("maximum-scale");
  });

  it("opens with a skip link, then a top bar with the site's name and the sidebar toggle labelled Menu", () => {
    const {document: page} = parseHTML(fixPageTemplate(template));
    const first = page.body.firstElementChild!;
    expect(first.outerHTML).toBe(`<a class="skip-link" href="#observablehq-main">Skip to main content</a>`);
    const bar = first.nextElementSibling!;
    expect(bar.localName).toBe("header");
    expect(bar.querySelector("a.site-bar-home")?.outerHTML).toBe(`<a class="site-bar-home" href="./">Kosovo and NATO</a>`);
    const toggle = bar.querySelector("input#observablehq-sidebar-toggle[type=checkbox]");
    expect(toggle).not.toBeNull();
    expect(bar.querySelector(`label[for="observablehq-sidebar-toggle"]`)?.textContent).toBe("Menu");
    // Framework's layout still finds the backdrop and the sidebar, in their order, after the bar.
    expect(bar.nextElementSibling?.id).toBe("observablehq-sidebar-backdrop");
    expect(page.querySelectorAll("#observablehq-sidebar-toggle")).toHaveLength(1);
  });

  it("holds only items in the sidebar's lists, and names every navigation landmark", () => {
    const {document: page} = parseHTML(fixPageTemplate(template));
    const lists = [...page.querySelectorAll("#observablehq-sidebar > ol")];
    expect(lists).toHaveLength(2);
    for (const list of lists) for (const child of list.children) expect(child.localName).toBe("li");
    expect(page.querySelector("#observablehq-sidebar > ol > li > #observablehq-sidebar-close")).not.toBeNull();
    const names = [...page.querySelectorAll("nav")].map((nav) => nav.getAttribute("aria-label") ?? page.getElementById(nav.getAttribute("aria-labelledby") ?? "")?.textContent);
    expect(names).toEqual(["Site", "Contents", "Previous and next page"]);
  });

  it("fails loudly when Framework's template changes", () => {
    expect(() => fixPageTemplate(template.replace("<html>", `<html lang="en">`), "x.html")).toThrow(/x\.html: Framework's page template changed/);
    expect(() => fixPageTemplate(template.replace(`title="Toggle sidebar"`, `title="Toggle"`), "x.html")).toThrow(/x\.html: Framework's page template changed/);
    expect(() => fixPageTemplate(template.replace("<nav>\n<div>Contents</div>", "<nav class=x>\n<div>Contents</div>"), "x.html")).toThrow(/x\.html: Framework's page template changed/);
    // A page without a table of contents is not a change.
    expect(() => fixPageTemplate(template.replace(/<aside[\s\S]*<\/aside>\n/, ""), "x.html")).not.toThrow();
  });
});

describe("nothing holds back the first paint", () => {
  const head = `<link rel="preload" as="style" href="./_import/style.abc.css">\n<link rel="stylesheet" type="text/css" href="./_import/style.abc.css">\n<link rel="modulepreload" href="./_observablehq/client.js">\n<link rel="modulepreload" href="./_import/components/load.js">\n<script type="module">\nimport {define} from "./_observablehq/client.js";\ndefine({id: "1"});\n</script>\n`;

  it("inlines the rules the page uses, drops both links, and hands the stylesheet on", () => {
    const site = mkdtempSync(join(tmpdir(), "kosovo-postbuild-"));
    try {
      mkdirSync(join(site, "_import"));
      writeFileSync(join(site, "_import/style.abc.css"), "body{color:red}.chart-title{font-weight:700}.unused{color:blue}@media (prefers-color-scheme:dark){.chart-title{color:white}.unused{color:black}}");
      const page = `${head}</head><body><h3 class="chart-title">T</h3></body>`;
      const {html, stylesheets} = inlineCriticalCss(page, join(site, "page.html"));
      expect(html).toContain("<style>body{color:red}.chart-title{font-weight:700}@media (prefers-color-scheme:dark){.chart-title{color:white}}</style>");
      expect(html).not.toContain("style.abc.css");
      expect(stylesheets).toEqual(["./_import/style.abc.css"]);
      // Text in the stylesheet cannot end the inlined <style> early.
      writeFileSync(join(site, "_import/style.def.css"), "body{content:'</style><script>alert(1)</script>'}");
      const hostile = inlineCriticalCss(page.replaceAll("style.abc.css", "style.def.css"), join(site, "page.html")).html;
      expect(hostile.match(/<\/style/gi)).toHaveLength(1);
      expect(hostile).not.toContain("<script>alert");
      expect(() => inlineCriticalCss("<head></head>", join(site, "page.html"))).toThrow(/no stylesheet link/);
    } finally {
      rmSync(site, {recursive: true, force: true});
    }
  });

  it("keeps the page script, inert, and starts it with its preloads after the first frame", () => {
    const html = deferPageScript(head, "page.html", ["./_import/style.abc.css"]);
    expect(html).not.toContain('<script type="module">');
    expect(html).not.toContain('<link rel="modulepreload"');
    expect(html).toContain(`<script type="${DEFERRED_SCRIPT_TYPE}" id="observablehq-page-script">\nimport {define} from "./_observablehq/client.js";\ndefine({id: "1"});\n</script>`);
    expect(html).toContain(`const hrefs = ["./_observablehq/client.js","./_import/components/load.js"];`);
    expect(html).toContain(`const stylesheets = ["./_import/style.abc.css"];`);
    expect(html).toMatch(/requestAnimationFrame\(\(\) => setTimeout\(run, 0\)\)/);
    expect(() => deferPageScript(head + head, "page.html")).toThrow(/expected one inline module script/);
  });
});

it("registeredFiles reads the files a built page registers", () => {
  const html = `registerFile("./data/polls.json", {"name":"./data/polls.json","mimeType":"application/json","path":"./_file/data/polls.6ab109ca.json","lastModified":1,"size":2});\nregisterFile("./data/troops.json", {"name":"./data/troops.json","path":"./_file/data/troops.7d69702d.json"});`;
  expect([...registeredFiles(html)]).toEqual([
    ["./data/polls.json", "./_file/data/polls.6ab109ca.json"],
    ["./data/troops.json", "./_file/data/troops.7d69702d.json"]
  ]);
});

describe("the static figure", () => {
  for (const spec of charts) {
    it(`${spec.id}: the live figure's texts, and one drawing per static width as tall as the live chart there`, () => {
      const built = staticChartFigure(spec, data, document);
      const live = chartFigure(spec, data, {width: STATIC_CHART_WIDTHS.wide, document});
      expect(built.classList.contains("chart-static")).toBe(true);
      for (const selector of [".chart-title", ".chart-subtitle", ".chart-source", ".chart-table", ".export-menu-toggle"]) {
        expect(built.querySelector(selector)?.outerHTML, selector).toBe(live.querySelector(selector)?.outerHTML);
      }
      for (const [variant, width] of Object.entries(STATIC_CHART_WIDTHS)) {
        const svg = built.querySelector(`.chart-static-${variant} svg[role=img]`)!;
        const liveSvg = chartFigure(spec, data, {width, document}).querySelector("svg[role=img]")!;
        expect(svg.getAttribute("width")).toBe(String(width));
        expect(svg.getAttribute("height")).toBe(liveSvg.getAttribute("height"));
        expect(svg.getAttribute("fill")).toBe("currentColor");
      }
    });
  }

  it("on /invasion, drawn from the datasets, equals the live page at its default settings", () => {
    const live = {...data, polls: applySettings(data.polls, defaultSettings), invasion: analyseInvasion(data.polls, defaultSettings)};
    for (const id of ["kosovo-nato-support-before-after-invasion", "kosovo-nato-like-for-like-iri"]) {
      expect(staticChartFigure(chartById(id), live, document).outerHTML).toBe(staticChartFigure(chartById(id), data, document).outerHTML);
    }
  });
});
