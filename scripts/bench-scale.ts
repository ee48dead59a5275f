// `npm run bench:scale`: how validation, derivation and the support chart scale with the number of polls.
// A report, not a test: it prints a table and writes bench/scale.json; nothing here fails on a slow machine.
import {cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {availableParallelism, cpus, loadavg, tmpdir} from "node:os";
import {join} from "node:path";
import {performance} from "node:perf_hooks";
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import {parseHTML} from "linkedom";
import {median} from "simple-statistics";
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
/**
 * Per-row time at the largest size over the smallest: 1 is linear, and a step that is quadratic in the rows
 * would show ×10. Up to about ×1.6 comes from the heap itself: at 100,000 rows the objects outgrow the young
 * generation and the caches, so each costs more to allocate, promote and reach.
 */
const LINEAR_LIMIT = 2;

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

/** A copy of data/ whose polls.csv holds `count` synthetic polls; checked to be valid before anything is timed. */
function syntheticDataDir(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "kosovo-bench-"));
  cpSync(join(projectRoot, "data"), dir, {recursive: true});
  writeFileSync(join(dir, "polls.csv"), syntheticPollsCsv(count));
  const {issues, tables} = checkData(dir);
  if (issues.length > 0 || tables.polls.length !== count) throw new Error(`synthetic data for ${count} polls is not valid: ${JSON.stringify(issues.slice(0, 3))}`);
  return dir;
}

const phases = ["validate", "buildPolls", "analyseInvasion", "total"] as const;
type Phase = (typeof phases)[number];
type PerPhase = Record<Phase, number>;

interface SizeResult {
  rows: number;
  /** Median wall time of each step, ms. */
  wallMs: PerPhase;
  /** Median CPU time of each step (this process, all threads), ms. */
  cpuMs: PerPhase;
  /** Wall time per row, µs: flat across sizes when a step is linear. */
  wallUsPerRow: PerPhase;
  cpuUsPerRow: PerPhase;
}

function benchSize(rows: number): {figures: SizeResult; tables: Tables} {
  const dir = syntheticDataDir(rows);
  try {
    const validate = measure(() => checkData(dir));
    const tables = validate.result.tables;
    const polls = measure(() => buildPolls(tables));
    const invasion = measure(() => analyseInvasion(polls.result));
    if (invasion.result.likeForLike === null) throw new Error("the synthetic polls should yield a like-for-like pair");
    const per = (pick: (step: {ms: number; cpuMs: number}) => number, scale: (ms: number) => number): PerPhase => ({
      validate: scale(pick(validate)),
      buildPolls: scale(pick(polls)),
      analyseInvasion: scale(pick(invasion)),
      total: scale(pick(validate) + pick(polls) + pick(invasion))
    });
    const ms = (value: number) => round(value);
    const usPerRow = (value: number) => round((value * 1000) / rows, 3);
    return {
      tables,
      figures: {
        rows,
        wallMs: per((step) => step.ms, ms),
        cpuMs: per((step) => step.cpuMs, ms),
        wallUsPerRow: per((step) => step.ms, usPerRow),
        cpuUsPerRow: per((step) => step.cpuMs, usPerRow)
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
  const ratios = (key: "wallUsPerRow" | "cpuUsPerRow") =>
    Object.fromEntries(phases.map((phase) => [phase, round(largest[key][phase] / smallest[key][phase], 2)])) as PerPhase;
  const linearity = {wall: ratios("wallUsPerRow"), cpu: ratios("cpuUsPerRow")};
  // Superlinear only if both clocks say so: other processes stretch the wall time, parallel GC threads the CPU time.
  const superlinear = phases.filter((phase) => Math.min(linearity.wall[phase], linearity.cpu[phase]) > LINEAR_LIMIT);
  const largestTotal = largest.wallMs.total;

  const report = {
    measuredAt: new Date().toISOString(),
    machine: {node: process.version, cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? "unknown", loadAverage1m: {before: round(loadBefore, 2), after: round(loadavg()[0], 2)}},
    method: `median of ${RUNS} runs after one warm-up, a full garbage collection before each; synthetic valid polls, ${POLLS_PER_POLLSTER} per pollster`,
    sizes,
    linearity: {...linearity, meaning: `µs per row at ${largest.rows} rows ÷ µs per row at ${smallest.rows}; 1 is linear`, limit: LINEAR_LIMIT, superlinear},
    chart,
    targets: {
      validateAndDerive100k: {targetMs: TARGET_MS.validateAndDerive100k, measuredMs: largestTotal, met: largestTotal < TARGET_MS.validateAndDerive100k},
      chart10k: {targetMs: TARGET_MS.chart10k, measuredMs: chart.renderMs, met: chart.renderMs < TARGET_MS.chart10k}
    }
  };

  const pad = (value: string | number, width: number) => String(value).padStart(width);
  const row = (cells: (string | number)[]) => cells.map((cell, i) => pad(cell, i === 0 ? 8 : 12)).join(" ");
  console.log(`\nScale (${report.method}; Node ${process.version}, ${report.machine.cpus} CPUs)\n`);
  console.log(row(["polls", "checkData ms", "buildPolls", "analyse", "total ms", "µs/row", "CPU ms", "CPU µs/row"]));
  for (const s of sizes) {
    console.log(row([s.rows, s.wallMs.validate, s.wallMs.buildPolls, s.wallMs.analyseInvasion, s.wallMs.total, s.wallUsPerRow.total, s.cpuMs.total, s.cpuUsPerRow.total]));
  }
  const show = (values: PerPhase) => `checkData ×${values.validate}, buildPolls ×${values.buildPolls}, analyseInvasion ×${values.analyseInvasion}, total ×${values.total}`;
  console.log(`\nper-row time, ${largest.rows} vs ${smallest.rows} rows (1 = linear)`);
  console.log(`  wall: ${show(linearity.wall)}`);
  console.log(`  CPU:  ${show(linearity.cpu)}`);
  console.log(`support chart, ${chart.polls} polls: ${chart.renderMs} ms, CPU ${chart.renderCpuMs} ms (${chart.dots} dots)`);
  for (const [name, target] of Object.entries(report.targets)) {
    console.log(`target ${name}: ${target.measuredMs} ms ${target.met ? "<" : "≥"} ${target.targetMs} ms — ${target.met ? "met" : "NOT met"}`);
  }
  const load = report.machine.loadAverage1m;
  if (Math.max(load.before, load.after) > report.machine.cpus) {
    console.log(`the machine was busy (load average ${load.before} before, ${load.after} after, on ${report.machine.cpus} CPUs): wall times are inflated; see the CPU figures`);
  }
  console.log(superlinear.length > 0 ? `superlinear (per-row time grew more than ×${LINEAR_LIMIT} on both clocks): ${superlinear.join(", ")}` : `no step superlinear (limit ×${LINEAR_LIMIT})`);

  mkdirSync(join(projectRoot, "bench"), {recursive: true});
  writeFileSync(join(projectRoot, "bench/scale.json"), JSON.stringify(report, null, 2) + "\n");
  console.log("\nwritten to bench/scale.json");
}

main();
