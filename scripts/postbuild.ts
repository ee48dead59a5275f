// Runs after `observable build` (npm run build, and every test or benchmark build): draws each chart and block into
// its page's HTML so readers see it before any script runs, and fixes two accessibility faults of Framework's page
// template. Deterministic, like the build before it (see observablehq.config.ts): same commit, same bytes.
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {parseHTML} from "linkedom";
import {loadTables} from "../loaders/dataset.ts";
import {buildDatasets} from "../loaders/datasets.ts";
import {blocks, type BlockContext} from "../src/components/blocks.ts";
import type {Datasets} from "../src/components/chart.ts";
import {staticChartFigure} from "../src/components/figure.ts";
import {chartById} from "../src/components/registry.ts";

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
    const path = files.get(name);
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

/**
 * Two fixes to Framework's page template, which offers no option for either: the language of the page (screen
 * readers pick their voice by it), and a viewport that lets readers zoom (Framework caps it at maximum-scale=1).
 */
export function fixPageTemplate(html: string, page = "page"): string {
  const fixes: [string, string][] = [
    ["<html>", `<html lang="${PAGE_LANGUAGE}">`],
    ['<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">', '<meta name="viewport" content="width=device-width, initial-scale=1">']
  ];
  for (const [from, to] of fixes) {
    if (!html.includes(from)) throw new Error(`${page}: Framework's page template changed (no ${from}); review scripts/postbuild.ts`);
    html = html.replace(from, to);
  }
  return html;
}

/** The site is written in British English ("recognise", "programme"). */
export const PAGE_LANGUAGE = "en-GB";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Post-processes a built site in place. */
export function postbuild(outDir: string, data: Datasets = JSON.parse(JSON.stringify(buildDatasets(loadTables())))): void {
  // Through JSON, as the pages receive the datasets: the static drawing is made from exactly what the page loads.
  const document = parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
  const chart = staticChartDrawer(data, document);
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, "utf8");
    writeFileSync(file, fillSlots(fixPageTemplate(html, file), {chart, block: staticBlockDrawer(data, document, file, html)}, file));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) postbuild(fileURLToPath(new URL("../dist/", import.meta.url)));
