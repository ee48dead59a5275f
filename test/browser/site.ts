// Builds the site once for all browser tests, into a temporary folder (never a possibly stale or busy dist/).
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {projectRoot} from "../helpers.ts";
import {browserUnavailable} from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built site's folder, or "" when the browser tests cannot run here. */
    siteDir: string;
  }
}

/** `observable build` of the current sources into `outDir`, through a config that only changes the output folder. */
export function buildSite(outDir: string): void {
  const configFile = join(outDir, "..", "observablehq.test.config.ts");
  writeFileSync(configFile, `import config from ${JSON.stringify(join(projectRoot, "observablehq.config.ts"))};\nexport default {...config, output: ${JSON.stringify(outDir)}};\n`);
  const cli = join(projectRoot, "node_modules/@observablehq/framework/dist/bin/observable.js");
  // --import tsx: Framework loads a TypeScript config by itself only when it is the default one.
  const result = spawnSync(process.execPath, ["--import", "tsx", cli, "build", "--config", configFile], {
    cwd: projectRoot,
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"},
    encoding: "utf8"
  });
  if (result.status !== 0) throw new Error(`the site did not build:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
}

/** vitest globalSetup: one build shared by every browser test file. */
export default function setup(project: TestProject): () => void {
  if (browserUnavailable()) {
    project.provide("siteDir", "");
    return () => {};
  }
  const workDir = mkdtempSync(join(tmpdir(), "kosovo-site-"));
  const siteDir = join(workDir, "dist");
  buildSite(siteDir);
  project.provide("siteDir", siteDir);
  return () => rmSync(workDir, {recursive: true, force: true});
}
