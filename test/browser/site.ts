// Builds the site once for all browser tests, into a temporary folder (never a possibly stale or busy dist/).
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {buildSite} from "../../scripts/build-site.ts";
import {browserUnavailable} from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built site's folder, or "" when the browser tests cannot run here. */
    siteDir: string;
  }
}

/** vitest globalSetup: one build shared by every browser test file. */
export default function setup(project: TestProject): () => void {
  if (browserUnavailable()) {
    project.provide("siteDir", "");
    return () => {};
  }
  const workDir = mkdtempSync(join(tmpdir(), "kosovo-site-"));
  const siteDir = join(workDir, "dist");
  // fresh: never serve loader output cached by an earlier run on other data (npm run dev, a DATA_DIR build).
  buildSite(siteDir, {fresh: true});
  project.provide("siteDir", siteDir);
  return () => rmSync(workDir, {recursive: true, force: true});
}
