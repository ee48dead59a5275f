// Building DOM for figures, cards and tables, in the browser or (given a linkedom document) in Node.

/** A new element with an optional class and text. textContent, never innerHTML: text from data is shown as text. */
export function element<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A table in a box that scrolls sideways on its own, so a wide table never widens the page. Focusable and named, so
 * keyboard readers can scroll it too; the edge shadows in style.css show that there is more to either side.
 */
export function scrollingTable(document: Document, table: HTMLTableElement, name: string): HTMLElement {
  const box = element(document, "div", "table-scroll");
  box.setAttribute("tabindex", "0");
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", name);
  box.append(table);
  return box;
}

/**
 * A table's head: one row of column headers, each scoped to its column. scope is set as an attribute: linkedom, which
 * builds the static pages, has no scope property.
 */
export function tableHead(document: Document, labels: string[]): HTMLTableSectionElement {
  const row = element(document, "tr");
  for (const label of labels) {
    const th = element(document, "th", undefined, label);
    th.setAttribute("scope", "col");
    row.append(th);
  }
  const thead = element(document, "thead");
  thead.append(row);
  return thead;
}
