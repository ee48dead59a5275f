// Reads one data table: CSV → header check → zod row schema, collecting every problem with its line and column.
import {join, relative} from "node:path";
import type {z} from "zod";
import {readCsv} from "./csv.ts";
import type {DataIssue} from "./issues.ts";

export interface Located<T> {
  line: number;
  row: T;
}

export interface ParsedTable<T> {
  file: string;
  /** The rows that passed their schema, even when other rows failed; see checkData for what is published. */
  rows: Located<T>[];
  issues: DataIssue[];
}

type RowSchema = z.ZodObject<Record<string, z.ZodType<unknown, string>>>;

export function parseTable<S extends RowSchema>(dataDir: string, fileName: string, schema: S): ParsedTable<z.infer<S>> {
  // Messages name the file as the analyst typed its folder: relative to where the command runs.
  const file = relative(process.cwd(), join(dataDir, fileName)) || fileName;
  let csv;
  try {
    csv = readCsv(join(dataDir, fileName), file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "the file is missing" : String(error);
    return {file, rows: [], issues: [{file, line: 0, rule: reason}]};
  }
  const header = headerIssues(file, csv.header, Object.keys(schema.shape));
  // Each row's field count is measured against the header; when the header itself is wrong, those counts only echo it.
  if (header.length > 0) return {file, rows: [], issues: header};
  const issues = [...csv.issues];
  if (csv.header.length > 0 && issues.length === 0 && csv.records.length === 0) {
    issues.push({file, line: 0, rule: "has a header but no data rows"});
  }

  const rows: Located<z.infer<S>>[] = [];
  for (const record of csv.records) {
    const parsed = schema.safeParse(record.values);
    if (parsed.success) rows.push({line: record.line, row: parsed.data});
    else for (const issue of parsed.error.issues) issues.push({file, line: record.line, column: String(issue.path[0]), rule: issue.message});
  }
  // The rows that passed are kept so that checkData can still find duplicates and bad references among them;
  // checkData, not this function, decides that a table with any problem yields no rows at all.
  return {file, rows, issues};
}

function headerIssues(file: string, header: string[], expected: string[]): DataIssue[] {
  if (header.length === 0) return [];
  const issues: DataIssue[] = [];
  for (const column of expected) {
    if (!header.includes(column)) issues.push({file, line: 1, column, rule: "required column is missing from the header"});
  }
  const seen = new Set<string>();
  for (const [index, column] of header.entries()) {
    // A spreadsheet's stray trailing comma makes a column with no name; it is named by its position.
    if (column === "") issues.push({file, line: 1, column: String(index + 1), rule: "the header has no name for this column (a stray comma?)"});
    else if (!expected.includes(column)) issues.push({file, line: 1, column, rule: `unknown column (expected: ${expected.join(", ")})`});
    else if (seen.has(column)) issues.push({file, line: 1, column, rule: "column appears twice in the header"});
    seen.add(column);
  }
  return issues;
}
