// A chart's table as a CSV file that spreadsheets open safely: BOM for UTF-8, labels as headers, no formulas.
import {csvFormatRows} from "d3-dsv";
import type {Cell, ChartTable} from "./chart.js";

/** Excel and LibreOffice read a BOM-less CSV as the local code page, turning "Vučić" into "VuÄiÄ‡". */
export const UTF8_BOM = "\uFEFF";

/** Characters that make a spreadsheet treat a cell as a formula (or, for tab and CR, smuggle one in). */
const formulaStart = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet would evaluate, made inert with a leading apostrophe (OWASP's advice). */
export function neutraliseText(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** Numbers stay numbers (a negative number is data, not a formula); only text is neutralised. */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutraliseText(value);
}

/** The rows of the CSV, header first, before quoting: also what a round-trip test compares against. */
export function csvRows({columns, rows}: ChartTable): string[][] {
  const header = columns.map((column) => neutraliseText(column.label));
  return [header, ...rows.map((row) => columns.map((column) => csvCell(row[column.key] ?? null)))];
}

/** The whole file: BOM, then RFC 4180 quoting (d3-dsv quotes commas, quotes and line breaks). */
export function tableToCsv(table: ChartTable): string {
  return UTF8_BOM + csvFormatRows(csvRows(table)) + "\n";
}
