// The date a build stamps on its files: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the
// time of the commit being built, so that two builds of one commit are byte-identical.
import {execFileSync} from "node:child_process";
import {fileURLToPath} from "node:url";

const projectRoot = fileURLToPath(new URL("../", import.meta.url));

/** The source date, or null outside a git checkout when SOURCE_DATE_EPOCH is not set. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | null {
  if (env.SOURCE_DATE_EPOCH !== undefined) {
    const seconds = Number(env.SOURCE_DATE_EPOCH);
    if (env.SOURCE_DATE_EPOCH.trim() === "" || !Number.isInteger(seconds) || seconds < 0) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(env.SOURCE_DATE_EPOCH)}`);
    return new Date(seconds * 1000);
  }
  try {
    const seconds = execFileSync("git", ["log", "-1", "--format=%ct"], {cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim();
    return /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1000) : null;
  } catch {
    return null;
  }
}

/**
 * The day the site's content was last changed, as YYYY-MM-DD (UTC): the source date, or for a build outside a git
 * checkout without SOURCE_DATE_EPOCH (already warned as not reproducible), the day it was built. Shown as "Last
 * updated" on every page and in "How to cite"; never typed by hand.
 */
export function lastUpdated(env: NodeJS.ProcessEnv = process.env): string {
  return (sourceDate(env) ?? new Date()).toISOString().slice(0, 10);
}
