// `npm run bench:scale`: how validation, derivation and the support chart scale with the number of polls.
// A report, not a test: it prints a table and writes bench/scale.json; nothing here fails on a slow machine.
import {cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {availableParallelism, cpus, loadavg, tmpdir} from "node:os";
import {join} from "node:path";
import {performance} from "node:perf_hooks";
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import {parseHTML} from "linkedom";
import {checkData, loadTables, type Tables} from "../loaders/dataset.ts";
import {buildDatasets, buildPolls} from "../loaders/datasets.ts";
import {supportTimeline} from "../src/components/charts/opinion.ts";
import {analyseInvasion} from "../src/lib/invasion.ts";
import {syntheticPollsCsv, POLLS_PER_POLLSTER} from "./synthetic-polls.ts";

const SIZES = [10_000, 30_000, 100_000];
const CHART_POLLS = 10_000;
const RUNS = 3;
/** Targets from issue 6, for a 2-core machine. */
const TARGET_MS = {validateAndDerive100k: 2000, chart10k: 500};
/** Per-row time at the largest size over the smallest: near 1 is linear; n log n from sorting gives about 1.1 here. */
const LINEAR_LIMIT = 1.5;

const projectRoot = new URL("../", import.meta.url).pathname;

// A full collection before each timed run, so that no run pays for the garbage of the one before it
// (otherwise the order of the measurements, not the code, decides much of the figure at 100,000 rows).
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/**
 * Median of RUNS timed calls after one untimed warm-up (JIT compilation, caches), and the last result.
 * Wall time is what a reader waits; CPU time (this process, all its threads) is kept too, because on a
 * shared machine other processes stretch the wall time but not the work done.
 */
function measure<T>(run: () => T): {ms: number; cpuMs: number; result: T} {
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    result = undefined; // the previous result is garbage before the collection, as it would be in a fresh process
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    result = run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return {ms: median(wall), cpuMs: median(cpu), result: result as T};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A copy of data/ whose polls.csv holds `count` synthetic polls; checked to be valid before anything is timed. */
function syntheticDataDir(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "kosovo-bench-"));
  cpSync(join(projectRoot, "data"), dir, {recursive: true});
  writeFileSync(join(dir, "polls.csv"), syntheticPollsCsv(count));
  const {issues, tables} = checkData(dir);
  if (issues.length > 0 || tables.polls.length !== count) throw new Error(`synthetic data for ${count} polls is not valid: ${JSON.stringify(issues.slice(0, 3))}`);
  return dir;
}

interface SizeResult {
  rows: number;
  validateMs: number;
  buildPollsMs: number;
  analyseInvasionMs: number;
  totalMs: number;
  totalCpuMs: number;
  usPerRow: {validate: number; buildPolls: number; analyseInvasion: number; total: number};
}

