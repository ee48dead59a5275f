// `npm run export`: every chart in the registry as exports/<chart-id>.svg, .png (2×) and .csv, without a browser.
import {mkdirSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join, relative, resolve} from "node:path";
import {performance} from "node:perf_hooks";
import {pathToFileURL} from "node:url";
import {Resvg} from "@resvg/resvg-js";
import {parseHTML} from "linkedom";
import {buildDatasets} from "../loaders/datasets.ts";
import {loadTables} from "../loaders/dataset.ts";
import type {ChartSpec, Datasets} from "../src/components/chart.ts";
import {tableToCsv} from "../src/components/csv.ts";
import {PNG_SCALE} from "../src/components/export-menu.ts";
import {composeChartSvg, EXPORT_FONT_FAMILY, lightTheme, type ExportTheme} from "../src/components/export-svg.ts";
import {charts as registeredCharts} from "../src/components/registry.ts";

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

/** PNG bytes of an SVG at PNG_SCALE, with the bundled font and no system fonts (the output is the same on any machine). */
export function svgToPng(svg: string, scale = PNG_SCALE): Buffer {
  const renderer = new Resvg(svg, {
    fitTo: {mode: "zoom", value: scale},
    font: {fontFiles: exportFontFiles, loadSystemFonts: false, defaultFontFamily: EXPORT_FONT_FAMILY, sansSerifFamily: EXPORT_FONT_FAMILY},
    logLevel: "off"
  });
  return renderer.render().asPng();
}

function exportChart(spec: ChartSpec, data: Datasets, document: Document, outDir: string, width: number, theme: ExportTheme): ExportedChart {
  const started = performance.now();
  const composed = composeChartSvg(spec, data, {width, document, theme});
  const files = {svg: join(outDir, `${spec.id}.svg`), png: join(outDir, `${spec.id}.png`), csv: join(outDir, `${spec.id}.csv`)};
  writeFileSync(files.svg, composed.svg);
  writeFileSync(files.png, svgToPng(composed.svg));
  writeFileSync(files.csv, tableToCsv(spec.table(data)));
  return {id: spec.id, files, width: composed.width, height: composed.height, milliseconds: performance.now() - started};
}

/** Writes the three files of every chart into outDir, using the same chart functions as the pages. */
export function exportCharts({outDir, data = buildDatasets(loadTables()), charts = registeredCharts, width = DEFAULT_EXPORT_WIDTH, theme = lightTheme}: ExportOptions): ExportedChart[] {
  mkdirSync(outDir, {recursive: true});
  const {document} = parseHTML("<!doctype html><html><body></body></html>");
  return charts.map((spec) => exportChart(spec, data, document as unknown as Document, outDir, width, theme));
}

function main(): void {
  const outDir = resolve(process.argv[2] ?? "exports");
  const exported = exportCharts({outDir});
  for (const chart of exported) console.log(`${relative(process.cwd(), chart.files.png).replace(/\.png$/, ".{svg,png,csv}")}  ${chart.width}×${chart.height}`);
  console.log(`${exported.length} charts exported to ${relative(process.cwd(), outDir) || "."}/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
