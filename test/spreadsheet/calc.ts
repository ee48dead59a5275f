// LibreOffice Calc, headless, as an analyst's spreadsheet: opens CSV files with given import settings and saves them as CSV.
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, delimiter, join} from "node:path";
import {pathToFileURL} from "node:url";

/** SOFFICE_PATH, or soffice on the PATH (Debian's libreoffice-calc-nogui installs /usr/bin/soffice). */
export const sofficePath = process.env.SOFFICE_PATH ?? (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "soffice")).find((path) => existsSync(path)) ?? "soffice";

/** Why the spreadsheet tests cannot run here, or null when they can. In CI a missing Calc is a failure, not a skip. */
export function calcUnavailable(): string | null {
  if (existsSync(sofficePath)) return null;
  const reason = `LibreOffice not found (${sofficePath}; install Debian's libreoffice-calc-nogui, or set SOFFICE_PATH)`;
  if (process.env.CI === "true") throw new Error(`${reason}: required in CI`);
  return reason;
}

export interface CalcSetting {
  name: string;
  /** The import dialog's "Detect special numbers" (Excel always detects them). */
  detectSpecialNumbers: boolean;
  /** The import dialog's "Language" as a Windows language id; 0 is the user interface's (en-US here). */
  language?: number;
}

/**
 * Opens each file in Calc and saves it as CSV into a new folder (returned), as an analyst does: comma-separated,
 * UTF-8, formulas evaluated on opening and cells saved as shown, which are Calc's defaults.
 *
 * Import tokens (LibreOffice's CSV filter options, 1-based): 1 separator, 2 quote, 3 character set (76 = UTF-8),
 * 4 first line, 5 column formats (none), 6 language, 7 quoted field as text, 8 detect special numbers,
 * 11 trim spaces, 13 evaluate formulas (on when the token is left out, as in the dialog). Export: token 8 writes
 * numbers as numbers, 9 saves cell contents as shown.
 */
export function calcRoundTrip(files: string[], setting: CalcSetting): string {
  const outDir = mkdtempSync(join(tmpdir(), "kosovo-calc-out-"));
  // A private profile per run: two soffice processes sharing one profile wait for each other or fail.
  const profile = mkdtempSync(join(tmpdir(), "kosovo-calc-profile-"));
  try {
    const importOptions = `CSV:44,34,76,1,,${setting.language ?? 0},false,${setting.detectSpecialNumbers},false,false,false,-1,true`;
    const exportOptions = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";
    const result = spawnSync(
      sofficePath,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", `--infilter=${importOptions}`, "--convert-to", exportOptions, "--outdir", outDir, ...files],
      {encoding: "utf8", timeout: 120_000}
    );
    const missing = files.filter((file) => !existsSync(join(outDir, basename(file))));
    if (result.status !== 0 || missing.length > 0) {
      throw new Error(`soffice did not convert ${missing.join(", ") || "the files"} (status ${result.status}):\n${result.stdout}\n${result.stderr}${result.error ?? ""}`);
    }
    return outDir;
  } finally {
    rmSync(profile, {recursive: true, force: true});
  }
}
