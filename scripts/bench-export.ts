// `npm run bench:export`: how long exporting every chart takes (median of 3 runs after a warm-up), per chart and in total.
import {mkdtempSync, rmSync} from "node:fs";
import {availableParallelism, cpus, tmpdir} from "node:os";
import {join} from "node:path";
import {performance} from "node:perf_hooks";
import {median} from "simple-statistics";
import {exportCharts} from "./export.ts";

const RUNS = 3;

/** One full export, data loading included, as `npm run export` does it. */
function timedRun(outDir: string): {total: number; perChart: Map<string, number>} {
  const started = performance.now();
  const exported = exportCharts({outDir});
  const total = performance.now() - started;
  return {total, perChart: new Map(exported.map((chart) => [chart.id, chart.milliseconds]))};
}

function main(): void {
  const outDir = mkdtempSync(join(tmpdir(), "kosovo-bench-export-"));
  try {
    // The warm-up pays for module loading and JIT once, so the runs measure the export itself.
    timedRun(outDir);
    const runs = Array.from({length: RUNS}, () => timedRun(outDir));
    const ids = [...runs[0].perChart.keys()];
    const idWidth = Math.max(...ids.map((id) => id.length), "chart".length);
    console.log(`${"chart".padEnd(idWidth)}  median ms (svg + png + csv)`);
    for (const id of ids) console.log(`${id.padEnd(idWidth)}  ${median(runs.map((run) => run.perChart.get(id)!)).toFixed(1).padStart(8)}`);
    console.log(`${"total (incl. loading data)".padEnd(idWidth)}  ${(median(runs.map((run) => run.total)) / 1000).toFixed(2).padStart(8)} s`);
    console.log(`median of ${RUNS} runs after a warm-up; ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}`);
  } finally {
    rmSync(outDir, {recursive: true, force: true});
  }
}

main();
