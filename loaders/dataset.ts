// Loads and checks the whole data directory: every table, then the rules that span rows and tables.
import {fileURLToPath} from "node:url";
import {resolve} from "node:path";
import {DataValidationError, type DataIssue} from "./issues.ts";
import {tables, type EventRow, type MemberRow, type PollRow, type SourceRow, type TroopRow} from "./schema.ts";
import {parseTable, type Located, type ParsedTable} from "./table.ts";
import {periodEnd, periodStart} from "./dates.ts";

/** Rounded poll tables rarely sum to exactly 100; beyond this the row is a typing error. */
export const SUM_TOLERANCE = 1.5;

export interface Tables {
  dataDir: string;
  sources: SourceRow[];
  polls: PollRow[];
  troops: TroopRow[];
  events: EventRow[];
  members: MemberRow[];
}

/** DATA_DIR when set (relative to the working directory), otherwise the project's data/. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR ? resolve(env.DATA_DIR) : fileURLToPath(new URL("../data/", import.meta.url));
}

/** Every problem in the data directory; an empty list means it is valid. */
export function checkData(dataDir: string): {tables: Tables; issues: DataIssue[]} {
  const sources = parseTable(dataDir, tables.sources.file, tables.sources.row);
  const polls = parseTable(dataDir, tables.polls.file, tables.polls.row);
  const troops = parseTable(dataDir, tables.troops.file, tables.troops.row);
  const events = parseTable(dataDir, tables.events.file, tables.events.row);
  const members = parseTable(dataDir, tables.members.file, tables.members.row);
  const all = [sources, polls, troops, events, members];
  // Lists are joined with flat(), never push(...list): spreading 200,000 problems into arguments overflows the stack.
  const groups: DataIssue[][] = all.map((table) => table.issues);

  // Run over the rows that passed their schema, so a bad row elsewhere in the file does not hide these.
  groups.push(duplicates(sources, "id", (s) => s.id), duplicates(polls, "id", (p) => p.id), duplicates(members, "country", (m) => m.country));
  groups.push(pollRowIssues(polls));
  // References can only be checked against a sources table that itself parsed.
  if (sources.issues.length === 0) {
    const known = new Set(sources.rows.map(({row}) => row.id));
    groups.push(unknownSources(polls, known), unknownSources(troops, known), unknownSources(events, known), unknownSources(members, known));
    groups.push(unknownSources(sources, known, "via"));
  }
  const issues = groups.flat();
  // Reported file by file in table order, then by line, as an analyst works through them.
  const order = new Map(all.map((table, index) => [table.file, index]));
  issues.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);

  // Nothing half-valid gets through: a table with any problem yields no rows, and since every table cites
  // sources.csv, a problem there (unparsed, a duplicate id that makes a citation ambiguous) withholds them all.
  const failed = new Set(issues.map((issue) => issue.file));
  const rowsOf = <T>(table: ParsedTable<T>) => (failed.has(table.file) || failed.has(sources.file) ? [] : table.rows.map(({row}) => row));
  return {
    tables: {dataDir, sources: rowsOf(sources), polls: rowsOf(polls), troops: rowsOf(troops), events: rowsOf(events), members: rowsOf(members)},
    issues
  };
}

/** The validated tables, or a DataValidationError listing every problem. */
export function loadTables(dataDir: string = resolveDataDir()): Tables {
  const {tables, issues} = checkData(dataDir);
  if (issues.length > 0) throw new DataValidationError(issues);
  return tables;
}

function duplicates<T>(table: ParsedTable<T>, column: string, key: (row: T) => string): DataIssue[] {
  const firstLine = new Map<string, number>();
  const issues: DataIssue[] = [];
  for (const {line, row} of table.rows) {
    const value = key(row);
    const first = firstLine.get(value);
    if (first === undefined) firstLine.set(value, line);
    else issues.push({file: table.file, line, column, rule: `${JSON.stringify(value)} is a duplicate of line ${first}`});
  }
  return issues;
}

function pollRowIssues(polls: ParsedTable<PollRow>): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const {line, row} of polls.rows) {
    if (periodStart(row.fieldworkStart) > periodEnd(row.fieldworkEnd)) {
      issues.push({file: polls.file, line, column: "fieldworkEnd", rule: `${row.fieldworkEnd.text} is before fieldworkStart ${row.fieldworkStart.text}`});
    }
    const sum = row.support + row.opposed + row.neutral;
    if (Math.abs(sum - 100) > SUM_TOLERANCE) {
      issues.push({file: polls.file, line, column: "support", rule: `support + opposed + neutral = ${round(sum)}, more than ${SUM_TOLERANCE} from 100`});
    }
  }
  return issues;
}

function unknownSources<T>(table: ParsedTable<T>, known: Set<string>, column = "source"): DataIssue[] {
  // A loop rather than flatMap: an empty array per valid row is 100,000 allocations for nothing at scale.
  const issues: DataIssue[] = [];
  for (const {line, row} of table.rows as Located<T>[]) {
    const ref = (row as Record<string, unknown>)[column];
    if (typeof ref === "string" && !known.has(ref)) issues.push({file: table.file, line, column, rule: `${JSON.stringify(ref)} is not an id in sources.csv`});
  }
  return issues;
}

const round = (value: number) => Math.round(value * 100) / 100;
