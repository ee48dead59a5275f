// The Export menu under every chart: SVG, PNG (2×) and CSV of exactly that chart, made in the browser; the code to
// embed it elsewhere; a link to it (and the share sheet, where there is one).
// A disclosure (button + list of buttons), not an ARIA menu: it needs no roving focus to be usable by keyboard.
import type {ChartSpec, Datasets} from "./chart.js";
import {tableToCsv} from "./csv.js";
import {element} from "./dom.js";
import {openEmbedDialog} from "./embed-dialog.js";
import {canShare, chartAddress, copyText, markLinkedChart} from "./embed-share.js";
import {composeChartSvg, darkTheme, lightTheme, type ComposedSvg, type ExportTheme} from "./export-svg.js";
import {t} from "../lib/i18n.js";

/** PNG exports are drawn at twice the chart's CSS size, in the browser and by `npm run export` alike. */
export const PNG_SCALE = 2;

export type ExportFormat = "svg" | "png" | "csv";

export const EXPORT_FORMATS: ExportFormat[] = ["svg", "png", "csv"];

/** The menu's file options, each with its label in the page's language. */
export const exportFormats = (): {format: ExportFormat; label: string}[] => EXPORT_FORMATS.map((format) => ({format, label: t(`ui.export.format.${format}`)}));

export interface ExportFile {
  blob: Blob;
  filename: string;
}

/**
 * The page's colours: dark when the reader's system asks for it (the site's theme follows the same query), unless
 * the page forces a scheme (an embed page's ?theme=, marked as data-theme on <html>).
 */
export function pageTheme(view: Window | null): ExportTheme {
  const forced = view?.document?.documentElement.getAttribute("data-theme");
  if (forced === "dark" || forced === "light") return forced === "dark" ? darkTheme : lightTheme;
  return view?.matchMedia?.("(prefers-color-scheme: dark)").matches ? darkTheme : lightTheme;
}

/** What the menu offers besides the files: the embed code, the chart's address, and the browser's share sheet. */
export type ShareAction = "embed" | "link" | "share";

export const SHARE_ACTIONS: ShareAction[] = ["embed", "link", "share"];

/** The menu's other options, each with its label in the page's language. */
export const shareActions = (): {action: ShareAction; label: string}[] => SHARE_ACTIONS.map((action) => ({action, label: t(`ui.export.action.${action}`)}));

/** Draws the composed SVG on a canvas at PNG_SCALE and encodes it: the browser's own renderer, fonts and all. */
async function pngBlob(document: Document, composed: ComposedSvg): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([composed.svg], {type: "image/svg+xml;charset=utf-8"}));
  try {
    const image = document.createElement("img");
    image.width = composed.width;
    image.height = composed.height;
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = composed.width * PNG_SCALE;
    canvas.height = composed.height * PNG_SCALE;
    const context = canvas.getContext("2d");
    if (!context) throw new Error(t("ui.export.no-canvas"));
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(image, 0, 0, composed.width, composed.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t("ui.export.png-not-encoded")))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file for one format, named `<chart id>.<format>`. */
export async function exportFile(spec: ChartSpec, data: Datasets, format: ExportFormat, {width, document}: {width: number; document: Document}): Promise<ExportFile> {
  const filename = `${spec.id}.${format}`;
  if (format === "csv") return {filename, blob: new Blob([tableToCsv(spec.table(data))], {type: "text/csv;charset=utf-8"})};
  const composed = composeChartSvg(spec, data, {width, document, theme: pageTheme(document.defaultView)});
  if (format === "svg") return {filename, blob: new Blob([composed.svg], {type: "image/svg+xml;charset=utf-8"})};
  return {filename, blob: await pngBlob(document, composed)};
}

