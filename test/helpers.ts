// Test helpers: throwaway copies of data/ to corrupt, and running the project's own commands.
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {spawnSync} from "node:child_process";
import {copySources} from "../scripts/build-site.ts";

export const projectRoot = new URL("../", import.meta.url).pathname;
export const dataDir = join(projectRoot, "data");
const tsx = join(projectRoot, "node_modules/.bin/tsx");

/** A copy of data/ in a temporary folder, with `edits` applied to its files' text. */
export function dataCopy(edits: Record<string, (text: string) => string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "kosovo-data-"));
  cpSync(dataDir, dir, {recursive: true});
  for (const [file, edit] of Object.entries(edits)) writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

/** Replaces one line (1-based) of a CSV text. */
export const replaceLine = (line: number, replacement: string) => (text: string) => {
  const lines = text.split("\n");
  lines[line - 1] = replacement;
  return lines.join("\n");
};

/** Replaces one cell, by line and column name, in a simple CSV whose target line has no quoted commas. */
export const replaceCell = (line: number, column: string, value: string) => (text: string) => {
  const lines = text.split("\n");
  const header = lines[0].split(",");
  const cells = lines[line - 1].split(",");
  cells[header.indexOf(column)] = value;
  lines[line - 1] = cells.join(",");
  return lines.join("\n");
};

export function runTsx(script: string, env: Record<string, string> = {}) {
  const result = spawnSync(tsx, [join(projectRoot, script)], {cwd: projectRoot, env: {...process.env, ...env}, encoding: "utf8"});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/**
 * A throwaway copy of the project's sources sharing its node_modules (give it data through DATA_DIR). Framework
 * caches loader output inside src/, so a test that runs Framework on other data must not run it in the real project:
 * the cache would serve that data to later builds (and to tests running alongside).
 */
export function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kosovo-project-"));
  copySources(dir);
  return dir;
}
