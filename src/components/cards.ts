// Page furniture built from data: headline cards, the poll table with source links, and lists of sentences.
import type {Datasets, SourceRef} from "../lib/contracts.js";
import {formatInterval} from "./format.js";
import type {Headline} from "./headlines.js";

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text; // text from data is always text
  return node;
}

export function headlineCards(items: Headline[]): HTMLElement {
  const grid = element("div", "grid grid-cols-4 headlines");
  for (const item of items) {
    const card = element("div", "card headline");
    card.append(element("h2", "headline-label", item.label), element("p", "headline-value", item.value), element("p", "headline-detail", item.detail));
    grid.append(card);
  }
  return grid;
}

/** A link to the source's own address when it has one, else to its entry on the methods page. */
export function sourceLink(source: SourceRef, methodsPath = "./methods"): HTMLAnchorElement {
  const link = element("a", undefined, source.publisher);
  link.href = source.url ?? `${methodsPath}#source-${source.id}`;
  link.title = source.title;
  if (source.url) link.rel = "external noopener";
  return link;
}

export function pollTable(data: Datasets): HTMLElement {
  const wrapper = element("div", "table-scroll");
  const table = element("table", "poll-table");
  table.append(element("caption", undefined, "Opinion polls on Kosovo joining NATO (percent; ± is the half-width of the 95% interval for support)"));
  const head = element("tr");
  for (const label of ["Pollster", "Fieldwork", "n", "Support", "±", "Opposed", "Neutral / DK", "Lead", "Source"]) {
    const th = element("th", undefined, label);
    th.scope = "col";
    head.append(th);
  }
  const thead = element("thead");
  thead.append(head);
  const tbody = element("tbody");
  for (const poll of data.polls) {
    const row = element("tr");
    const pollster = element("td");
    pollster.append(element("abbr", undefined, poll.pollster));
    (pollster.firstChild as HTMLElement).title = poll.pollsterName;
    const support = element("td", "number", `${poll.support}%`);
    support.title = `95% interval ${formatInterval(poll.supportCi)}`;
    const source = element("td");
    source.append(sourceLink(poll.source));
    row.append(
      pollster,
      element("td", undefined, poll.fieldworkLabel),
      element("td", "number", poll.sampleSize.toLocaleString("en-GB")),
      support,
      element("td", "number", poll.supportMargin.toFixed(1)),
      element("td", "number", `${poll.opposed}%`),
      element("td", "number", `${poll.neutral}%`),
      element("td", "number", String(poll.lead)),
      source
    );
    tbody.append(row);
  }
  table.append(thead, tbody);
  wrapper.append(table);
  return wrapper;
}

export function sentenceList(sentences: string[], className = "findings"): HTMLElement {
  const list = element("ul", className);
  for (const sentence of sentences) list.append(element("li", undefined, sentence));
  return list;
}

/** Label–value pairs as a description list: the live statistics on /invasion. */
export function statisticList(lines: {label: string; value: string}[]): HTMLElement {
  const list = element("dl", "stat-list");
  for (const line of lines) list.append(element("dt", undefined, line.label), element("dd", undefined, line.value));
  return list;
}