/** Saves a blob through a temporary `<a download>`, the one way that works without a server round trip. */
export function downloadFile(document: Document, {blob, filename}: ExportFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function button(document: Document, className: string, text: string): HTMLButtonElement {
  const node = element(document, "button", className, text);
  node.type = "button";
  return node;
}

export interface ExportMenuOptions {
  /** The width the chart is drawn at on screen; the export uses the same, so it looks the same. */
  width: number;
  document: Document;
}

export function exportMenu(spec: ChartSpec, data: Datasets, {width, document}: ExportMenuOptions): HTMLElement {
  const menu = element(document, "div", "export-menu");
  const toggle = button(document, "export-menu-toggle", t("ui.export.button"));
  // The visible word first, then which chart: several Export buttons on a page must be told apart by name.
  toggle.setAttribute("aria-label", t("ui.export.button-name", {title: spec.title(data)}));
  toggle.setAttribute("aria-expanded", "false");
  const list = element(document, "ul", "export-menu-options");
  list.id = `${spec.id}-export-options`;
  list.hidden = true;
  toggle.setAttribute("aria-controls", list.id);
  const status = element(document, "p", "export-menu-status");
  status.setAttribute("role", "status");

  const addOption = (label: string) => {
    const option = button(document, "export-menu-option", label);
    const item = element(document, "li");
    item.append(option);
    list.append(item);
    return option;
  };
  const formatOptions = exportFormats().map(({format, label}) => {
    const option = addOption(label);
    option.dataset.format = format;
    return option;
  });
  // Share… only where the browser has a share sheet (navigator.share: phones, some desktops).
  const actionOptions = shareActions()
    .filter(({action}) => action !== "share" || canShare(document))
    .map(({action, label}) => {
      const option = addOption(label);
      option.dataset.action = action;
      return option;
    });
  const options = [...formatOptions, ...actionOptions];

  // A press anywhere else closes the menu; listened to only while open, so closed menus cost nothing.
  const onOutsidePointer = (event: Event) => {
    if (!menu.contains(event.target as Node)) setOpen(false);
  };
  const setOpen = (open: boolean) => {
    list.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) document.addEventListener("pointerdown", onOutsidePointer, true);
    else document.removeEventListener("pointerdown", onOutsidePointer, true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) toggle.focus();
  };

  toggle.addEventListener("click", () => {
    const open = list.hidden;
    setOpen(open);
    if (open) options[0].focus();
  });

  for (const option of formatOptions) {
    option.addEventListener("click", async () => {
      const format = option.dataset.format as ExportFormat;
      close(true);
      status.textContent = "";
      try {
        downloadFile(document, await exportFile(spec, data, format, {width, document}));
      } catch (error) {
        status.textContent = t("ui.export.failed", {format: format.toUpperCase(), error: error instanceof Error ? error.message : String(error)});
      }
    });
  }

  const title = spec.title(data);
  // Found afresh: while the dialog was open a redraw (a new width) may have replaced this menu with another.
  const currentToggle = () => document.querySelector<HTMLElement>(`figure.chart[data-chart="${spec.id}"] .export-menu-toggle`) ?? (toggle.isConnected ? toggle : null);
  const runAction: Record<ShareAction, () => Promise<void>> = {
    async embed() {
      openEmbedDialog(document, {id: spec.id, title, returnFocus: currentToggle});
    },
    async link() {
      const url = chartAddress(document, spec.id);
      status.textContent = (await copyText(document, url)) === "copied" ? t("ui.export.link-copied") : t("ui.export.link-not-copied", {url});
    },
    async share() {
      const url = chartAddress(document, spec.id);
      try {
        await document.defaultView!.navigator.share({title, url});
      } catch (error) {
        // The reader closing the sheet is not a failure.
        if (!(error instanceof Error && error.name === "AbortError")) status.textContent = t("ui.export.share-failed", {url});
      }
    }
  };
  for (const option of actionOptions) {
    option.addEventListener("click", async () => {
      const action = option.dataset.action as ShareAction;
      // The dialog takes focus itself and gives it back to the Export button when closed.
      close(action !== "embed");
      status.textContent = "";
      await runAction[action]();
    });
  }

  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close(true);
      return;
    }
    // Arrow keys as a convenience on top of Tab, which already moves through the options.
    const index = options.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0 || !["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    event.preventDefault();
    const next = event.key === "Home" ? 0 : event.key === "End" ? options.length - 1 : (index + (event.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
    options[next].focus();
  });

  // Tabbing away closes it. A null relatedTarget (a click that focuses nothing, as Safari does on buttons) is left
  // to the pointer listener, or the option being clicked would vanish before its click arrives.
  menu.addEventListener("focusout", (event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (next && !menu.contains(next)) setOpen(false);
  });

  menu.append(toggle, list, status);
  markLinkedChart(() => menu.closest("figure.chart"), spec.id, document);
  return menu;
}
