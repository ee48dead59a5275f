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
