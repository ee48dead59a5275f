// Loads and checks the whole data directory: every table, then the rules that span rows and tables.
import {fileURLToPath} from "node:url";
import {resolve} from "node:path";
import {DataValidationError, type DataIssue} from "./issues.ts";
import {
  tables,
  type EventRow,
  type InstitutionTrustRow,
  type MemberRow,
  type PollRow,
  type ProtectionThreatRow,
  type RegionalSupportRow,
  type SourceRow,
  type SurveyRow,
  type TroopRow
} from "./schema.ts";
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
  surveys: SurveyRow[];
  regionalSupport: RegionalSupportRow[];
  protectionThreat: ProtectionThreatRow[];
  institutionTrust: InstitutionTrustRow[];
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
  const surveys = parseTable(dataDir, tables.surveys.file, tables.surveys.row);
  const regionalSupport = parseTable(dataDir, tables.regionalSupport.file, tables.regionalSupport.row);
  const protectionThreat = parseTable(dataDir, tables.protectionThreat.file, tables.protectionThreat.row);
  const institutionTrust = parseTable(dataDir, tables.institutionTrust.file, tables.institutionTrust.row);
  const surveyResults: ParsedTable<SampleRow & {survey: string}>[] = [regionalSupport, protectionThreat, institutionTrust];
  const all = [sources, polls, troops, events, members, surveys, ...surveyResults];
  // Lists are joined with flat(), never push(...list): spreading 200,000 problems into arguments overflows the stack.
  const groups: DataIssue[][] = all.map((table) => table.issues);

  // Run over the rows that passed their schema, so a bad row elsewhere in the file does not hide these.
  groups.push(duplicates(sources, "id", (s) => s.id), duplicates(polls, "id", (p) => p.id), duplicates(members, "country", (m) => m.country));
  groups.push(
    duplicates(surveys, "id", (s) => s.id),
    duplicates(regionalSupport, "country", (r) => `${r.survey} ${r.country}`, (r) => r.country),
    duplicates(protectionThreat, "country", (r) => `${r.survey} ${r.country}`, (r) => r.country),
    duplicates(institutionTrust, "institution", (r) => `${r.survey} ${r.institution}`, (r) => r.institution)
  );
  groups.push(pollRowIssues(polls), surveyRowIssues(surveys), ...surveyResults.map(sampleIssues), protectionThreatIssues(protectionThreat));
  // Like sources, a survey can only be referred to once the surveys table itself parsed.
  if (surveys.issues.length === 0) {
    const byId = new Map(surveys.rows.map(({row}) => [row.id, row]));
    groups.push(...surveyResults.map((table) => unknownSurveys(table, byId)), changeIssues(regionalSupport, byId));
  }
  // References can only be checked against a sources table that itself parsed.
  if (sources.issues.length === 0) {
    const known = new Set(sources.rows.map(({row}) => row.id));
    const citing: ParsedTable<unknown>[] = [polls, troops, events, members, surveys, ...surveyResults];
    groups.push(...citing.map((table) => unknownSources(table, known)));
    groups.push(unknownSources(sources, known, "via"), unknownNoteSources(protectionThreat, known));
  }
  const issues = groups.flat();
  // Reported file by file in table order, then by line, as an analyst works through them.
  const order = new Map(all.map((table, index) => [table.file, index]));
  issues.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);

  // Nothing half-valid gets through: a table with any problem yields no rows, and since every table cites
  // sources.csv, a problem there (unparsed, a duplicate id that makes a citation ambiguous) withholds them all; so
  // does a problem in surveys.csv for the tables of survey results.
  const failed = new Set(issues.map((issue) => issue.file));
  const rowsOf = <T>(table: ParsedTable<T>) => (failed.has(table.file) || failed.has(sources.file) ? [] : table.rows.map(({row}) => row));
  const resultsOf = <T>(table: ParsedTable<T>) => (failed.has(surveys.file) ? [] : rowsOf(table));
  return {
    tables: {
      dataDir,
      sources: rowsOf(sources),
      polls: rowsOf(polls),
      troops: rowsOf(troops),
      events: rowsOf(events),
      members: rowsOf(members),
      surveys: rowsOf(surveys),
      regionalSupport: resultsOf(regionalSupport),
      protectionThreat: resultsOf(protectionThreat),
      institutionTrust: resultsOf(institutionTrust)
    },
    issues
  };
}

