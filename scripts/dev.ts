// `npm run dev`: Framework's preview server, plus a watch on data/ so an edited CSV shows up in the open page.
// Framework alone does not notice: it keeps a loader's cached output while it is newer than the loader file.
import {spawn} from "node:child_process";
import {readdirSync, utimesSync, watch} from "node:fs";
import {fileURLToPath} from "node:url";
import {checkData, resolveDataDir} from "../loaders/dataset.ts";
import {formatIssue} from "../loaders/issues.ts";
import {SHOW_ERRORS_IN_PAGE} from "../loaders/emit.ts";
import {clearLoaderCache} from "./clean-cache.ts";

const loadersDir = fileURLToPath(new URL("../src/data/", import.meta.url));
const dataDir = resolveDataDir();

function reportValidation(): void {
  const {issues} = checkData(dataDir);
  if (issues.length === 0) console.log("[data] valid; pages reload with the new data");
  else for (const issue of issues) console.error(`[data] ${formatIssue(issue)}`);
}

/** Makes every data loader look changed, so Framework reruns it and pushes the new output to open pages. */
function refreshLoaders(): void {
  clearLoaderCache();
  const now = new Date();
  for (const file of readdirSync(loadersDir)) if (file.endsWith(".ts")) utimesSync(new URL(file, `file://${loadersDir}`), now, now);
}

let pending: NodeJS.Timeout | undefined;
watch(dataDir, () => {
  clearTimeout(pending);
  pending = setTimeout(() => {
    reportValidation();
    refreshLoaders();
  }, 200);
});

clearLoaderCache();
reportValidation();
const preview = spawn("observable", ["preview", ...process.argv.slice(2)], {stdio: "inherit", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", [SHOW_ERRORS_IN_PAGE]: "1"}});
preview.on("exit", (code) => process.exit(code ?? 0));
