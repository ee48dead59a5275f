// The methods page's tables: the dataset catalogue with downloads, and the list of sources.
import type {Source} from "../lib/contracts.js";
import {formatCount, formatDate} from "./format.js";
import {element} from "./dom.js";

export interface CatalogEntry {
  name: string;
  description: string;
  rows: number;
  fields: {name: string; type: string}[];
  table: string | null;
}

// Built in the document given: the browser's on the page, linkedom's when the build writes them into the HTML.
function download(document: Document, href: string, label: string, fileName: string): HTMLAnchorElement {
  const link = element(document, "a", undefined, label);
  link.href = href;
  link.download = fileName;
  return link;
}

/** One block per dataset: what it holds, its row count, its fields and types, and its downloads. */
export function catalogTable(catalog: CatalogEntry[], jsonFiles: Record<string, {href: string}>, document: Document = globalThis.document): HTMLElement {
  const container = element(document, "div", "catalog");
  for (const entry of catalog) {
    const section = element(document, "section", "card");
    section.append(element(document, "h3", undefined, entry.name));
    section.append(element(document, "p", undefined, `${entry.description}. ${formatCount(entry.rows)} ${entry.rows === 1 ? "record" : "rows"}.`));
    const links = element(document, "p", "downloads");
    links.append(download(document, jsonFiles[entry.name].href, `${entry.name}.json`, `kosovo-nato-${entry.name}.json`));
    if (entry.table) {
      links.append(" · ");
      // rel=external keeps Framework from rewriting this stable address to a hashed copy.
      const csv = download(document, `./data/${entry.table}.csv`, `${entry.table}.csv`, `kosovo-nato-${entry.table}.csv`);
      csv.rel = "external";
      links.append(csv);
    }
    section.append(links);
    const details = element(document, "details");
    details.append(element(document, "summary", undefined, `${entry.fields.length} fields`));
    const list = element(document, "dl", "fields");
    for (const field of entry.fields) list.append(element(document, "dt", undefined, field.name), element(document, "dd", undefined, field.type));
    details.append(list);
    section.append(details);
    container.append(section);
  }
  return container;
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
    // Dates are as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.
    const precision = ({4: "year", 7: "month"} as const)[source.published?.length as 4 | 7] ?? "day";
    const published = source.published ? formatDate(source.published, precision) : "undated";
    // Publisher and date after a dash, not in parentheses: some publishers carry their own ("Reuters (as published by …)").
    item.append(title, ` — ${source.publisher}, ${published}`);
    if (source.via) item.append(`; via ${source.via.publisher}`);
    if (source.note) item.append(element(document, "br"), element(document, "small", undefined, source.note));
    list.append(item);
  }
  return list;
}
