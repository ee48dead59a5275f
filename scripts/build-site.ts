// Builds the site as `npm run build` does (observable build, then scripts/postbuild.ts) into any folder, optionally
// from a fresh copy of the sources so that nothing cached (loader output, bundled packages) is reused.
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {delimiter, join} from "node:path";
import {fileURLToPath} from "node:url";
import {resolveDataDir} from "../loaders/dataset.ts";
import {postbuild} from "./postbuild.ts";
import {sourceDate} from "./source-date.ts";

export const projectRoot = fileURLToPath(new URL("../", import.meta.url));

export interface BuildOptions {
  /**
   * Build from a copy of the sources in a temporary folder, with an empty Framework cache: a build from clean that
   * neither reads nor clears the cache under src/.observablehq, which other builds in this checkout may be using.
   */
  fresh?: boolean;
  /** Show Framework's progress as it builds (npm run build); otherwise only a failure's last lines are reported. */
  verbose?: boolean;
}

/** The files a build reads; node_modules is linked, not copied, and data/ is read in place through DATA_DIR. */
export function copySources(into: string): void {
  for (const entry of ["src", "loaders", "scripts", "i18n", "observablehq.config.ts", "package.json", "tsconfig.json"]) {
    cpSync(join(projectRoot, entry), join(into, entry), {recursive: true, filter: (source) => !source.includes(`${join("src", ".observablehq")}`)});
  }
  symlinkSync(join(projectRoot, "node_modules"), join(into, "node_modules"), "dir");
}

/** `observable build` of the sources in `sourceRoot` into `outDir`, through a config that only changes the output folder. */
function observableBuild(sourceRoot: string, outDir: string, configDir: string, env: NodeJS.ProcessEnv, verbose = false): void {
  // .mts: an ES module wherever it is written. As .ts in a folder without a package.json of type module, tsx would
  // load it, and through it Framework's config module, as CommonJS: a second copy of Framework's clock, left unset.
  const configFile = join(configDir, "observablehq.build.config.mts");
  writeFileSync(configFile, `import config from ${JSON.stringify(join(sourceRoot, "observablehq.config.ts"))};\nexport default {...config, output: ${JSON.stringify(outDir)}};\n`);
  const cli = join(projectRoot, "node_modules/@observablehq/framework/dist/bin/observable.js");
  // --import tsx: Framework loads a TypeScript config by itself only when it is the default one.
  const result = spawnSync(process.execPath, ["--import", "tsx", cli, "build", "--config", configFile], {
    cwd: sourceRoot,
    // Framework runs .ts loaders with `tsx` from PATH; npm scripts put node_modules/.bin there, a bare `node` does not.
    env: {...env, OBSERVABLE_TELEMETRY_DISABLE: "true", PATH: `${join(projectRoot, "node_modules/.bin")}${delimiter}${env.PATH ?? ""}`},
    encoding: "utf8",
    // Verbose: the progress as it goes; the error (stderr) is kept for the message.
    stdio: verbose ? ["inherit", "inherit", "pipe"] : "pipe"
  });
  if (result.status !== 0) throw new Error(`the site did not build:\n${verbose ? "" : `${result.stdout.slice(-2000)}\n`}${frameworkError(result.stderr).slice(-2000)}`);
}

/**
 * Framework's error text without its closing advice to report a bug in Framework: the errors a build here meets are
 * in the pages or the data (a missing import, a loader that fails), and the first lines say which.
 */
export function frameworkError(stderr: string): string {
  return stderr.replace(/\n*If you think this is a bug, please file an issue at\n\S* https:\/\/github\.com\/observablehq\/framework\/issues\n*/, "\n").trim();
}

/** Builds the current sources into `outDir` (which must not be dist/ while others may be serving it). */
export function buildSite(outDir: string, {fresh = false, verbose = false}: BuildOptions = {}): void {
  const work = mkdtempSync(join(tmpdir(), "kosovo-build-"));
  try {
    if (fresh) {
      copySources(work);
      // The copy's loaders would look for data/ beside themselves, and the copy is not a git checkout: give it the
      // data and the source date (observablehq.config.ts) of this checkout.
      const date = sourceDate();
      const env: NodeJS.ProcessEnv = {...process.env, DATA_DIR: resolveDataDir()};
      if (date && env.SOURCE_DATE_EPOCH === undefined) env.SOURCE_DATE_EPOCH = String(date.getTime() / 1000);
      observableBuild(work, outDir, work, env, verbose);
    } else {
      observableBuild(projectRoot, outDir, work, process.env, verbose);
    }
    postbuild(outDir);
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
}
