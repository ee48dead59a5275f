// The methods page's blocks: the dataset catalogue with downloads, every chart's files, how to cite, and the list of
// sources.
import type {Source} from "../lib/contracts.js";
import {datasetFiles} from "../lib/dataset-files.js";
import {currentLanguage, languageInfo, t, tn, type Lang, type Vars} from "../lib/i18n.js";
import {formatDate, formatPublished, formatYear} from "./format.js";
import {element, scrollingTable, tableHead} from "./dom.js";

export interface CatalogEntry {
  name: string;
  description: string;
  rows: number;
  fields: {name: string; type: string}[];
  table: string | null;
}

/** Which edition of the site a page shows (src/data/edition.json.ts): the day it was last updated, and its address if known. */
export interface Edition {
  updated: string;
  siteUrl: string | null;
}

/** A dataset's stable, un-hashed address relative to the site's root (written by the build through dynamicPaths). */
export const stableAddress = (file: string) => `data/${file}`;

/** The folder of the built site that holds every chart's files (scripts/chart-files.ts writes them). */
export const CHARTS_FOLDER = "charts";

/** The kinds of file each chart is published as, in the order /methods lists them. */
export const CHART_FILE_KINDS = ["svg", "png", "csv"] as const;
export type ChartFileKind = (typeof CHART_FILE_KINDS)[number];

/** A chart's file at its stable address relative to the site's root: `charts/<chart-id>.svg`, `.png`, `.csv`. */
export const chartFileAddress = (id: string, kind: ChartFileKind) => `${CHARTS_FOLDER}/${id}.${kind}`;

/** One chart as /methods lists it (src/data/charts.json.ts): its id, which names its files, and its title in each language. */
export interface ChartEntry {
  id: string;
  title: Record<Lang, string>;
}

// Built in the document given: the browser's on the page, linkedom's when the build writes them into the HTML.
// rel=external keeps Framework from rewriting a stable address to a hashed copy. Relative to the page, which sits at
// the site's root, so the links work at any address the site is served from.
function siteLink(document: Document, address: string, text: string): HTMLAnchorElement {
  const link = element(document, "a", undefined, text);
  link.href = `./${address}`;
  link.rel = "external";
  return link;
}

const stableLink = (document: Document, file: string, text = file) => siteLink(document, stableAddress(file), text);

/** What a message's slot holds when it is filled with a link or other nodes: text slots take strings or numbers. */
type Slot = string | number | Node | (string | Node)[];

/**
 * A message appended to `parent` with its {slots} filled, the ones holding nodes (a link, a list of links) put in as
 * nodes where the language's sentence has them, so a translation can move a link within its sentence.
 */
function appendMessage(parent: HTMLElement, key: string, vars: Record<string, Slot>): void {
  const nodes: (string | Node)[][] = [];
  const text: Vars = {};
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value === "string" || typeof value === "number") text[name] = value;
    else {
      text[name] = `\uE000${nodes.length}\uE000`;
      nodes.push(Array.isArray(value) ? value : [value]);
    }
  }
  t(key, text)
    .split(/\uE000(\d+)\uE000/)
    .forEach((part, index) => {
      if (index % 2 === 1) parent.append(...nodes[Number(part)]);
      else if (part !== "") parent.append(part);
    });
}

/**
 * The language a source's title is published in, where it is not English: the title is shown as published, and the
 * page says so, so that it is read (and checked) as that language's text.
 */
const titleLanguages: Record<string, string> = {"voa-serbian-2017-02": "sr-Latn"};

function download(document: Document, file: string): HTMLAnchorElement {
  const link = stableLink(document, file);
  link.download = `kosovo-nato-${file}`;
  return link;
}

/**
 * A field's type in the page's language: catalog.json writes it in English words ("text or null", "one of: pre,
 * post", "[number, number]"), whose values (pre, post) are the data's own and stay as they are.
 */
function typeName(type: string): string {
  const nullable = /^(.*) or null$/.exec(type);
  if (nullable) return t("methods.type.nullable", {type: typeName(nullable[1])});
  const oneOf = /^one of: (.*)$/.exec(type);
  if (oneOf) return t("methods.type.one-of", {values: oneOf[1]});
  const tuple = /^\[(.*)\]$/.exec(type);
  if (tuple) return `[${tuple[1].split(", ").map(typeName).join(", ")}]`;
  return t(`methods.type.${type}`);
}

