// One standalone SVG per chart, for download and the export command: title, subtitle, chart, source line, footer.
// Pure: it takes a document (the browser's, or linkedom's in Node) and returns a string, so both produce the same file.
import {isNarrow, sourceLine, type ChartSpec, type Datasets} from "./chart.js";
import {formatDate} from "./format.js";
import {textShades} from "./palette.js";
import {t} from "../lib/i18n.js";

/** The dashboard's name in English; dashboardName() gives it in the page's language. */
export const DASHBOARD_NAME = "Kosovo and NATO dashboard";

/** The dashboard's name as the exports and preview tags write it, in the current language. */
export const dashboardName = (): string => t("ui.dashboard-name");

/** The font the export command ships (npm package dejavu-fonts-ttf), named first so resvg renders with it. */
export const EXPORT_FONT_FAMILY = "DejaVu Sans";
const fontStack = `${EXPORT_FONT_FAMILY}, system-ui, -apple-system, "Segoe UI", sans-serif`;

export interface ExportTheme {
  name: "light" | "dark";
  background: string;
  foreground: string;
  /** Subtitle, source line and footer: secondary text, still above 4.5:1 contrast. */
  muted: string;
  rule: string;
}

export const lightTheme: ExportTheme = {name: "light", background: "#ffffff", foreground: "#1b1e23", muted: "#5c6068", rule: "#d5d7db"};
export const darkTheme: ExportTheme = {name: "dark", background: "#161719", foreground: "#e8e9eb", muted: "#a3a7ae", rule: "#3a3d42"};

const SVG_NS = "http://www.w3.org/2000/svg";

interface TextStyle {
  fontSize: number;
  fontWeight: number;
  lineHeight: number;
  fill: string;
}

/**
 * Average advance of DejaVu Sans per em (bold is wider). There is no text measurement in Node, so wrapping
 * estimates; DejaVu is among the widest sans fonts, so the browser's narrower fallbacks never overflow.
 */
const averageCharWidth = (fontWeight: number) => (fontWeight >= 600 ? 0.66 : 0.58);

/** Greedy word wrap to an estimated pixel width; a word longer than a line gets a line of its own. */
export function wrapText(text: string, maxWidth: number, fontSize: number, fontWeight = 400): string[] {
  const maxChars = Math.max(8, Math.floor(maxWidth / (fontSize * averageCharWidth(fontWeight))));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The latest observation in the data: last poll fieldwork, troop figure (plans excluded) or event, at its own precision. */
export function latestDataDate(data: Datasets): string | null {
  const dated = [
    ...data.polls.map((p) => ({iso: p.fieldworkEnd, precision: p.datePrecision})),
    // A target is a plan, possibly in the future: it does not date the data.
    ...data.troops.filter((t) => t.kind !== "target").map((t) => ({iso: t.date, precision: t.datePrecision})),
    ...data.events.map((e) => ({iso: e.date, precision: e.datePrecision}))
  ];
  if (dated.length === 0) return null;
  const latest = dated.reduce((a, b) => (b.iso > a.iso ? b : a));
  return formatDate(latest.iso, latest.precision);
}

/** "Kosovo and NATO dashboard · Data up to September 2024". */
export function exportFooter(data: Datasets): string {
  const date = latestDataDate(data);
  return date ? t("ui.export.footer", {name: dashboardName(), date}) : dashboardName();
}

function svgElement(document: Document, tag: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** Lines of text from `top`; returns the y where the next block may start. */
function appendLines(document: Document, parent: Element, lines: string[], x: number, top: number, style: TextStyle): number {
  lines.forEach((line, i) => {
    const text = svgElement(document, "text", {
      x,
      // Baseline of line i: the line box top plus the font's ascent (about 0.8 em in DejaVu Sans) and half the leading.
      y: round(top + i * style.lineHeight + (style.lineHeight - style.fontSize) / 2 + style.fontSize * 0.8),
      "font-size": style.fontSize,
      "font-weight": style.fontWeight,
      fill: style.fill
    });
    text.textContent = line; // text from data is set as text, never parsed as markup
    parent.append(text);
  });
  return top + lines.length * style.lineHeight;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** A Plot swatch legend (HTML) redrawn as SVG: each swatch's own little SVG followed by its label, wrapped into rows. */
function swatchLegend(document: Document, swatches: Element, width: number, theme: ExportTheme): {group: SVGElement; height: number} {
  const group = svgElement(document, "g", {"aria-label": t("ui.export.legend"), "font-size": 11, fill: theme.foreground});
  const rowHeight = 20;
  let x = 0;
  let y = 0;
  for (const swatch of Array.from(swatches.children).filter((child) => child.querySelector("svg"))) {
    const icon = swatch.querySelector("svg")!;
    const label = (swatch.textContent ?? "").trim();
    const iconWidth = Number(icon.getAttribute("width") ?? 15);
    const iconHeight = Number(icon.getAttribute("height") ?? 15);
    const itemWidth = iconWidth + 6 + label.length * 11 * averageCharWidth(400) + 16;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    const copy = icon.cloneNode(true) as Element;
    for (const name of ["role", "aria-label", "aria-description", "class", "style"]) copy.removeAttribute(name);
    copy.setAttribute("x", String(round(x)));
    copy.setAttribute("y", String(round(y + (rowHeight - iconHeight) / 2)));
    copy.setAttribute("overflow", "visible");
    group.append(copy);
    const text = svgElement(document, "text", {x: round(x + iconWidth + 6), y: round(y + rowHeight / 2 + 4)});
    text.textContent = label;
    group.append(text);
    x += itemWidth;
  }
  return {group, height: y + rowHeight};
}

const shadesByVariable = new Map<string, {light: string; dark: string}>(Object.values(textShades).map((shade) => [shade.variable, shade]));

/**
 * `var(--text-troops, #007A58)` → the theme's shade. A standalone file has no page stylesheet to define the
 * variable, and resvg (npm run export) does not read var() at all: an unknown name falls back to its own fallback.
 */
export function resolveCssVariables(value: string, theme: Pick<ExportTheme, "name">): string {
  return value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*?))?\s*\)/g, (match, name: string, fallback?: string) => shadesByVariable.get(name)?.[theme.name] ?? fallback ?? match);
}

