// Building DOM for figures, cards and tables, in the browser or (given a linkedom document) in Node.

/** A new element with an optional class and text. textContent, never innerHTML: text from data is shown as text. */
export function element<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
