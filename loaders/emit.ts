// Runs a dataset builder for a Framework data loader: JSON (or raw text) on stdout, or every data problem on stderr and exit 1.
import {loadTables, type Tables} from "./dataset.ts";
import {DataValidationError} from "./issues.ts";

/**
 * Set by `npm run dev` only. A failing loader would leave the open page with a bare "unable to load file";
 * in preview the loader instead hands the validation message to the page, which shows it where the charts would be.
 * Builds never set it: there, bad data fails the build.
 */
export const SHOW_ERRORS_IN_PAGE = "KOSOVO_DATA_ERRORS_IN_PAGE";

export function emitJson(build: (tables: Tables) => unknown, {raw = false} = {}): void {
  try {
    const output = build(loadTables());
    process.stdout.write(raw ? String(output) : JSON.stringify(output));
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    if (process.env[SHOW_ERRORS_IN_PAGE] === "1") process.stdout.write(JSON.stringify({dataError: error.message}));
    else process.exit(1);
  }
}
