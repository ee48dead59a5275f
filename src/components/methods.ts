// The methods page's tables: the dataset catalogue with downloads, and the list of sources.
import type {Source} from "../lib/contracts.js";
import {formatDate} from "./format.js";

interface CatalogEntry {
  name: string;
  description: string;
  rows: number;
  fields: {name: string; type: string}[];
  table: string | null;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function download(href: string, label: string, fileName: string): HTMLAnchorElement {
  const link = element("a", undefined, label);
  link.href = href;
  link.download = fileName;
  return link;
}

/** One block per dataset: what it holds, its row count, its fields and types, and its downloads. */
export function catalogTable(catalog: CatalogEntry[], jsonFiles: Record<string, {href: string}>): HTMLElement {
  const container = element("div", "catalog");
  for (const entry of catalog) {
    const section = element("section", "card");
    section.append(element("h3", undefined, entry.name));
    section.append(element("p", undefined, `${entry.description}. ${entry.rows.toLocaleString("en-GB")} ${entry.rows === 1 ? "record" : "rows"}.`));
    const links = element("p", "downloads");
    links.append(download(jsonFiles[entry.name].href, `${entry.name}.json`, `kosovo-nato-${entry.name}.json`));
    if (entry.table) {
      links.append(" · ");
      // rel=external keeps Framework from rewriting this stable address to a hashed copy.
      const csv = download(`./data/${entry.table}.csv`, `${entry.table}.csv`, `kosovo-nato-${entry.table}.csv`);
      csv.rel = "external";
      links.append(csv);
    }
    section.append(links);
    const details = element("details");
    details.append(element("summary", undefined, `${entry.fields.length} fields`));
    const list = element("dl", "fields");
    for (const field of entry.fields) list.append(element("dt", undefined, field.name), element("dd", undefined, field.type));
    details.append(list);
    section.append(details);
    container.append(section);
  }
  return container;
}

export function sourceList(sources: Source[]): HTMLElement {
  const list = element("ol", "sources");
  for (const source of sources) {
    const item = element("li");
    item.id = `source-${source.id}`;
    const title = source.url ? element("a", undefined, source.title) : element("cite", undefined, source.title);
    if (source.url && title instanceof HTMLAnchorElement) {
      title.href = source.url;
      title.rel = "external noopener";
    }
    const published = source.published ? `, ${formatDate(source.published.length === 4 ? source.published : `${source.published}-01`.slice(0, 10), source.published.length === 4 ? "year" : source.published.length === 7 ? "month" : "day")}` : ", undated";
    item.append(title, ` (${source.publisher}${published})`);
    if (source.via) item.append(`, via ${source.via.publisher}`);
    if (source.note) item.append(element("br"), element("small", undefined, source.note));
    list.append(item);
  }
  return list;
}
