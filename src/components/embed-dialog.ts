// The Export menu's Embed dialog: the snippet that puts a chart in another page (an <iframe>, and the optional
// /embed.js that keeps its height matched to its content), ready to copy. A native modal <dialog>: focus moves in
// and is kept there, Escape closes it, and focus goes back to the Export button.
import {element} from "./dom.js";
import {acceptedHeight} from "./embed-message.js";
import {copyText, embedAddress, embedScriptAddress, siteRoot} from "./embed-share.js";
import {formatCount} from "./format.js";
import {t} from "../lib/i18n.js";

/** The article width the snippet's height is measured at: a typical column of text. */
export const ARTICLE_WIDTH = 640;

/** The height the snippet carries until the chart's own has been measured (or if it cannot be). */
export const FALLBACK_EMBED_HEIGHT = 600;

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface EmbedSnippetOptions {
  src: string;
  title: string;
  height: number;
  scriptSrc: string;
}

/** The snippet, as text: the frame works pasted alone; the script line is optional. */
export function embedSnippet({src, title, height, scriptSrc}: EmbedSnippetOptions): string {
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${Math.ceil(height)}" loading="lazy" style="border:0"></iframe>\n<script src="${escapeAttribute(scriptSrc)}" async></script>`;
}

/**
 * The chart's embed height at ARTICLE_WIDTH, measured: its embed page loaded out of sight in a frame that wide,
 * which posts its height as it would to an article. Resolves null if no valid height arrives.
 */
export function measureEmbedHeight(document: Document, id: string, {timeout = 15_000} = {}): Promise<number | null> {
  const view = document.defaultView!;
  const frame = document.createElement("iframe");
  frame.src = embedAddress(document, id);
  frame.title = t("ui.embed.measuring-frame");
  frame.tabIndex = -1;
  frame.setAttribute("aria-hidden", "true");
  frame.style.cssText = `position:absolute;left:-99999px;top:0;width:${ARTICLE_WIDTH}px;height:${FALLBACK_EMBED_HEIGHT}px;border:0;visibility:hidden`;
  const origin = siteRoot(document).origin;
  return new Promise((resolve) => {
    const finish = (height: number | null) => {
      view.removeEventListener("message", onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(height);
    };
    // The same checks as the host script: only that frame, from this origin, in exactly the expected shape.
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      const height = acceptedHeight(event.data, id);
      if (height !== null) finish(height);
    };
    const timer = setTimeout(() => finish(null), timeout);
    view.addEventListener("message", onMessage);
    document.body.append(frame);
  });
}

export interface EmbedDialogOptions {
  id: string;
  title: string;
  /** Where focus goes when the dialog closes (the Export button, found afresh: a redraw may have replaced it). */
  returnFocus: () => HTMLElement | null;
}

/** Opens the Embed dialog for one chart; it removes itself from the page when closed. */
export function openEmbedDialog(document: Document, {id, title, returnFocus}: EmbedDialogOptions): HTMLDialogElement {
  const dialog = element(document, "dialog", "embed-dialog");
  const heading = element(document, "h2", "embed-dialog-title", t("ui.embed.title"));
  heading.id = `${id}-embed-title`;
  dialog.setAttribute("aria-labelledby", heading.id);
  const intro = element(document, "p", "embed-dialog-intro", t("ui.embed.intro"));
  intro.id = `${id}-embed-intro`;
  dialog.setAttribute("aria-describedby", intro.id);
  const label = element(document, "label", "embed-dialog-label", t("ui.embed.code"));
  const code = element(document, "textarea", "embed-dialog-code");
  code.id = `${id}-embed-code`;
  label.htmlFor = code.id;
  code.readOnly = true;
  code.rows = 5;
  code.spellcheck = false;
  const status = element(document, "p", "embed-dialog-status");
  status.setAttribute("role", "status");
  const copy = element(document, "button", "embed-dialog-copy", t("ui.embed.copy"));
  copy.type = "button";
  const close = element(document, "button", "embed-dialog-close", t("ui.embed.close"));
  close.type = "button";
  const actions = element(document, "div", "embed-dialog-actions");
  actions.append(copy, close);
  dialog.append(heading, intro, label, code, actions, status);

  const snippet = (height: number) => embedSnippet({src: embedAddress(document, id), title, height, scriptSrc: embedScriptAddress(document)});
  code.value = snippet(FALLBACK_EMBED_HEIGHT);
  dialog.dataset.height = "measuring";
  status.textContent = t("ui.embed.measuring");
  measureEmbedHeight(document, id).then((height) => {
    if (!dialog.isConnected) return;
    dialog.dataset.height = height === null ? "fallback" : "measured";
    if (height !== null) code.value = snippet(height);
    status.textContent = height === null ? t("ui.embed.not-measured", {height: formatCount(FALLBACK_EMBED_HEIGHT)}) : "";
  });

  copy.addEventListener("click", async () => {
    const outcome = await copyText(document, code.value, code);
    status.textContent = outcome === "copied" ? t("ui.embed.copied") : t("ui.embed.not-copied");
  });
  close.addEventListener("click", () => dialog.close());
  // A press on the backdrop (outside the dialog's box) closes it too, as Escape does.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) {
      const box = dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    }
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
    returnFocus()?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  code.focus();
  return dialog;
}