/** One block per dataset: what it holds, its row count, its fields and types, and its downloads at stable addresses. */
export function catalogTable(catalog: CatalogEntry[], document: Document = globalThis.document): HTMLElement {
  const container = element(document, "div", "catalog");
  for (const entry of catalog) {
    const section = element(document, "section", "card");
    section.append(element(document, "h3", undefined, entry.name));
    section.append(element(document, "p", undefined, tn("methods.catalog.summary", entry.rows, {description: t(`methods.catalog.description.${entry.name}`)})));
    const links = element(document, "p", "downloads");
    links.append(download(document, `${entry.name}.json`));
    if (entry.table) links.append(" · ", download(document, `${entry.table}.csv`));
    section.append(links);
    const details = element(document, "details");
    details.append(element(document, "summary", undefined, tn("methods.catalog.fields", entry.fields.length)));
    const list = element(document, "dl", "fields");
    for (const field of entry.fields) list.append(element(document, "dt", undefined, field.name), element(document, "dd", undefined, typeName(field.type)));
    details.append(list);
    section.append(details);
    container.append(section);
  }
  return container;
}

/**
 * Every chart's files at their stable addresses: a table of the charts by title, each with its image as SVG and as
 * PNG (twice the SVG's size) and its data as CSV. The links read the same on every row; each row's header, the
 * chart's title, says which chart they belong to.
 */
export function chartFilesTable(entries: ChartEntry[], document: Document = globalThis.document): HTMLElement {
  const caption = t("methods.chart-files.caption");
  const table = element(document, "table", "chart-files");
  table.append(element(document, "caption", undefined, caption));
  const thead = tableHead(document, [t("methods.chart-files.column.chart"), t("methods.chart-files.column.files")]);
  const tbody = element(document, "tbody");
  for (const entry of entries) {
    const row = element(document, "tr");
    const name = element(document, "th", undefined, entry.title[currentLanguage()]);
    name.setAttribute("scope", "row");
    const files = element(document, "td", "chart-file-links");
    for (const [index, kind] of CHART_FILE_KINDS.entries()) files.append(index ? " · " : "", siteLink(document, chartFileAddress(entry.id, kind), kind.toUpperCase()));
    row.append(name, files);
    tbody.append(row);
  }
  table.append(thead, tbody);
  return scrollingTable(document, table, caption);
}

/**
 * How to cite the data: an example citation of one dataset at its stable address, with the day the site was last
 * updated, which names the version cited. The addresses are whole when the build knows the site's (SITE_URL);
 * otherwise they are given from the dashboard's home page, the same with scripts on or off.
 */
export function citationBlock(edition: Edition, document: Document = globalThis.document): HTMLElement {
  const block = element(document, "div", "how-to-cite");
  const updated = formatDate(edition.updated);
  const address = (file: string) => (edition.siteUrl ? stableLink(document, file, `${edition.siteUrl}${stableAddress(file)}`) : stableLink(document, file, stableAddress(file)));
  const citation = element(document, "p", "citation");
  appendMessage(citation, edition.siteUrl ? "methods.citation" : "methods.citation.from-home", {year: formatYear(edition.updated.slice(0, 4)), date: updated, address: address("polls.json")});
  const pattern = element(document, "p");
  const time = element(document, "time", undefined, updated);
  time.setAttribute("datetime", edition.updated);
  const files = Object.values(datasetFiles).flatMap((name, index) => [...(index ? [", "] : []), address(`${name}.json`)]);
  appendMessage(pattern, "methods.citation.addresses", {time, files});
  block.append(citation, pattern);
  return block;
}

export function sourceList(sources: Source[], document: Document = globalThis.document): HTMLElement {
  const list = element(document, "ol", "sources");
  for (const source of sources) {
    const item = element(document, "li");
    item.id = `source-${source.id}`;
    const title = source.url ? element(document, "a", undefined, source.title) : element(document, "cite", undefined, source.title);
    // Attributes rather than properties, and no instanceof HTMLAnchorElement: linkedom has neither in Node.
    if (source.url) {
      title.setAttribute("href", source.url);
      title.setAttribute("rel", "external noopener");
    }
    // As published, so in its own language: said on a page in another (English pages stay as they were).
    const titleLanguage = titleLanguages[source.id] ?? "en";
    if (currentLanguage() !== "en" && titleLanguage !== languageInfo[currentLanguage()].tag) title.setAttribute("lang", titleLanguage);
    const published = source.published ? formatPublished(source.published) : t("methods.source.undated");
    // Publisher and date after a dash, not in parentheses: some publishers carry their own ("Reuters (as published by …)").
    item.append(title, ` — ${t("methods.source.byline", {publisher: source.publisher, date: published})}`);
    if (source.via) item.append(`; ${t("methods.source.via", {publisher: source.via.publisher})}`);
    if (source.note) item.append(element(document, "br"), element(document, "small", undefined, source.note));
    list.append(item);
  }
  return list;
}