/** Plot's output made standalone: explicit colours for currentColor and CSS variables, the export font, no page-scoped CSS. */
function standalonePlot(plot: Element, theme: ExportTheme): void {
  for (const style of Array.from(plot.querySelectorAll("style"))) style.remove();
  const elements = [plot, ...Array.from(plot.querySelectorAll("*"))];
  for (const element of elements) {
    for (const {name, value} of Array.from(element.attributes)) {
      let resolved = /var\(/.test(value) ? resolveCssVariables(value, theme) : value;
      if (/currentcolor/i.test(resolved)) resolved = resolved.replace(/currentcolor/gi, theme.foreground);
      if (resolved !== value) element.setAttribute(name, resolved);
    }
    if (element.hasAttribute("font-family")) element.setAttribute("font-family", fontStack);
    element.removeAttribute("class");
  }
}

/** The blocks Plot returned: an SVG alone, or a figure holding legends (HTML swatches or SVG ramps) and the SVG. */
function plotBlocks(plot: Element): Element[] {
  return plot.tagName.toLowerCase() === "svg" ? [plot] : Array.from(plot.children).filter((child) => child.tagName.toLowerCase() === "svg" || child.querySelector("svg"));
}

export interface ComposedSvg {
  svg: string;
  width: number;
  height: number;
}

export interface ComposeOptions {
  /** The chart's own width, as on screen; the export adds margins around it. */
  width: number;
  document: Document;
  theme?: ExportTheme;
}

/** Type sizes as on screen, a step smaller on a phone-width chart. */
function textStyles(narrow: boolean, theme: ExportTheme) {
  return {
    title: {fontSize: narrow ? 17 : 20, fontWeight: 700, lineHeight: narrow ? 22 : 26, fill: theme.foreground},
    subtitle: {fontSize: narrow ? 12 : 13, fontWeight: 400, lineHeight: narrow ? 16 : 18, fill: theme.muted},
    small: {fontSize: 11, fontWeight: 400, lineHeight: 15, fill: theme.muted}
  } satisfies Record<string, TextStyle>;
}

/** Appends the chart's legends and plot at `top`, `left` in from the edge; returns the y below them. */
function appendPlot(document: Document, root: Element, plot: Element, left: number, top: number, width: number, theme: ExportTheme): number {
  standalonePlot(plot, theme);
  let y = top;
  for (const block of plotBlocks(plot)) {
    if (block.tagName.toLowerCase() === "svg") {
      block.setAttribute("x", String(left));
      block.setAttribute("y", String(round(y)));
      block.removeAttribute("style");
      // DejaVu runs wider than screen fonts: let a long axis label spill into the padding rather than be cut off.
      block.setAttribute("overflow", "visible");
      root.append(block);
      y += Number(block.getAttribute("height"));
    } else {
      const legend = swatchLegend(document, block, width, theme);
      legend.group.setAttribute("transform", `translate(${left},${round(y)})`);
      root.append(legend.group);
      y += legend.height + 6;
    }
  }
  return y;
}

/** The chart as one standalone SVG file, laid out like the screen version: title, subtitle, chart, source, footer. */
export function composeChartSvg(spec: ChartSpec, data: Datasets, {width, document, theme = lightTheme}: ComposeOptions): ComposedSvg {
  const narrow = isNarrow(width);
  const padding = narrow ? 14 : 22;
  const styles = textStyles(narrow, theme);
  const titleText = spec.title(data);

  const root = svgElement(document, "svg", {xmlns: SVG_NS, "font-family": fontStack, fill: theme.foreground});
  const accessibleTitle = svgElement(document, "title", {});
  accessibleTitle.textContent = titleText;
  const description = svgElement(document, "desc", {});
  description.textContent = spec.description(data);
  root.append(accessibleTitle, description, svgElement(document, "rect", {width: "100%", height: "100%", fill: theme.background}));

  // Text spans the chart's own width, so the export is as wide as the chart plus its padding.
  let y = appendLines(document, root, wrapText(titleText, width, styles.title.fontSize, styles.title.fontWeight), padding, padding, styles.title);
  const subtitleText = spec.subtitle(data);
  if (subtitleText) y = appendLines(document, root, wrapText(subtitleText, width, styles.subtitle.fontSize), padding, y + 4, styles.subtitle);
  // spec.plot rather than figure.ts's renderPlot: the root SVG carries the accessible title and description.
  y = appendPlot(document, root, spec.plot(data, {width, document}), padding, y + 12, width, theme);
  y = appendLines(document, root, wrapText(sourceLine(data, spec.sourceIds(data)), width, styles.small.fontSize), padding, y + 10, styles.small);
  y += 8;
  root.append(svgElement(document, "line", {x1: padding, x2: padding + width, y1: round(y), y2: round(y), stroke: theme.rule, "stroke-width": 1}));
  y = appendLines(document, root, wrapText(exportFooter(data), width, styles.small.fontSize), padding, y + 6, styles.small);

  const totalWidth = Math.ceil(width + 2 * padding);
  const totalHeight = Math.ceil(y + padding);
  root.setAttribute("width", String(totalWidth));
  root.setAttribute("height", String(totalHeight));
  root.setAttribute("viewBox", `0 0 ${totalWidth} ${totalHeight}`);
  return {svg: `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}\n`, width: totalWidth, height: totalHeight};
}

/** Characters XML 1.0 forbids even when escaped; data text could carry them, and one would make the file unreadable. */
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const escapeText = (text: string) => text.replace(invalidXmlChars, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

/**
 * XML serialisation that is the same in the browser and in linkedom: outerHTML in an HTML document writes HTML
 * (e.g. `&nbsp;`, which XML does not know), and linkedom has no XMLSerializer.
 */
export function serializeXml(node: Node): string {
  if (node.nodeType === 3) return escapeText(node.nodeValue ?? "");
  if (node.nodeType !== 1) return "";
  const element = node as Element;
  const name = element.localName;
  const attributes = Array.from(element.attributes)
    .map((attribute) => ` ${attribute.name}="${escapeAttribute(attribute.value)}"`)
    .join("");
  const children = Array.from(element.childNodes).map(serializeXml).join("");
  return children ? `<${name}${attributes}>${children}</${name}>` : `<${name}${attributes}/>`;
}
