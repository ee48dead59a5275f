// Runs a dataset builder for a Framework data loader: JSON (or raw text) on stdout, or every data problem on stderr and exit 1.
import {loadTables, type Tables} from "./dataset.ts";
import {DataValidationError} from "./issues.ts";

export function emitJson(build: (tables: Tables) => unknown, {raw = false} = {}): void {
  try {
    const output = build(loadTables());
    process.stdout.write(raw ? String(output) : JSON.stringify(output));
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
