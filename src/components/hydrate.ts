// Turns what the build drew into the page (chart-slot and block-slot placeholders, filled by scripts/postbuild.ts)
// into the live page: responsive charts with tooltips and Export, and blocks that follow the page's inputs.
// Light on purpose: Plot and the chart code load by dynamic import, only when the reader reaches for a chart (or new
// data arrive), so a page that is only read downloads no chart code at all.
import type {Datasets} from "../lib/contracts.js";
import {t} from "../lib/i18n.js";

export interface HydrateOptions {
  /**
   * "interaction" (the default): the live chart replaces the static one when the reader points at, touches or
   * focuses the chart, or presses Export; a page whose charts are only looked at never loads Plot at all.
   * "load": right after the page's first paint, for a caller whose static drawing cannot stand in meanwhile.
   */
  when?: "load" | "interaction";
}

interface LiveCharts {
  chartById: typeof import("./registry.js").chartById;
  chartFigure: typeof import("./figure.js").chartFigure;
}

let liveCharts: Promise<LiveCharts> | undefined;

/** The chart code and Plot (in the build, only the marks the charts use: scripts/plot-subset.ts), fetched once per page and only when first needed. */
function loadLiveCharts(): Promise<LiveCharts> {
  liveCharts ??= Promise.all([import("./registry.js"), import("./figure.js")]).then(([registry, figure]) => ({chartById: registry.chartById, chartFigure: figure.chartFigure}));
  return liveCharts;
}

interface SlotState {
  /** Bumped by every call: a call whose number is no longer current was superseded by newer data. */
  version: number;
  observer?: ResizeObserver;
  disarm?: () => void;
}

const slots = new WeakMap<Element, SlotState>();

/** After the frame now being prepared has been painted: the static chart is on screen before any work starts. */
const afterNextPaint = (callback: () => void) => requestAnimationFrame(() => setTimeout(callback, 0));

/** Where focus was inside the old figure, so the same control in the new one can take it. */
function focusedControl(figure: Element | null): string | null {
  const active = figure?.ownerDocument.activeElement;
  if (!figure || !active || !figure.contains(active)) return null;
  for (const selector of [".export-menu-toggle", ".chart-data summary"]) if (active.matches(selector)) return selector;
  return null;
}

/** Where the pointer or finger was when it brought the live chart, to be replayed to the chart that replaces the static one. */
interface PointerAt {
  clientX: number;
  clientY: number;
  pointerType: string;
}

/**
 * Replays a pointer position to a freshly drawn chart. A tap on a static chart brings the live one, but that tap's
 * events went to the static drawing: without this the first tap only loads the chart and shows no tooltip (Plot picks
 * the nearest mark on pointerenter and pointermove).
 */
function replayPointer(svg: Element | null, at: PointerAt): void {
  if (!svg || typeof PointerEvent === "undefined") return;
  for (const type of ["pointerenter", "pointermove"]) svg.dispatchEvent(new PointerEvent(type, {clientX: at.clientX, clientY: at.clientY, pointerType: at.pointerType, isPrimary: true}));
}

/**
 * One tooltip at a time on a touch screen: Plot clears a tooltip when a mouse leaves its chart, but a finger never
 * "leaves", so each tapped chart would keep its tooltip. A touch anywhere else clears the others, as a mouse leaving
 * would.
 */
function clearOtherTooltips(event: PointerEvent): void {
  if (event.pointerType === "mouse") return;
  for (const svg of Array.from(document.querySelectorAll("figure.chart svg[role=img]"))) {
    if (!svg.contains(event.target as Node)) svg.dispatchEvent(new PointerEvent("pointerleave", {pointerType: "mouse"}));
  }
}
let touchTooltipsArmed = false;

/**
 * Draws the live chart into the slot at the slot's width, and again whenever that width changes, replacing the
 * static figure in the same frame (a ResizeObserver callback runs before paint), so nothing on the page moves.
 */
async function mount(slot: Element, id: string, data: Datasets, state: SlotState, version: number, pendingClick: () => boolean, pendingPointer: () => PointerAt | null): Promise<void> {
  const {chartById, chartFigure} = await loadLiveCharts();
  if (version !== state.version) return;
  const spec = chartById(id);
  let drawnWidth = -1;
  const draw = (width: number) => {
    if (width === drawnWidth || width <= 0) return;
    drawnWidth = width;
    const previous = slot.querySelector(":scope > figure.chart");
    const figure = chartFigure(spec, data, {width});
    // Keep what the reader had done to the old figure: the data table left open, the focused control.
    const wasOpen = previous?.querySelector<HTMLDetailsElement>(".chart-data")?.open ?? false;
    const focused = focusedControl(previous);
    figure.querySelector<HTMLDetailsElement>(".chart-data")!.open = wasOpen;
    slot.replaceChildren(figure);
    if (focused) figure.querySelector<HTMLElement>(focused)?.focus();
    // An Export press on the static button before the chart went live: open the real menu now.
    if (pendingClick()) figure.querySelector<HTMLElement>(".export-menu-toggle")?.click();
    const pointer = pendingPointer();
    if (pointer) replayPointer(figure.querySelector("svg[role=img]"), pointer);
  };
  state.observer = new ResizeObserver(([entry]) => draw(Math.floor(entry.contentRect.width)));
  state.observer.observe(slot);
  printable.set(slot, {draw, screenWidth: () => Math.floor(slot.getBoundingClientRect().width)});
  watchPrinting();
}

