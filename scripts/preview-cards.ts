// Preview cards: what a chat, a social post or a search result shows for a link to the dashboard. Every chart gets a
// 1200×630 PNG (/charts/<chart-id>-card.png): its title large, over the chart as the export draws it
// (composeChartSvg, resvg, the export's fonts), in the light theme. Every built page, embeds included, gets its own
// description, `og:` and `twitter:` tags and a canonical link; its image is the card of the page's main chart (the
// first chart placeholder in it), or the overview's for a page without a chart. Tags that need an absolute address
// (canonical, og:url, og:image, twitter:image) need the site's public address, SITE_URL; without it they are left out.
// A card's words and a page's tags are in a language: the one given, or the page's own (its address's folder).
import {localizeDatasets} from "../src/components/localize.ts";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join, relative, sep} from "node:path";
import {Resvg} from "@resvg/resvg-js";
import {parseHTML} from "linkedom";
import type {ChartSpec, Datasets} from "../src/components/chart.ts";
import {useLanguageInNode} from "../loaders/messages.ts";
import {composeChartSvg, dashboardName, EXPORT_FONT_FAMILY, lightTheme, serializeXml} from "../src/components/export-svg.ts";
import {CHARTS_FOLDER} from "../src/components/methods.ts";
import {chartById, charts as registeredCharts} from "../src/components/registry.ts";
import {currentLanguage, languageInfo, languageOfPath, t, type Lang} from "../src/lib/i18n.ts";
import {exportDocument, resvgOptions, svgToPng} from "./export.ts";
import {filesIn} from "./files-in.ts";
import {escapeHtmlAttribute} from "./page-descriptions.ts";

/** The size Open Graph and X (Twitter) recommend for a large preview image. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Where the cards go in the built site, beside the stable chart files (scripts/chart-files.ts). */
export const cardPath = (id: string) => `${CHARTS_FOLDER}/${id}-card.png`;

/** A language's card of a chart: English's at cardPath(id), another language's under its folder ("sq/charts/…"). */
export const cardPathIn = (lang: Lang, id: string) => (languageInfo[lang].prefix ? `${languageInfo[lang].prefix}/${cardPath(id)}` : cardPath(id));

