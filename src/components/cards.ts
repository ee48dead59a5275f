// Page furniture built from data: headline cards, the poll table with source links, and lists of sentences.
import type {Datasets, SourceRef} from "../lib/contracts.js";
import {t, tn} from "../lib/i18n.js";
import {formatCount, formatInterval, formatNumber, formatPublished} from "./format.js";
import type {Finding, Headline} from "./headlines.js";
import {element, scrollingTable, tableHead} from "./dom.js";

// Every builder takes the document to build in: the browser's on the page, linkedom's when the build writes the
// block into the HTML (scripts/postbuild.ts).
export function headlineCards(items: Headline[], document: Document = globalThis.document): HTMLElement {
  const grid = element(document, "div", "grid grid-cols-4 headlines");
  for (const item of items) {
    const card = element(document, "div", "card headline");
    const detail = element(document, "p", "headline-detail", item.detail);
    appendSources(detail, item.sources, document);
    card.append(element(document, "h2", "headline-label", item.label), element(document, "p", "headline-value", item.value), detail);
    grid.append(card);
  }
  return grid;
}

/** A link to the source's own address when it has one, else to its entry on the methods page. */
export function sourceLink(source: SourceRef, methodsPath = "./methods", document: Document = globalThis.document): HTMLAnchorElement {
  const link = element(document, "a", undefined, source.publisher);
  link.href = source.url ?? `${methodsPath}#source-${source.id}`;
  link.title = source.title;
  if (source.url) link.rel = "external noopener";
  return link;
}

/** A share as the source gives it, every decimal kept: "88.7%", "89%" (Albanian and Serbian "88,7%"). */
const percentCell = (value: number) => t("format.percent", {value: formatNumber(value, 0, 20)});

export function pollTable(data: Datasets, document: Document = globalThis.document): HTMLElement {
  const table = element(document, "table", "poll-table");
  const caption = t("cards.poll-table.caption");
  table.append(element(document, "caption", undefined, caption));
  const thead = tableHead(
    document,
    ["pollster", "fieldwork", "n", "support", "margin", "opposed", "neutral", "lead", "source"].map((column) => t(`cards.poll-table.column.${column}`))
  );
  const tbody = element(document, "tbody");
  for (const poll of data.polls) {
    const row = element(document, "tr");
    const pollster = element(document, "td");
    pollster.append(element(document, "abbr", undefined, poll.pollster));
    (pollster.firstChild as HTMLElement).title = poll.pollsterName;
    const support = element(document, "td", "number", percentCell(poll.support));
    support.title = t("cards.poll-table.support.title", {interval: formatInterval(poll.supportCi)});
    const source = element(document, "td");
    source.append(sourceLink(poll.source, undefined, document));
    row.append(
      pollster,
      element(document, "td", undefined, poll.fieldworkLabel),
      element(document, "td", "number", formatCount(poll.sampleSize)),
      support,
      element(document, "td", "number", formatNumber(poll.supportMargin, 1)),
      element(document, "td", "number", percentCell(poll.opposed)),
      element(document, "td", "number", percentCell(poll.neutral)),
      element(document, "td", "number", formatNumber(poll.lead, 0, 20)),
      source
    );
    tbody.append(row);
  }
  table.append(thead, tbody);
  return scrollingTable(document, table, caption);
}

/**
 * " Source: IRI." or " Sources: KCSS; IRI: 2021, 2023.", each a link to its source: a publisher with one source is
 * the link, one with several is named once and each source linked by the year it was published (or its date, where
 * two share a year), so no two links read the same.
 */
function appendSources(parent: HTMLElement, sources: SourceRef[], document: Document): void {
  if (sources.length === 0) return;
  // The sources follow as a sentence of their own.
  if (!/[.!?]$/.test(parent.textContent ?? "")) parent.append(".");
  parent.append(` ${tn("cards.sources", sources.length)} `);
  const byPublisher = new Map<string, SourceRef[]>();
  for (const source of sources) byPublisher.set(source.publisher, [...(byPublisher.get(source.publisher) ?? []), source]);
  [...byPublisher].forEach(([publisher, own], index) => {
    if (index > 0) parent.append("; ");
    if (own.length === 1) return parent.append(sourceLink(own[0], undefined, document));
    parent.append(`${publisher}: `);
    const years = own.map((source) => source.published?.slice(0, 4) ?? source.title);
    own.forEach((source, i) => {
      const link = sourceLink(source, undefined, document);
      link.textContent = years.filter((year) => year === years[i]).length > 1 && source.published ? formatPublished(source.published) : years[i];
      parent.append(...(i > 0 ? [", "] : []), link);
    });
  });
  parent.append(".");
}

/** A list of sentences; a finding's sources follow it, linked. */
export function sentenceList(sentences: (string | Finding)[], className = "findings", document: Document = globalThis.document): HTMLElement {
  const list = element(document, "ul", className);
  for (const sentence of sentences) {
    const item = element(document, "li", undefined, typeof sentence === "string" ? sentence : sentence.text);
    if (typeof sentence !== "string") appendSources(item, sentence.sources, document);
    list.append(item);
  }
  return list;
}

/** Label–value pairs as a description list: the live statistics on /invasion. */
export function statisticList(lines: {label: string; value: string}[], document: Document = globalThis.document): HTMLElement {
  const list = element(document, "dl", "stat-list");
  for (const line of lines) list.append(element(document, "dt", undefined, line.label), element(document, "dd", undefined, line.value));
  return list;
}

/** A paragraph of text computed from the data, styled as a caveat. */
export function caveatParagraph(text: string, document: Document = globalThis.document): HTMLElement {
  return element(document, "p", "caveat", text);
}
