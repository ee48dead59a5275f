// A chart as readers get it: title, subtitle, the Plot figure, source line and the data table behind it.
import {chartSources, type Cell, type ChartSpec, type ChartTable, type Datasets, type RenderOptions} from "./chart.js";
import {exportMenu} from "./export-menu.js";
import {element, scrollingTable, tableHead} from "./dom.js";
import {formatNumber} from "./format.js";
import {tn, t} from "../lib/i18n.js";

/** A number as the language writes it, up to two decimals; a year as plain digits, with no thousands separator. */
const formatCell = (value: Cell, {year = false} = {}) =>
  value === null ? "" : typeof value === "number" ? (year ? String(value) : formatNumber(value, 0, 2)) : String(value);

export function dataTable(document: Document, {columns, rows}: ChartTable, caption: string): HTMLTableElement {
  const table = element(document, "table", "chart-table");
  table.append(element(document, "caption", undefined, caption));
  const thead = tableHead(document, columns.map((column) => column.label));
  const tbody = element(document, "tbody");
  for (const row of rows) {
    const tr = element(document, "tr");
    for (const column of columns) tr.append(element(document, "td", typeof row[column.key] === "number" ? "number" : undefined, formatCell(row[column.key], column)));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}

/**
 * The chart's source line (the same words as sourceLine, which the exports print), each publisher a link: to its
 * source's address, or to its entry in the list on /methods; a name that stands for several sources (IRI's three
 * surveys) links to the first entry of the list, and its title names them all.
 */
function sourceParagraph(document: Document, data: Datasets, sourceIds: string[]): HTMLElement {
  const paragraph = element(document, "p", "chart-source");
  const entries = chartSources(data, sourceIds);
  paragraph.append(`${tn("ui.figure.source", entries.length)} `);
  entries.forEach(({name, sources}, index) => {
    if (index > 0) paragraph.append("; ");
    const link = element(document, "a", undefined, name);
    const only = sources.length === 1 ? sources[0] : null;
    link.setAttribute("href", only?.url ?? `./methods#source-${sources[0].id}`);
    link.setAttribute("title", sources.map((source) => source.title).join("; "));
    if (only?.url) link.setAttribute("rel", "external noopener");
    paragraph.append(link);
  });
  return paragraph;
}

/** The plot with its accessible name and description; Plot leaves both to the caller. */
export function renderPlot(spec: ChartSpec, data: Datasets, options: RenderOptions): Element {
  const plot = spec.plot(data, options);
  // With a legend Plot returns a <figure> whose first SVG is a legend swatch: the chart is the figure's own <svg> child.
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : Array.from(plot.children).find((child) => child.tagName.toLowerCase() === "svg");
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", spec.title(data));
    svg.setAttribute("aria-description", spec.description(data));
    // To assistive technology the chart is that one described image. Plot also names each mark's group
    // (aria-label="dot"), which ARIA prohibits on a plain group: hide the groups, as role=img already implies.
    const hideGroups = () => {
      for (const group of Array.from(svg.querySelectorAll("g[aria-label]:not([aria-hidden])"))) group.setAttribute("aria-hidden", "true");
    };
    hideGroups();
    // A live chart's tip is drawn anew at each pointer move, as a new named group (Plot's pointer interaction).
    const Observer = options.document?.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    if (Observer) new Observer(hideGroups).observe(svg, {childList: true, subtree: true});
  }
  return plot;
}

export function chartFigure(spec: ChartSpec, data: Datasets, {width, document = globalThis.document}: RenderOptions): HTMLElement {
  const title = spec.title(data);
  const figure = element(document, "figure", "chart");
  figure.id = spec.id;
  figure.dataset.chart = spec.id;
  const heading = element(document, "h3", "chart-title", title);
  heading.id = `${spec.id}-title`;
  figure.setAttribute("aria-labelledby", heading.id);
  const caption = element(document, "figcaption");
  caption.append(heading, element(document, "p", "chart-subtitle", spec.subtitle(data)));
  const plotBox = element(document, "div", "chart-plot");
  plotBox.append(renderPlot(spec, data, {width, document}));
  const details = element(document, "details", "chart-data");
  details.append(element(document, "summary", undefined, t("ui.figure.data-table")), scrollingTable(document, dataTable(document, spec.table(data), title), t("ui.figure.data-table-name", {title})));
  figure.append(caption, plotBox, sourceParagraph(document, data, spec.sourceIds(data)), details);
  figure.append(exportMenu(spec, data, {width, document}));
  return figure;
}

/**
 * Widths the build draws each chart at for the page's first paint. The charts take their narrow layout below
 * NARROW_CHART_WIDTH (520px), so the narrow drawing serves containers under that and the wide one the rest; each is
 * shown at its own size (never scaled up), so it has exactly the height of the interactive chart that replaces it
 * (see style.css).
 */
export const STATIC_CHART_WIDTHS = {narrow: 296, wide: 640} as const;

/**
 * The figure as the built page carries it before any script runs (scripts/postbuild.ts): the same title, subtitle,
 * source line, data table and Export button as chartFigure, with the plot drawn at both static widths.
 */
export function staticChartFigure(spec: ChartSpec, data: Datasets, document: Document): HTMLElement {
  const figure = chartFigure(spec, data, {width: STATIC_CHART_WIDTHS.wide, document});
  figure.classList.add("chart-static");
  const plotBox = figure.querySelector(".chart-plot")!;
  const wide = element(document, "div", "chart-static-wide");
  wide.append(...Array.from(plotBox.childNodes));
  const narrow = element(document, "div", "chart-static-narrow");
  narrow.append(renderPlot(spec, data, {width: STATIC_CHART_WIDTHS.narrow, document}));
  plotBox.append(wide, narrow);
  return figure;
}
