// `npm run build`: validates the data, then builds the site (observable build, then scripts/postbuild.ts) into
// dist.tmp/ beside dist/ and swaps it in only once it is complete. A failed build (bad data, a broken page) leaves the
// last good dist/ in place, and bad data stops the build with the message `npm run validate` prints.
import {existsSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {buildSite, projectRoot} from "./build-site.ts";
import {clearLoaderCache} from "./clean-cache.ts";
import {printValidationReport} from "./validate.ts";

/** Builds into `outDir`; returns false, with `outDir` untouched, when the data do not validate or the build fails. */
export function buildInto(outDir: string): boolean {
  // Before Framework: its loaders would fail on the same data with a stack trace and "please file an issue".
  if (!printValidationReport()) {
    console.error(`\nThe site was not built; ${outDir} is unchanged.`);
    return false;
  }
  clearLoaderCache();
  const next = `${outDir}.tmp`;
  const previous = `${outDir}.old`;
  rmSync(next, {recursive: true, force: true});
  try {
    buildSite(next, {verbose: true});
  } catch (error) {
    rmSync(next, {recursive: true, force: true});
    console.error(error instanceof Error ? error.message : String(error));
    console.error(`\nThe site was not built; ${outDir} is unchanged.`);
    return false;
  }
  // Two renames: a reader of dist/ sees the old site or the new one, never half of either.
  rmSync(previous, {recursive: true, force: true});
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(next, outDir);
  rmSync(previous, {recursive: true, force: true});
  console.log(`Built ${outDir}.`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!buildInto(join(projectRoot, "dist"))) process.exit(1);
}
