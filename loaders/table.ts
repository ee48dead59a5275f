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
  const issues = [...csv.issues, ...headerIssues(file, csv.header, Object.keys(schema.shape))];
  if (csv.header.length > 0 && issues.length === 0 && csv.records.length === 0) {
    issues.push({file, line: 0, rule: "has a header but no data rows"});
  }
  if (issues.length > 0) return {file, rows: [], issues};

  const rows: Located<z.infer<S>>[] = [];
  for (const record of csv.records) {
    const parsed = schema.safeParse(record.values);
    if (parsed.success) rows.push({line: record.line, row: parsed.data});
    else for (const issue of parsed.error.issues) issues.push({file, line: record.line, column: String(issue.path[0]), rule: issue.message});
  }
  // Nothing half-valid gets through: a table with any bad row yields no rows at all.
  return {file, rows: issues.length > 0 ? [] : rows, issues};
}

function headerIssues(file: string, header: string[], expected: string[]): DataIssue[] {
  if (header.length === 0) return [];
  const issues: DataIssue[] = [];
  for (const column of expected) {
    if (!header.includes(column)) issues.push({file, line: 1, column, rule: "required column is missing from the header"});
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (!expected.includes(column)) issues.push({file, line: 1, column, rule: `unknown column (expected: ${expected.join(", ")})`});
    else if (seen.has(column)) issues.push({file, line: 1, column, rule: "column appears twice in the header"});
    seen.add(column);
  }
  return issues;
}
