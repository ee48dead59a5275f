// Addresses of a chart for carrying it elsewhere (the Export menu's Embed, Copy link and Share…), and the clipboard.
// Every address comes from the page's own location at run time: the site may be served at any address.
import {languageOfPath} from "../lib/i18n.js";

/** The site's root: pages sit at the top level, embed pages (/embed/<id>) one level down. */
export function siteRoot(document: Document): URL {
  return new URL(document.querySelector(".embed-page") ? "../" : "./", document.location.href);
}

/**
 * The embed page of a chart, as an absolute address, with the settings of the page it is taken from (the query that
 * /invasion keeps in step with its controls; src/components/embed-settings.ts reads it in the embed). A forced
 * ?theme= of an embed page is the embedding site's choice, not the chart's, and is not carried.
 */
export function embedAddress(document: Document, id: string): string {
  const url = new URL(`embed/${encodeURIComponent(id)}`, siteRoot(document));
  const search = new URLSearchParams(document.location.search);
  search.delete("theme");
  url.search = search.toString();
  return url.href;
}

/** The host page's optional script that keeps embed frames as tall as their content. */
export function embedScriptAddress(document: Document): string {
  // One script for every language, at the site's own root (a language's pages sit one folder down: /sq/…).
  return new URL(languageOfPath(document.location.pathname) === "en" ? "embed.js" : "../embed.js", siteRoot(document)).href;
}

/**
 * The chart on its page, with the page's settings kept (its query, e.g. /invasion's), as an absolute address; the
 * fragment scrolls to the chart and highlights it. From an embed page: the chart on the page its link names.
 */
export function chartAddress(document: Document, id: string): string {
  const view = document.querySelector<HTMLAnchorElement>(".embed-page .embed-view-link");
  if (view) return view.href;
  const {origin, pathname, search} = document.location;
  return `${origin}${pathname}${search}#${encodeURIComponent(id)}`;
}

export type CopyOutcome = "copied" | "failed";

/**
 * Puts text on the clipboard: the asynchronous Clipboard API where the page may use it, else the older copy command
 * on a selected text field (a page served over plain http other than localhost has no Clipboard API). The field
 * given is selected either way, so a reader whose browser refuses both can copy it by hand.
 */
export async function copyText(document: Document, text: string, field?: HTMLTextAreaElement | HTMLInputElement): Promise<CopyOutcome> {
  field?.select();
  const clipboard = document.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return "copied";
    } catch {
      // Refused (no permission, no focus): try the copy command.
    }
  }
  const scratch = field ?? hiddenField(document, text);
  scratch.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  if (!field) scratch.remove();
  return copied ? "copied" : "failed";
}

function hiddenField(document: Document, text: string): HTMLTextAreaElement {
  const field = document.createElement("textarea");
  field.value = text;
  field.setAttribute("readonly", "");
  field.setAttribute("aria-hidden", "true");
  field.style.cssText = "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0";
  document.body.append(field);
  return field;
}

/** The browser's share sheet, where there is one (phones, some desktops). */
export function canShare(document: Document): boolean {
  const navigator = document.defaultView?.navigator;
  return typeof navigator?.share === "function";
}

/** Whether the page's address points at this chart (its fragment is the chart's id). */
const isLinkedChart = (document: Document, id: string) => decodeURIComponent(document.location.hash.slice(1)) === id;

const watchedDocuments = new WeakSet<Document>();

/**
 * Marks a chart figure as the one the page's address points at (class chart-linked, styled as :target is). The
 * browser matches :target to the element the address pointed at when the page opened: the build's drawing, which
 * the live chart replaces, so the live figure, with the same id, would lose the highlight. Called for each new
 * figure (its Export menu is made with it); kept up to date as the fragment changes.
 */
export function markLinkedChart(figureOf: () => Element | null, id: string, document: Document): void {
  if (!document.location) return; // drawn at build time, in Node: the address is not known yet
  queueMicrotask(() => figureOf()?.classList.toggle("chart-linked", isLinkedChart(document, id)));
  if (watchedDocuments.has(document)) return;
  watchedDocuments.add(document);
  document.defaultView?.addEventListener("hashchange", () => {
    for (const figure of Array.from(document.querySelectorAll("figure.chart[data-chart]"))) figure.classList.toggle("chart-linked", isLinkedChart(document, figure.getAttribute("data-chart")!));
  });
}