/** The validated tables, or a DataValidationError listing every problem. */
export function loadTables(dataDir: string = resolveDataDir()): Tables {
  const {tables, issues} = checkData(dataDir);
  if (issues.length > 0) throw new DataValidationError(issues);
  return tables;
}

/** Rows with the same key; `shown` is the part of the key the message quotes (the country, not "survey country"). */
function duplicates<T>(table: ParsedTable<T>, column: string, key: (row: T) => string, shown: (row: T) => string = key): DataIssue[] {
  const firstLine = new Map<string, number>();
  const issues: DataIssue[] = [];
  for (const {line, row} of table.rows) {
    const value = key(row);
    const first = firstLine.get(value);
    if (first === undefined) firstLine.set(value, line);
    else issues.push({file: table.file, line, column, rule: `${JSON.stringify(shown(row))} is a duplicate of line ${first}`});
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

function surveyRowIssues(surveys: ParsedTable<SurveyRow>): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const {line, row} of surveys.rows) {
    if (periodStart(row.fieldworkStart) > periodEnd(row.fieldworkEnd)) {
      issues.push({file: surveys.file, line, column: "fieldworkEnd", rule: `${row.fieldworkEnd.text} is before fieldworkStart ${row.fieldworkStart.text}`});
    }
    if (row.comparedWith !== null && row.comparedWith >= Number(row.fieldworkStart.text.slice(0, 4))) {
      issues.push({file: surveys.file, line, column: "comparedWith", rule: `${row.comparedWith} is not an edition before this survey's fieldwork (${row.fieldworkStart.text})`});
    }
  }
  return issues;
}

type SampleRow = {sampleSize: number | null; sampleQualifier: string | null};

/** A sample size says how exactly the source gives it, and a qualifier without a size qualifies nothing. */
function sampleIssues(table: ParsedTable<SampleRow>): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const {line, row} of table.rows) {
    if (row.sampleSize !== null && row.sampleQualifier === null) issues.push({file: table.file, line, column: "sampleQualifier", rule: "is empty: a sample size needs exact or about, as the source gives it"});
    if (row.sampleSize === null && row.sampleQualifier !== null) issues.push({file: table.file, line, column: "sampleQualifier", rule: `${JSON.stringify(row.sampleQualifier)} qualifies no sample size (sampleSize is blank)`});
  }
  return issues;
}

/** The shares of one answer each; what is missing from 100 did not answer, but more than 100 is a typing error. */
function protectionThreatIssues(table: ParsedTable<ProtectionThreatRow>): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const {line, row} of table.rows) {
    const sum = row.protection + row.threat + row.neither;
    if (sum > 100 + SUM_TOLERANCE) issues.push({file: table.file, line, column: "protection", rule: `protection + threat + neither = ${round(sum)}, more than ${SUM_TOLERANCE} above 100`});
    if (row.noteSources.length > 0 && row.note === null) issues.push({file: table.file, line, column: "noteSources", rule: "cites sources for a note that is empty"});
  }
  return issues;
}

function unknownSurveys<T extends {survey: string}>(table: ParsedTable<T>, surveys: Map<string, SurveyRow>): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const {line, row} of table.rows) {
    if (!surveys.has(row.survey)) issues.push({file: table.file, line, column: "survey", rule: `${JSON.stringify(row.survey)} is not an id in surveys.csv`});
  }
  return issues;
}

/** A stated change needs the edition it is measured from, and the earlier share it implies must be a share. */
function changeIssues(table: ParsedTable<RegionalSupportRow>, surveys: Map<string, SurveyRow>): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const {line, row} of table.rows) {
    const survey = surveys.get(row.survey);
    if (row.change === null || !survey) continue;
    if (survey.comparedWith === null) {
      issues.push({file: table.file, line, column: "change", rule: `survey ${JSON.stringify(row.survey)} names no earlier edition (comparedWith in surveys.csv) for a change to be measured from`});
      continue;
    }
    const earlier = row.support - row.change;
    if (earlier < 0 || earlier > 100) issues.push({file: table.file, line, column: "change", rule: `support ${row.support} minus a change of ${row.change} gives ${round(earlier)} for ${survey.comparedWith}, which is not a share`});
  }
  return issues;
}

function unknownNoteSources(table: ParsedTable<ProtectionThreatRow>, known: Set<string>): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const {line, row} of table.rows) {
    for (const ref of row.noteSources) if (!known.has(ref)) issues.push({file: table.file, line, column: "noteSources", rule: `${JSON.stringify(ref)} is not an id in sources.csv`});
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
