// The chart contract shared by pages, the export command and the tests: one registry entry per chart.
import type {Datasets} from "../lib/contracts.js";
import {t, tn} from "../lib/i18n.js";
import {MS_PER_YEAR} from "../lib/stats.js";

export type {Datasets};

export type Cell = string | number | boolean | null;

/** The exact data behind a chart: shown as its table, exported as its CSV. */
export interface ChartTable {
  /** A column of years is written without a thousands separator (1949, not 1,949). */
  columns: {key: string; label: string; year?: boolean}[];
  rows: Record<string, Cell>[];
}

export interface RenderOptions {
  width: number;
  /** A DOM document; pages use the browser's, Node renders with linkedom. */
  document?: Document;
}

export interface ChartSpec {
  /** Stable id: file names of exports and anchors on pages (kebab-case, says what the chart shows). */
  id: string;
  title: (data: Datasets) => string;
  subtitle: (data: Datasets) => string;
  /** A sentence for screen readers describing what the chart shows. */
  description: (data: Datasets) => string;
  /** The ids of the sources the chart draws on; the source line names their publishers. */
  sourceIds: (data: Datasets) => string[];
  table: (data: Datasets) => ChartTable;
  plot: (data: Datasets, options: RenderOptions) => SVGSVGElement | HTMLElement;
}

/**
 * Below this width a chart takes its phone layout (shorter, fewer ticks, shorter labels), and so does its export;
 * src/style.css shows the build's narrow drawing under the same width.
 */
export const NARROW_CHART_WIDTH = 520;
export const isNarrow = (width: number) => width < NARROW_CHART_WIDTH;

/** The publishers a chart cites, each once, in order of first use, with the sources each name stands for. */
export function chartSources(data: Datasets, sourceIds: string[]): {name: string; sources: Datasets["sources"]}[] {
  const byId = new Map(data.sources.map((s) => [s.id, s]));
  const named = new Map<string, Datasets["sources"]>();
  for (const id of sourceIds) {
    const source = byId.get(id);
    if (!source) continue;
    const name = source.via ? t("chart-common.source.via", {publisher: source.publisher, via: source.via.publisher}) : source.publisher;
    const sources = named.get(name) ?? [];
    if (!sources.includes(source)) sources.push(source);
    named.set(name, sources);
  }
  return [...named].map(([name, sources]) => ({name, sources}));
}

/** "Source: IRI; KCSS (via Wikipedia)": publishers, each once, in order of first use. */
export function sourceLine(data: Datasets, sourceIds: string[]): string {
  const names = chartSources(data, sourceIds).map((entry) => entry.name);
  return tn("chart-common.source-line", names.length, {names: names.join("; ")});
}

/**
 * Items in time order, split into runs wherever consecutive items lie more than `maxYears` apart: the pieces a line
 * may join, since a line across years without a figure draws a path nobody measured. A run of one is a marker.
 */
export function splitAtGaps<T>(items: T[], timeOf: (item: T) => number, maxYears: number): T[][] {
  const runs: T[][] = [];
  for (const item of [...items].sort((a, b) => timeOf(a) - timeOf(b))) {
    const run = runs[runs.length - 1];
    if (run && timeOf(item) - timeOf(run[run.length - 1]) <= maxYears * MS_PER_YEAR) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Smallest and largest of many numbers; Math.min(...values) overflows the call stack past about 100,000 values. */
export function extentOf(values: Iterable<number>): [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}