/**
 * Printing. A live chart is drawn for the screen's width, and paper is narrower than most screens: scaled down to it,
 * a chart drawn 1,000px wide prints its 10px labels at about 5pt. Before printing, each live chart is drawn again at
 * the width of an A4 or Letter page within src/print.css's margins, so it prints at full size; after, at the
 * screen's width again. (The print layout runs no ResizeObserver: the redraw must happen in beforeprint itself.)
 */
export const PRINT_WIDTH = 680;

const printable = new WeakMap<Element, {draw: (width: number) => void; screenWidth: () => number}>();
let watchingPrint = false;

function watchPrinting(): void {
  if (watchingPrint) return;
  watchingPrint = true;
  const redrawAll = (width: (screenWidth: number) => number) => {
    for (const slot of document.querySelectorAll(".chart-slot")) {
      const chart = printable.get(slot);
      if (chart) chart.draw(width(chart.screenWidth()));
    }
  };
  addEventListener("beforeprint", () => redrawAll(() => PRINT_WIDTH));
  addEventListener("afterprint", () => redrawAll((screenWidth) => screenWidth));
}

/**
 * The page's one line per chart, after a `<div class="chart-slot" data-chart="…">` placeholder:
 * `hydrateChartById("chart-id", data);`. The static chart stays until the reader reaches for it. Call it again with
 * new data (a cell that depends on inputs, such as the /invasion controls) and the live chart is drawn at once: the
 * static one no longer shows that data.
 */
export function hydrateChartById(id: string, data: Datasets, {when = "interaction"}: HydrateOptions = {}): void {
  const slot = document.querySelector(`.chart-slot[data-chart="${CSS.escape(id)}"]`);
  if (!slot) throw new Error(t("ui.hydrate.no-chart-slot", {id}));
  const known = slots.get(slot);
  const state: SlotState = known ?? {version: 0};
  slots.set(slot, state);
  state.observer?.disconnect();
  state.disarm?.();
  const version = ++state.version;
  if (!touchTooltipsArmed) {
    touchTooltipsArmed = true;
    document.addEventListener("pointerdown", clearOtherTooltips, true);
  }

  let exportPressed = false;
  let started = false;
  let pointerAt: PointerAt | null = null;
  const start = (event?: Event) => {
    // The pointer that brought the chart, unless it was on the Export button (whose press opens the menu instead).
    if (event instanceof PointerEvent && !(event.target as Element | null)?.closest?.(".export-menu")) pointerAt = {clientX: event.clientX, clientY: event.clientY, pointerType: event.pointerType};
    state.disarm?.();
    if (started) return;
    started = true;
    mount(
      slot,
      id,
      data,
      state,
      version,
      () => {
        const pressed = exportPressed;
        exportPressed = false;
        return pressed;
      },
      () => {
        const at = pointerAt;
        pointerAt = null;
        return at;
      }
    ).catch((error) => {
      // The static chart stays, complete; say why it did not become interactive.
      console.error(t("ui.hydrate.not-live", {id}), error);
    });
  };

  // New data (a rerun), or no static chart to show meanwhile (the dev server does not run the build step): draw now.
  const staticFigure = slot.querySelector(":scope > figure.chart-static");
  if (known || !staticFigure) return start();

  // The static Export button does nothing by itself: pressing it brings the live chart, whose menu then opens.
  staticFigure.querySelector(".export-menu-toggle")?.addEventListener("click", () => {
    exportPressed = true;
    start();
  });
  if (when === "load") {
    afterNextPaint(() => start());
    return;
  }

  // A reader already pointing at or focused in the chart when this runs (the page script starts after the first
  // paint) sends no new pointerenter or focusin: start now, or the chart would wait for the pointer to leave and return.
  if (slot.matches(":hover, :focus-within")) return start();
  const events = ["pointerenter", "pointerdown", "focusin"];
  for (const type of events) slot.addEventListener(type, start);
  state.disarm = () => {
    for (const type of events) slot.removeEventListener(type, start);
    state.disarm = undefined;
  };
}

/**
 * The page's one line per block, after a `<div class="block-slot" data-block="…">` placeholder:
 * `hydrateBlock("poll-table", pollTable(data));`. The build drew the same block there from the same data
 * (src/components/blocks.ts), so on a built page this swaps like for like; a cell that reruns swaps in new content.
 */
export function hydrateBlock(name: string, content: Node): void {
  const slot = document.querySelector(`.block-slot[data-block="${CSS.escape(name)}"]`);
  if (!slot) throw new Error(t("ui.hydrate.no-block-slot", {name}));
  slot.replaceChildren(content);
}
