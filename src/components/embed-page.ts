// The embed page's script (/embed/<chart-id>): adapts each live figure as the build adapted the drawn one, and tells
// the page framing it how tall the content is, on load and on every change (the host's /embed.js sets the frame).
import {adaptFigureForEmbed} from "./embed-figure.js";
import {EMBED_MEASURE_REQUEST, embedHeightMessage} from "./embed-message.js";
import {t} from "../lib/i18n.js";

/** The content's height: the page's main element, which holds everything an embed shows (no header or footer). */
function contentHeight(document: Document): number {
  const main = document.getElementById("observablehq-main") ?? document.body;
  return Math.ceil(main.getBoundingClientRect().bottom + document.defaultView!.scrollY);
}

export function startEmbedPage(id: string, document: Document = globalThis.document): void {
  const slot = document.querySelector(`.chart-slot[data-chart="${CSS.escape(id)}"]`);
  if (!slot) throw new Error(t("ui.embed.no-slot", {id}));
  // The live chart replaces the drawn one (and again at each new width) inside the slot.
  new MutationObserver(() => {
    const figure = slot.querySelector(":scope > figure.chart:not([data-embed-adapted])");
    if (!figure) return;
    figure.setAttribute("data-embed-adapted", "");
    adaptFigureForEmbed(figure);
  }).observe(slot, {childList: true});

  const view = document.defaultView!;
  // Posted to whichever page frames this one: a height says nothing private, and the host's script checks who sent it.
  if (view.parent === view) return;
  let posted = -1;
  const post = () => {
    const height = contentHeight(document);
    if (height === posted) return;
    posted = height;
    view.parent.postMessage(embedHeightMessage(id, height), "*");
  };
  new ResizeObserver(post).observe(document.getElementById("observablehq-main") ?? document.body);
  // A host script that starts after this page has posted asks again; only the framing page may ask.
  view.addEventListener("message", (event) => {
    if (event.source !== view.parent || event.data !== EMBED_MEASURE_REQUEST) return;
    posted = -1;
    post();
  });
  post();
}