/** Runs `draw` with every message in `lang`, then returns to the language that was in use (if any). */
export function inLanguage<T>(lang: Lang, draw: () => T): T {
  let previous: Lang | undefined;
  try {
    previous = currentLanguage();
  } catch {
    previous = undefined;
  }
  if (previous === lang) return draw();
  useLanguageInNode(lang);
  try {
    return draw();
  } finally {
    if (previous) useLanguageInNode(previous);
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT_FAMILY = `${EXPORT_FONT_FAMILY}, sans-serif`;

/**
 * The card's frame. A card is mostly seen at a third to a half of its size (a chat's unfurl, a post), so the title is
 * set large: the largest of these sizes at which it fits in two lines, or the smallest in up to four (layoutCardTitle).
 */
const MARGIN = {side: 56, top: 44, bottom: 36};
const TITLE_SIZES = [48, 44, 40, 36, 32];
const TITLE_MAX_LINES = 2;
const TITLE_LINES_AT_MOST = 4;
const TITLE_LINE_HEIGHT = 1.2;
const TITLE_WEIGHT = 700;
/** Between the title's last line and the chart's content. */
const TITLE_GAP = 12;
/**
 * The chart is drawn at a width between these (the desktop layout, NARROW_CHART_WIDTH and up) and scaled to fit what
 * the title leaves: a chart's height hardly changes with its width, so a wide short space wants a wide drawing.
 */
const CHART_WIDTHS = {min: 560, max: 1040, probe: 720};

let measuringDocument: Document | undefined;

/**
 * How far one line of text inks to the right of where it starts, in the export's font, as resvg lays it out: wrapping by measurement rather than by
 * an average character width (export-svg.ts's wrapText), since at 48px an estimate's error is a clipped word.
 */
export function measureTextWidth(text: string, fontSize: number, fontWeight = 400): number {
  measuringDocument ??= exportDocument();
  const document = measuringDocument;
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("width", String(Math.ceil(fontSize * text.length + 2 * fontSize)));
  svg.setAttribute("height", String(Math.ceil(fontSize * 2)));
  const node = document.createElementNS(SVG_NS, "text");
  for (const [name, value] of Object.entries({x: fontSize, y: fontSize * 1.4, "font-size": fontSize, "font-weight": fontWeight, "font-family": FONT_FAMILY})) node.setAttribute(name, String(value));
  node.textContent = text;
  svg.append(node);
  // From the text's origin to its ink's right edge: the bounding box alone leaves out the first glyph's left side
  // bearing ("I" starts a few pixels right of its origin), which made a line fit that ran past the margin.
  const box = new Resvg(serializeXml(svg), resvgOptions()).getBBox();
  return box ? box.x + box.width - fontSize : 0;
}

/**
 * Greedy word wrap to a measured width; a word wider than a line gets a line of its own. With `maxLines`, it stops
 * once there are more lines than that (the last one then unfinished): enough to know the text does not fit.
 */
export function wrapToWidth(text: string, maxWidth: number, fontSize: number, fontWeight = 400, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measureTextWidth(candidate, fontSize, fontWeight) > maxWidth) {
      lines.push(line);
      if (lines.length > maxLines) return lines;
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface CardTitle {
  lines: string[];
  fontSize: number;
  lineHeight: number;
}

/**
 * The title at the largest size that fits TITLE_MAX_LINES lines of the card's width, or at the smallest size in up to
 * TITLE_LINES_AT_MOST lines, the last ending in "…" if the title is longer still (the card must keep room for its
 * chart; the page has the whole title).
 */
export function layoutCardTitle(title: string, width = CARD_WIDTH - 2 * MARGIN.side): CardTitle {
  for (const fontSize of TITLE_SIZES) {
    const smallest = fontSize === TITLE_SIZES[TITLE_SIZES.length - 1];
    const lines = wrapToWidth(title, width, fontSize, TITLE_WEIGHT, smallest ? TITLE_LINES_AT_MOST : TITLE_MAX_LINES);
    const lineHeight = Math.round(fontSize * TITLE_LINE_HEIGHT);
    if (lines.length <= TITLE_MAX_LINES) return {lines, fontSize, lineHeight};
    if (smallest) return {lines: shortenLines(lines, TITLE_LINES_AT_MOST, width, fontSize), fontSize, lineHeight};
  }
  throw new Error("no title sizes");
}

/** The first `count` lines, the last with as many words as fit beside an ellipsis, when there are more. */
function shortenLines(lines: string[], count: number, width: number, fontSize: number): string[] {
  if (lines.length <= count) return lines;
  const words = lines[count - 1].split(" ");
  while (words.length > 1 && measureTextWidth(`${words.join(" ")} …`, fontSize, TITLE_WEIGHT) > width) words.pop();
  return [...lines.slice(0, count - 1), `${words.join(" ")} …`];
}

/** Where the chart sits on the card: its drawing's CSS width, its composed size, and the scale and place it is drawn at. */
export interface CardChart {
  svg: string;
  drawnWidth: number;
  width: number;
  height: number;
  scale: number;
  x: number;
  y: number;
}

export interface CardLayout {
  title: CardTitle & {top: number};
  chart: CardChart;
  /** The card's drawing in two parts, each SVG markup in the card's coordinates: the chart, and the title over it. */
  parts: {chart: string; title: string};
  /** The card as one SVG file, CARD_WIDTH × CARD_HEIGHT. */
  svg: string;
}

/** The chart without its title (the card sets it large) or subtitle (the page's description carries it). */
const chartBody = (spec: ChartSpec): ChartSpec => ({...spec, title: () => "", subtitle: () => ""});

/**
 * The chart composed at the width that lets it be drawn largest in the space under the title, scaled to fill it. The
 * composed chart has white padding of its own, which may lie over the card's margins: its content lines up with the
 * title, starts just under it and ends at the bottom margin at the latest.
 */
function fitChart(spec: ChartSpec, data: Datasets, document: Document, top: number): CardChart {
  const compose = (width: number) => ({drawnWidth: width, ...composeChartSvg(chartBody(spec), data, {width, document, theme: lightTheme})});
  const space = {width: CARD_WIDTH - 2 * MARGIN.side, height: CARD_HEIGHT - MARGIN.bottom - top};
  const probe = compose(CHART_WIDTHS.probe);
  const padding = (probe.width - CHART_WIDTHS.probe) / 2;
  // The drawing whose proportions match the space's, given the probe's height (which hardly depends on the width).
  const matching = Math.round((space.width * (probe.height - 2 * padding)) / space.height);
  const drawnWidth = Math.min(CHART_WIDTHS.max, Math.max(CHART_WIDTHS.min, matching));
  const chart = drawnWidth === CHART_WIDTHS.probe ? probe : compose(drawnWidth);
  const scale = Math.min(space.width / (chart.width - 2 * padding), space.height / (chart.height - 2 * padding));
  return {...chart, scale, x: MARGIN.side - padding * scale, y: top - padding * scale};
}

/** The card of one chart, laid out: its title large across the top, the chart scaled to fill the rest. */
export function layoutCard(spec: ChartSpec, data: Datasets, document: Document = exportDocument()): CardLayout {
  const titleText = spec.title(data);
  const title = {...layoutCardTitle(titleText), top: MARGIN.top};
  const chart = fitChart(spec, data, document, title.top + title.lines.length * title.lineHeight + TITLE_GAP);

  // The composed chart goes in as it is (a nested <svg> keeps its own viewBox), moved and scaled into its place; first,
  // so that its own white background, which may reach over the margin under the title, lies under the title.
  const chartSvg = chart.svg.replace(/^<\?xml[^>]*>\s*/, "").trim();
  const parts = {
    chart: `<g transform="translate(${round(chart.x)} ${round(chart.y)}) scale(${round(chart.scale, 10_000)})">${chartSvg}</g>`,
    title: title.lines
      .map((line, index) => {
        const text = document.createElementNS(SVG_NS, "text");
        // Baseline: the line box's top, half the leading, and the font's ascent (about 0.8 em in DejaVu Sans).
        const baseline = title.top + index * title.lineHeight + (title.lineHeight - title.fontSize) / 2 + title.fontSize * 0.8;
        for (const [name, value] of Object.entries({x: MARGIN.side, y: round(baseline), "font-size": title.fontSize, "font-weight": TITLE_WEIGHT, fill: lightTheme.foreground})) text.setAttribute(name, String(value));
        text.textContent = line; // text from data is set as text, never parsed as markup
        return serializeXml(text);
      })
      .join("")
  };
  return {title, chart, parts, svg: cardSvg(titleText, parts.chart + parts.title, document)};
}

/** A CARD_WIDTH × CARD_HEIGHT SVG file on the light theme's background, named by `name`, holding `content` (markup). */
export function cardSvg(name: string, content: string, document: Document = exportDocument()): string {
  const root = document.createElementNS(SVG_NS, "svg");
  const attributes = {xmlns: SVG_NS, width: CARD_WIDTH, height: CARD_HEIGHT, viewBox: `0 0 ${CARD_WIDTH} ${CARD_HEIGHT}`, "font-family": FONT_FAMILY};
  for (const [key, value] of Object.entries(attributes)) root.setAttribute(key, String(value));
  const accessibleName = document.createElementNS(SVG_NS, "title");
  accessibleName.textContent = name;
  const background = document.createElementNS(SVG_NS, "rect");
  for (const [key, value] of Object.entries({width: CARD_WIDTH, height: CARD_HEIGHT, fill: lightTheme.background})) background.setAttribute(key, String(value));
  root.append(accessibleName, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root).replace(/<\/svg>$/, () => `${content}</svg>`)}\n`;
}

const round = (value: number, precision = 100) => Math.round(value * precision) / precision;

/** The card of one chart as PNG bytes, CARD_WIDTH × CARD_HEIGHT, in `lang` (the current language unless given). */
export function renderPreviewCard(spec: ChartSpec, data: Datasets, document: Document = exportDocument(), lang?: Lang): Buffer {
  return lang ? inLanguage(lang, () => svgToPng(layoutCard(spec, data, document).svg, 1)) : svgToPng(layoutCard(spec, data, document).svg, 1);
}

/**
 * Writes every chart's card into the built site, in `lang` (English unless given), at cardPathIn(lang, id). English's
 * folder exists (the stable chart files are in it); another language's is made.
 */
export function writePreviewCards(outDir: string, data: Datasets, charts: ChartSpec[] = registeredCharts, lang: Lang = "en"): void {
  const document = exportDocument();
  inLanguage(lang, () => {
    for (const spec of charts) {
      const file = join(outDir, cardPathIn(lang, spec.id));
      if (lang !== "en") mkdirSync(dirname(file), {recursive: true});
      writeFileSync(file, renderPreviewCard(spec, data, document));
    }
  });
}

/** What one page's preview says: its title, its description, its address and its card. */
export interface PagePreview {
  /** The page's path in the site, relative to the site's root: "" for the overview, "opinion", "embed/<chart-id>". */
  path: string;
  title: string;
  description: string;
  /** The description was not in the page's head and must be added (an embed). */
  addDescription: boolean;
  chartId: string;
  imageAlt: string;
  /** The card's path in the site, when not English's (cardPath(chartId)): the page's language's own card. */
  imagePath?: string;
}

/** X (Twitter) reads at most this many characters of an image's alternative text. */
export const MAX_ALT_LENGTH = 420;

/** A card's alternative text: the chart's title, then the sentence describing the chart when both fit MAX_ALT_LENGTH. */
export function cardAlt(chart: ChartSpec, data: Datasets): string {
  const title = t("ui.card.alt", {title: chart.title(data)});
  const full = `${title} ${chart.description(data)}`;
  return full.length <= MAX_ALT_LENGTH ? full : title;
}

/** The first chart placeholder of a built page (filled or not): the page's main chart. */
export function mainChartId(html: string): string | null {
  return /<div class="chart-slot" data-chart="([a-z0-9-]+)">/.exec(html)?.[1] ?? null;
}

/** A built page's path in the site: "index.html" → "", "opinion.html" → "opinion", "embed/x.html" → "embed/x". */
export function pagePath(outDir: string, file: string): string {
  return relative(outDir, file)
    .split(sep)
    .join("/")
    .replace(/\.html$/, "")
    .replace(/(^|\/)index$/, "$1");
}

/**
 * What a built page's preview says. The title is the page's own <title>; the description its own meta description
 * (observablehq.config.ts), or for a page without one (an embed) its main chart's subtitle, or title without one.
 */
export function pagePreview(html: string, path: string, data: Datasets, fallbackChartId: string): PagePreview {
  const {document} = parseHTML(html);
  const title = document.querySelector("title")?.textContent?.trim();
  if (!title) throw new Error(`${path || "/"}: a page without a <title> has nothing to preview`);
  const chartId = mainChartId(html) ?? fallbackChartId;
  const chart = chartById(chartId);
  const own = document.querySelector('meta[name="description"]')?.getAttribute("content")?.trim();
  const description = own || chart.subtitle(data).trim() || chart.title(data);
  return {path, title, description, addDescription: !own, chartId, imageAlt: cardAlt(chart, data)};
}

/** The tags of one page's preview; those that need an absolute address only with the site's address. */
export function previewTags(preview: PagePreview, siteUrl: string | null): string {
  const meta = (key: "name" | "property", name: string, content: string | number) => `<meta ${key}="${name}" content="${escapeHtmlAttribute(String(content))}">`;
  const url = siteUrl === null ? null : new URL(preview.path, siteUrl).href;
  const image = siteUrl === null ? null : new URL(preview.imagePath ?? cardPath(preview.chartId), siteUrl).href;
  const tags = [
    preview.addDescription ? meta("name", "description", preview.description) : null,
    url ? `<link rel="canonical" href="${escapeHtmlAttribute(url)}">` : null,
    meta("property", "og:type", "website"),
    meta("property", "og:site_name", dashboardName()),
    meta("property", "og:title", preview.title),
    meta("property", "og:description", preview.description),
    url ? meta("property", "og:url", url) : null,
    ...(image
      ? [meta("property", "og:image", image), meta("property", "og:image:type", "image/png"), meta("property", "og:image:width", CARD_WIDTH), meta("property", "og:image:height", CARD_HEIGHT), meta("property", "og:image:alt", preview.imageAlt)]
      : []),
    meta("name", "twitter:card", "summary_large_image"),
    meta("name", "twitter:title", preview.title),
    meta("name", "twitter:description", preview.description),
    ...(image ? [meta("name", "twitter:image", image), meta("name", "twitter:image:alt", preview.imageAlt)] : [])
  ];
  return tags.filter((tag) => tag !== null).join("\n");
}

/** The page with its preview tags at the end of its head. */
export function addPreviewTags(html: string, tags: string, path = "page"): string {
  if (html.split("</head>").length !== 2) throw new Error(`${path || "/"}: expected one </head> to put the preview tags in`);
  return html.replace("</head>", () => `${tags}\n</head>`);
}

/** The line the build prints, once, when it does not know the site's address. */
export const NO_SITE_URL_MESSAGE = "SITE_URL is not set: the pages have no canonical link, og:url, og:image or twitter:image, which need the site's public address.";

/**
 * Adds its preview tags to every built page but the 404 page (served at whatever address was not found, it is no
 * page to link to or preview), in the page's language, with that language's card where the build wrote one
 * (writePreviewCards) and English's otherwise. A page without a chart previews the overview's main chart.
 */
export function tagPages(outDir: string, data: Datasets, siteUrl: string | null): void {
  const overviewChart = mainChartId(readFileSync(join(outDir, "index.html"), "utf8"));
  if (!overviewChart) throw new Error("index.html: the overview has no chart, and pages without one preview the overview's");
  for (const file of filesIn(outDir, /\.html$/)) {
    const path = pagePath(outDir, file);
    const lang = languageOfPath(`/${path}`);
    const prefix = languageInfo[lang].prefix;
    if ((prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : path) === "404") continue;
    const html = readFileSync(file, "utf8");
    const tags = inLanguage(lang, () => {
      // An embed is described by its chart's subtitle: drawn from the datasets as the page's readers see them.
      const preview = pagePreview(html, path, localizeDatasets(data), overviewChart);
      const card = cardPathIn(lang, preview.chartId);
      return previewTags(lang !== "en" && existsSync(join(outDir, card)) ? {...preview, imagePath: card} : preview, siteUrl);
    });
    writeFileSync(file, addPreviewTags(html, tags, path));
  }
  if (siteUrl === null) console.warn(NO_SITE_URL_MESSAGE);
}
