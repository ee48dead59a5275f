// `npm run export`: every chart in the registry, in every language, as exports/<lang>/<chart-id>.svg, .png (2×) and
// .csv, without a browser.
import {mkdirSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join, relative, resolve} from "node:path";
import {performance} from "node:perf_hooks";
import {pathToFileURL} from "node:url";
import {Resvg, type ResvgRenderOptions} from "@resvg/resvg-js";
import {parseHTML} from "linkedom";
import {buildDatasets} from "../loaders/datasets.ts";
import {loadTables} from "../loaders/dataset.ts";
import type {ChartSpec, Datasets} from "../src/components/chart.ts";
import {tableToCsv} from "../src/components/csv.ts";
import {PNG_SCALE} from "../src/components/export-menu.ts";
import {composeChartSvg, EXPORT_FONT_FAMILY, lightTheme, type ExportTheme} from "../src/components/export-svg.ts";
import {charts as registeredCharts} from "../src/components/registry.ts";
import {LANGUAGES} from "../src/lib/i18n.ts";
import {inEveryLanguage} from "../loaders/messages.ts";

/** The chart width of a desktop card; the export adds its margins. */
export const DEFAULT_EXPORT_WIDTH = 720;

const require = createRequire(import.meta.url);

/** DejaVu from node_modules, so a machine with no fonts installed still renders every label (ë, č, −, ◇, △, □). */
export const exportFontFiles = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"].map((file) => require.resolve(file));

export interface ExportOptions {
  outDir: string;
  /** Defaults to the datasets built from data/ (or DATA_DIR), as the pages see them. */
  data?: Datasets;
  charts?: ChartSpec[];
  width?: number;
  theme?: ExportTheme;
}

export interface ExportedChart {
  id: string;
  files: {svg: string; png: string; csv: string};
  /** Size of the SVG in CSS pixels; the PNG is PNG_SCALE times this. */
  width: number;
  height: number;
  milliseconds: number;
}

/**
 * resvg's options for the export: the bundled fonts and no system fonts, so the output is the same on any machine.
 * Shared by the preview cards (scripts/preview-cards.ts), which also measure their text with it.
 */
export function resvgOptions(scale = 1): ResvgRenderOptions {
  return {
    fitTo: {mode: "zoom", value: scale},
    font: {fontFiles: exportFontFiles, loadSystemFonts: false, defaultFontFamily: EXPORT_FONT_FAMILY, sansSerifFamily: EXPORT_FONT_FAMILY},
    logLevel: "off"
  };
}

/** PNG bytes of an SVG at PNG_SCALE, with the bundled font and no system fonts (the output is the same on any machine). */
export function svgToPng(svg: string, scale = PNG_SCALE): Buffer {
  return new Resvg(svg, resvgOptions(scale)).render().asPng();
}

/** A linkedom document to draw charts in, in Node. */
export function exportDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
}

/** One chart's three files, in memory: the standalone SVG, its PNG at PNG_SCALE, and its data table as CSV. */
export interface ChartFiles {
  svg: string;
  png: Buffer;
  csv: string;
  /** Size of the SVG in CSS pixels; the PNG is PNG_SCALE times this. */
  width: number;
  height: number;
}

/** The file name of each of a chart's files: `<chart-id>.svg`, `.png`, `.csv`. */
export const chartFileNames = (id: string) => ({svg: `${id}.svg`, png: `${id}.png`, csv: `${id}.csv`});

/** The bytes of a chart's three files, as `npm run export` writes them and the build publishes them under /charts/. */
export function renderChartFiles(spec: ChartSpec, data: Datasets, document: Document, {width = DEFAULT_EXPORT_WIDTH, theme = lightTheme}: {width?: number; theme?: ExportTheme} = {}): ChartFiles {
  const composed = composeChartSvg(spec, data, {width, document, theme});
  return {svg: composed.svg, png: svgToPng(composed.svg), csv: tableToCsv(spec.table(data)), width: composed.width, height: composed.height};
}

function exportChart(spec: ChartSpec, data: Datasets, document: Document, outDir: string, width: number, theme: ExportTheme): ExportedChart {
  const started = performance.now();
  const rendered = renderChartFiles(spec, data, document, {width, theme});
  const names = chartFileNames(spec.id);
  const files = {svg: join(outDir, names.svg), png: join(outDir, names.png), csv: join(outDir, names.csv)};
  writeFileSync(files.svg, rendered.svg);
  writeFileSync(files.png, rendered.png);
  writeFileSync(files.csv, rendered.csv);
  return {id: spec.id, files, width: rendered.width, height: rendered.height, milliseconds: performance.now() - started};
}

/** Writes the three files of every chart into outDir, using the same chart functions as the pages. */
export function exportCharts({outDir, data = buildDatasets(loadTables()), charts = registeredCharts, width = DEFAULT_EXPORT_WIDTH, theme = lightTheme}: ExportOptions): ExportedChart[] {
  mkdirSync(outDir, {recursive: true});
  const document = exportDocument();
  return charts.map((spec) => exportChart(spec, data, document, outDir, width, theme));
}

/** Every chart in every language, into outDir/<lang>/ (exports/en/, exports/sq/, exports/sr-latn/, exports/sr-cyrl/). */
export function exportChartsInEveryLanguage(outDir: string, data: Datasets = buildDatasets(loadTables())): ExportedChart[] {
  return inEveryLanguage(data, (lang, localized) => exportCharts({outDir: join(outDir, lang), data: localized})).flat();
}

function main(): void {
  const outDir = resolve(process.argv[2] ?? "exports");
  const exported = exportChartsInEveryLanguage(outDir);
  for (const chart of exported) console.log(`${relative(process.cwd(), chart.files.png).replace(/\.png$/, ".{svg,png,csv}")}  ${chart.width}×${chart.height}`);
  console.log(`${exported.length} charts (${registeredCharts.length} in each of ${LANGUAGES.length} languages) exported to ${relative(process.cwd(), outDir) || "."}/<language>/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
