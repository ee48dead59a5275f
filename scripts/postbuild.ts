// Runs after `observable build` (npm run build, and every test or benchmark build): draws each chart and block into
// its page's HTML so readers see it before any script runs; inlines the stylesheet rules the page uses and starts the
// page script after the first paint, so nothing holds that paint back; and fixes Framework's page template for
// accessibility (a language, zoom, a skip link, a top bar with the menu, named landmarks).
// Deterministic, like the build before it (see observablehq.config.ts): same commit, same bytes.
import {readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {compileSheet, type CompiledSheet} from "beasties/compiler";
import {collectPrograms, renderCriticalCss, scanHtml} from "beasties/runtime";
import {parseHTML} from "linkedom";
import {loadTables} from "../loaders/dataset.ts";
import {buildDatasets} from "../loaders/datasets.ts";
import {blocks, type BlockContext} from "../src/components/blocks.ts";
import type {Datasets} from "../src/components/chart.ts";
import {staticChartFigure} from "../src/components/figure.ts";
import {chartById} from "../src/components/registry.ts";
import {publishCharts} from "./chart-files.ts";
import {lockDownPages} from "./csp.ts";
import {filesIn} from "./files-in.ts";
import {subsetPackages} from "./plot-subset.ts";
import {addEmbedHead, embedChartDrawer, embedCss, isEmbedPage} from "./embed-postbuild.ts";
import {localizePage, pageAddress} from "./languages.ts";
import {currentLanguage, LANGUAGES, languageInfo, t, type Lang} from "../src/lib/i18n.ts";
import {notFoundSection} from "../loaders/pages.ts";
import {useLanguageInNode} from "../loaders/messages.ts";
import {localizeDatasets} from "../src/components/localize.ts";

/**
 * Placeholders as the pages write them and Framework passes them through. Only this exact form is filled: any other
 * tag with a slot class is an error, so a misspelt placeholder fails the build instead of staying empty.
 */
const SLOT = /<div class="(chart|block)-slot" data-\1="([a-z0-9-]+)"><\/div>/g;
const ANY_SLOT_TAG = /<[^>]*class="[^"]*\b(?:chart|block)-slot\b[^"]*"[^>]*>/g;

export interface SlotDrawers {
  chart(id: string): string;
  block(name: string): string;
}

/** Every placeholder of a page filled with its static drawing. */
export function fillSlots(html: string, draw: SlotDrawers, page = "page"): string {
  const tags = html.match(ANY_SLOT_TAG) ?? [];
  const misspelt = tags.filter((tag) => !/^<div class="(chart|block)-slot" data-\1="[a-z0-9-]+">$/.test(tag));
  if (misspelt.length) throw new Error(`${page}: placeholders must read exactly <div class="chart-slot" data-chart="chart-id"></div> or <div class="block-slot" data-block="block-name"></div>; found ${misspelt.join(", ")}`);
  return html.replace(SLOT, (_, kind: "chart" | "block", name: string) => `<div class="${kind}-slot" data-${kind}="${name}">${draw[kind](name)}</div>`);
}

/** A chart drawer over one set of datasets and one linkedom document; each chart is drawn once, whatever the pages. */
export function staticChartDrawer(data: Datasets, document: Document): (id: string) => string {
  const drawn = new Map<string, string>();
  return (id) => {
    if (!drawn.has(id)) drawn.set(id, staticChartFigure(chartById(id), data, document).outerHTML);
    return drawn.get(id)!;
  };
}

/** The files a built page registers for FileAttachment: name as the page writes it → address relative to the page. */
export function registeredFiles(html: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, name, info] of html.matchAll(/registerFile\(("[^"\n]*"), (\{[^\n]*\})\);/g)) files.set(JSON.parse(name), JSON.parse(info).path);
  return files;
}

/** A block drawer for one built page, whose registered files the blocks may read. */
export function staticBlockDrawer(data: Datasets, document: Document, pageFile: string, html: string): (name: string) => string {
  const files = registeredFiles(html);
  const fileHref = (name: string) => {
    // A page in another language (/sq/…) registers the same file one folder up.
    const path = files.get(name) ?? files.get(name.replace(/^\.\//, "../"));
    if (!path) throw new Error(`${pageFile}: a block reads ${name}, which the page does not load`);
    return path;
  };
  const context: BlockContext = {data, document, fileHref, fileJson: (name) => JSON.parse(readFileSync(join(dirname(pageFile), fileHref(name)), "utf8"))};
  return (name) => {
    const block = blocks[name];
    if (!block) throw new Error(`${pageFile}: no block named ${JSON.stringify(name)}; known: ${Object.keys(blocks).join(", ")}`);
    return block(context).outerHTML;
  };
}

/** One change to Framework's page template: what it replaces, and with what ($1… for a pattern's groups). */
interface TemplateFix {
  from: string | RegExp;
  to: string;
  /** Only on pages that contain this (the table of contents is left out of a page without sections). */
  when?: string;
  /** Part of the site's chrome (sidebar, top bar): left out of chromeless pages, which must then have none of it. */
  chrome?: boolean;
}

/**
 * Fixes to Framework's page template, which offers no option for any of them: the language of the page (screen
 * readers pick their voice by it); a viewport that lets readers zoom (Framework caps it at maximum-scale=1); and what
 * axe-core's full rule set finds in the sidebar and around it (test/browser/axe.test.ts):
 * - a skip link to the main content, the first thing a keyboard reaches;
 * - a top bar (shown on phones and tablets, where the sidebar starts closed; see style.css) holding the site's name,
 *   linking home, and the sidebar toggle, labelled "Menu". Framework's toggle is a checkbox named only by its title,
 *   outside any landmark; in the bar it is inside the page's banner, with a visible label. Framework's layout rules
 *   select on the toggle as the sidebar's sibling, so style.css restates them for the toggle in the bar;
 * - the sidebar's close control, a label, moves from the list itself (where only list items may be) into its item;
 * - each navigation landmark has its own name: the site's pages, the page's contents, previous and next page.
 * Each fix fails the build if Framework's markup is not what it expects, so a new Framework is reviewed, not guessed.
 * A chromeless page (an embed: no sidebar, no footer) gets the fixes that are not about the chrome, and fails the build
 * if it has a sidebar after all.
 */
export function fixPageTemplate(html: string, page = "page", {chromeless = false}: {chromeless?: boolean} = {}): string {
  const tag = languageInfo[currentLanguage()].tag;
  if (chromeless && html.includes('id="observablehq-sidebar')) throw new Error(`${page}: a chromeless page has Framework's sidebar; check its front matter (sidebar: false)`);
  const fixes: TemplateFix[] = [
    {from: "<html>", to: `<html lang="${tag}">`},
    {from: '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">', to: '<meta name="viewport" content="width=device-width, initial-scale=1">'},
    {
      chrome: true,
      from: /<body>\n<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">\n(<label id="observablehq-sidebar-backdrop" for="observablehq-sidebar-toggle"><\/label>\n)<nav id="observablehq-sidebar">\n {2}<ol>\n {4}<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>\n {4}<li class="(observablehq-link[a-z- ]*)"><a href="([^"]+)">([^<]+)<\/a><\/li>\n {2}<\/ol>/,
      to: [
        "<body>",
        `<a class="skip-link" href="#observablehq-main">${t("site.skip")}</a>`,
        `<header id="site-bar">`,
        `<a class="site-bar-home" href="$3">$4</a>`,
        `<span class="site-bar-menu"><input id="observablehq-sidebar-toggle" type="checkbox" title="${t("site.toggle")}"><label class="site-bar-menu-label" for="observablehq-sidebar-toggle">${t("site.menu")}</label></span>`,
        `</header>`,
        `$1<nav id="observablehq-sidebar" aria-label="${t("site.nav.site")}">`,
        "  <ol>",
        `    <li class="$2"><a href="$3">$4</a><label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label></li>`,
        "  </ol>"
      ].join("\n")
    },
    {
      from: /(<aside id="observablehq-toc" data-selector="[^"]*">\n)<nav>\n<div>([^<]+)<\/div>/,
      to: `$1<nav aria-labelledby="observablehq-toc-label">\n<div id="observablehq-toc-label">${t("site.nav.contents")}</div>`,
      when: '<aside id="observablehq-toc"'
    },
    {from: '<footer id="observablehq-footer">\n<nav>', to: `<footer id="observablehq-footer">\n<nav aria-label="${t("site.nav.pager")}">`, when: '<footer id="observablehq-footer">\n<nav'}
  ];
  for (const {from, to, when, chrome} of fixes) {
    if (chrome && chromeless) continue;
    if (when !== undefined && !html.includes(when)) continue;
    const found = typeof from === "string" ? html.includes(from) : from.test(html);
    if (!found) throw new Error(`${page}: Framework's page template changed (no ${from}); review scripts/postbuild.ts`);
    html = typeof from === "string" ? html.replace(from, () => to) : html.replace(from, to);
  }
  return html;
}

/** A stylesheet file, compiled for picking the rules a page uses. */
export type SheetCompiler = (file: string) => CompiledSheet;

/** Compiles each stylesheet file once, for one build (every page of a site links the same stylesheet). */
export function sheetCompiler(): SheetCompiler {
  const compiled = new Map<string, CompiledSheet>();
  return (file) => {
    if (!compiled.has(file)) compiled.set(file, compileSheet(readFileSync(file, "utf8")));
    return compiled.get(file)!;
  };
}

/**
 * The rules of the site's stylesheet that the page's own HTML uses, inlined; the whole stylesheet is left for the page
 * script to load after the first paint (see deferPageScript). A linked stylesheet blocks the first paint for a round
 * trip, and the whole of it inlined (35 kB, most of it Framework's rules for search, code blocks, inputs and notes
 * that a page does not have) cost the first frame more parsing and style work than anything else on the page.
 * The rules are chosen from the finished HTML, charts and blocks drawn in, so everything a reader sees without
 * JavaScript is styled; what scripts add later (inputs, error cells) waits for the whole stylesheet.
 * Framework links it twice (a preload, then the stylesheet); both links go. Returns the page and the stylesheets.
 */
export function inlineCriticalCss(html: string, pageFile: string, compile: SheetCompiler = sheetCompiler()): {html: string; stylesheets: string[]} {
  const links = [...html.matchAll(/<link rel="stylesheet" type="text\/css" href="(\.[^"]+\.css)">/g)];
  if (links.length === 0) throw new Error(`${pageFile}: no stylesheet link; Framework's page template changed, review scripts/postbuild.ts`);
  const sheets = links.map(([, href]) => compile(join(dirname(pageFile), href)));
  const tokens = scanHtml(html, collectPrograms(sheets));
  for (const [index, [link, href]] of links.entries()) {
    const {css} = renderCriticalCss(sheets[index], tokens);
    html = html.replace(`<link rel="preload" as="style" href="${href}">\n`, "").replace(link, `<style>${css}</style>`);
  }
  return {html, stylesheets: links.map(([, href]) => href)};
}

/**
 * Starts Framework's page script only once the page has been painted. As built, it is an inline module in the head
 * with a modulepreload link per import: the browser fetches, compiles and runs them while it would be painting the
 * page, which holds back the first frame (the charts are already in the HTML and need no script to be seen). The
 * script stays in the page, inert (a type the browser does not run), and a small classic script runs it after the
 * first frame following the end of parsing: the moment Framework's deferred module would have run, one frame later.
 * It first asks for the whole stylesheet (see inlineCriticalCss) and the module preloads together, and runs the page
 * script once the stylesheet has loaded (or failed), so nothing the script draws appears unstyled. A tab opened in
 * the background, which paints no frames, starts at once.
 */
export function deferPageScript(html: string, pageFile: string, stylesheets: string[] = []): string {
  const modules = [...html.matchAll(/<script type="module">\n[\s\S]*?<\/script>\n/g)];
  if (modules.length !== 1) throw new Error(`${pageFile}: expected one inline module script (Framework's page script), found ${modules.length}`);
  const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">\n/g)];
  for (const [link] of preloads) html = html.replace(link, "");
  const inert = modules[0][0].replace('<script type="module">', `<script type="${DEFERRED_SCRIPT_TYPE}" id="observablehq-page-script">`);
  const starter = `<script>{
const stylesheets = ${JSON.stringify(stylesheets)};
const hrefs = ${JSON.stringify(preloads.map(([, href]) => href))};
const link = (rel, href) => document.head.appendChild(Object.assign(document.createElement("link"), {rel, href}));
const run = () => {
  const loaded = stylesheets.map((href) => new Promise((settle) => Object.assign(link("stylesheet", href), {onload: settle, onerror: settle})));
  for (const href of hrefs) link("modulepreload", href);
  Promise.all(loaded).then(() => document.head.append(Object.assign(document.createElement("script"), {type: "module", textContent: document.getElementById("observablehq-page-script").textContent})));
};
const afterFirstPaint = () => (document.visibilityState === "hidden" ? run() : requestAnimationFrame(() => setTimeout(run, 0)));
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", afterFirstPaint, {once: true});
else afterFirstPaint();
}</script>
`;
  return html.replace(modules[0][0], inert + starter);
}

/**
 * The 404 page is served at whatever address was not found, at any depth, so its relative links to scripts and the
 * stylesheet resolve only through its <base> (Framework's `base`, right only when the build knows the site's path;
 * see scripts/site-url.ts). It has no charts and no cells, so it needs no script: its page script and module preloads
 * go, and its stylesheet rules are all inlined (inlineCriticalCss), so it keeps the site's look wherever it is served
 * and makes no request that could fail. Framework's small inline script that retries an address without its trailing
 * slash stays.
 */
export function dropPageScript(html: string, pageFile: string): string {
  const modules = [...html.matchAll(/<script type="module">\n[\s\S]*?<\/script>\n/g)].filter(([script]) => script.includes("_observablehq/client"));
  if (modules.length !== 1) throw new Error(`${pageFile}: expected one inline module script importing Framework's client, found ${modules.length}`);
  for (const [link] of html.matchAll(/<link rel="modulepreload" href="[^"]+">\n/g)) html = html.replace(link, "");
  return html.replace(modules[0][0], "");
}

/** The one 404 page, for every address in every language: the other languages' words below English's. */
export function withEveryLanguage(html: string, pageFile: string): string {
  if (!html.includes("</main>")) throw new Error(`${pageFile}: no </main>; Framework's page template changed, review scripts/postbuild.ts`);
  const sections = LANGUAGES.filter((lang) => lang !== "en").map((lang) => notFoundSection(lang));
  return html.replace("</main>", `${sections.join("\n")}\n</main>`);
}

/** Framework builds src/404.md as the site's 404.html, at the root of the output. */
export function isNotFoundPage(file: string, outDir: string): boolean {
  return file === join(outDir, "404.html");
}

/** A script type browsers do not run: the page script waits under it (see deferPageScript). */
export const DEFERRED_SCRIPT_TYPE = "text/x-observablehq-after-first-paint";

/** Post-processes a built site in place. */
export function postbuild(outDir: string, data: Datasets = JSON.parse(JSON.stringify(buildDatasets(loadTables())))): void {
  subsetPackages(outDir); // first: it renames modules, so the pages' scripts are final only after it
  // Through JSON, as the pages receive the datasets: the static drawing is made from exactly what the page loads.
  const document = parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
  // Each language's drawings are made once, from the datasets as its readers see them (src/components/localize.ts).
  const drawers = new Map<Lang, {data: Datasets; chart: (id: string) => string; embedChart: (id: string) => string}>();
  const drawersIn = (lang: Lang) => {
    useLanguageInNode(lang);
    if (!drawers.has(lang)) {
      const localized = localizeDatasets(data);
      drawers.set(lang, {data: localized, chart: staticChartDrawer(localized, document), embedChart: embedChartDrawer(localized, document)});
    }
    return drawers.get(lang)!;
  };
  const embedRules = embedCss();
  const compile = sheetCompiler();
  for (const file of filesIn(outDir, /\.html$/)) {
    const html = readFileSync(file, "utf8");
    const embed = isEmbedPage(file, outDir);
    const address = pageAddress(file, outDir);
    const drawer = drawersIn(address.lang);
    const localized = localizePage(embed ? addEmbedHead(fixPageTemplate(html, file, {chromeless: true}), file, embedRules) : fixPageTemplate(html, file), address, {chromeless: embed});
    const fixed = isNotFoundPage(file, outDir) ? withEveryLanguage(localized, file) : localized;
    // Drawn in first: the stylesheet rules a page needs are picked from its finished HTML.
    const drawn = fillSlots(fixed, {chart: embed ? drawer.embedChart : drawer.chart, block: staticBlockDrawer(drawer.data, document, file, html)}, file);
    const critical = inlineCriticalCss(drawn, file, compile);
    writeFileSync(file, isNotFoundPage(file, outDir) ? dropPageScript(critical.html, file) : deferPageScript(critical.html, file, critical.stylesheets));
  }
  useLanguageInNode("en");
  publishCharts(outDir, data);
  // Last, over every page as finally written: each inline script and style is allowed by its hash (scripts/csp.ts).
  lockDownPages(filesIn(outDir, /\.html$/), (file) => isNotFoundPage(file, outDir));
}

if (import.meta.url === `file://${process.argv[1]}`) postbuild(fileURLToPath(new URL("../dist/", import.meta.url)));