function benchSize(rows: number): {figures: SizeResult; tables: Tables} {
  const dir = syntheticDataDir(rows);
  try {
    const validate = measure(() => checkData(dir));
    const tables = validate.result.tables;
    const polls = measure(() => buildPolls(tables));
    const invasion = measure(() => analyseInvasion(polls.result));
    if (invasion.result.likeForLike === null) throw new Error("the synthetic polls should yield a like-for-like pair");
    const totalMs = validate.ms + polls.ms + invasion.ms;
    const perRow = (ms: number) => round((ms * 1000) / rows, 3);
    return {
      tables,
      figures: {
        rows,
        validateMs: round(validate.ms),
        buildPollsMs: round(polls.ms),
        analyseInvasionMs: round(invasion.ms),
        totalMs: round(totalMs),
        totalCpuMs: round(validate.cpuMs + polls.cpuMs + invasion.cpuMs),
        usPerRow: {validate: perRow(validate.ms), buildPolls: perRow(polls.ms), analyseInvasion: perRow(invasion.ms), total: perRow(totalMs)}
      }
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

function benchChart(tables: Tables) {
  // The shipped datasets, with the polls replaced: the chart reads nothing else that grows with the polls.
  const data = {...buildDatasets(loadTables()), polls: buildPolls(tables)};
  if (data.polls.length !== CHART_POLLS) throw new Error(`expected ${CHART_POLLS} polls for the chart, got ${data.polls.length}`);
  const {document} = parseHTML("<!doctype html><html><body></body></html>");
  const render = measure(() => supportTimeline.plot(data, {width: 960, document: document as unknown as Document}));
  // Proof that the figure drew every poll: one dot each.
  const dots = render.result.querySelectorAll("circle").length;
  if (dots !== CHART_POLLS) throw new Error(`the chart drew ${dots} dots for ${CHART_POLLS} polls`);
  return {polls: CHART_POLLS, renderMs: round(render.ms), renderCpuMs: round(render.cpuMs), usPerPoll: round((render.ms * 1000) / CHART_POLLS, 3), dots};
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function main(): void {
  const loadBefore = loadavg()[0];
  const sizes: SizeResult[] = [];
  let chartTables: Tables | null = null;
  for (const rows of SIZES) {
    const {figures, tables} = benchSize(rows);
    sizes.push(figures);
    // The chart's polls are those of the matching size, so they are generated and validated only once.
    if (rows === CHART_POLLS) chartTables = tables;
    console.error(`  measured ${rows.toLocaleString("en")} polls`);
  }
  if (!chartTables) throw new Error("no tables for the chart");
  const chart = benchChart(chartTables);

  const smallest = sizes[0];
  const largest = sizes[sizes.length - 1];
  const ratio = (key: keyof SizeResult["usPerRow"]) => round(largest.usPerRow[key] / smallest.usPerRow[key], 2);
  const linearity = {validate: ratio("validate"), buildPolls: ratio("buildPolls"), analyseInvasion: ratio("analyseInvasion"), total: ratio("total")};
  const largestTotal = largest.totalMs;

  const report = {
    measuredAt: new Date().toISOString(),
    machine: {node: process.version, cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? "unknown", loadAverage1m: {before: round(loadBefore, 2), after: round(loadavg()[0], 2)}},
    method: `median of ${RUNS} runs after one warm-up, a full garbage collection before each; synthetic valid polls, ${POLLS_PER_POLLSTER} per pollster`,
    sizes,
    linearity: {...linearity, meaning: `µs per row at ${largest.rows} rows ÷ µs per row at ${smallest.rows}; 1 is linear`, limit: LINEAR_LIMIT},
    chart,
    targets: {
      validateAndDerive100k: {targetMs: TARGET_MS.validateAndDerive100k, measuredMs: largestTotal, met: largestTotal < TARGET_MS.validateAndDerive100k},
      chart10k: {targetMs: TARGET_MS.chart10k, measuredMs: chart.renderMs, met: chart.renderMs < TARGET_MS.chart10k}
    }
  };

  const pad = (value: string | number, width: number) => String(value).padStart(width);
  console.log(`\nScale (${report.method}; Node ${process.version}, ${report.machine.cpus} CPUs)\n`);
  console.log(`${pad("polls", 8)} ${pad("checkData ms", 13)} ${pad("buildPolls ms", 14)} ${pad("analyse ms", 11)} ${pad("total ms", 9)} ${pad("µs/row", 7)} ${pad("CPU ms", 8)}`);
  for (const s of sizes) {
    console.log(`${pad(s.rows, 8)} ${pad(s.validateMs, 13)} ${pad(s.buildPollsMs, 14)} ${pad(s.analyseInvasionMs, 11)} ${pad(s.totalMs, 9)} ${pad(s.usPerRow.total, 7)} ${pad(s.totalCpuMs, 8)}`);
  }
  console.log(`\nper-row time, ${largest.rows} vs ${smallest.rows} rows: checkData ×${linearity.validate}, buildPolls ×${linearity.buildPolls}, analyseInvasion ×${linearity.analyseInvasion}, total ×${linearity.total} (1 = linear)`);
  console.log(`support chart, ${chart.polls} polls: ${chart.renderMs} ms, CPU ${chart.renderCpuMs} ms (${chart.dots} dots)`);
  for (const [name, target] of Object.entries(report.targets)) {
    console.log(`target ${name}: ${target.measuredMs} ms ${target.met ? "<" : "≥"} ${target.targetMs} ms — ${target.met ? "met" : "NOT met"}`);
  }
  const superlinear = Object.entries(linearity).filter(([, value]) => value > LINEAR_LIMIT);
  const load = report.machine.loadAverage1m;
  if (Math.max(load.before, load.after) > report.machine.cpus) {
    console.log(`the machine was busy (load average ${load.before} before, ${load.after} after, on ${report.machine.cpus} CPUs): wall times are inflated; see the CPU column`);
  }
  if (superlinear.length > 0) console.log(`superlinear (per-row time grew more than ×${LINEAR_LIMIT}): ${superlinear.map(([name]) => name).join(", ")}`);

  mkdirSync(join(projectRoot, "bench"), {recursive: true});
  writeFileSync(join(projectRoot, "bench/scale.json"), JSON.stringify(report, null, 2) + "\n");
  console.log("\nwritten to bench/scale.json");
}

main();
