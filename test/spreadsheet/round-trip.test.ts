// Every table of data/ opened in a real spreadsheet (LibreOffice Calc) and saved as CSV again: either the published
// datasets come back identical, or validation refuses the table, naming each cell the spreadsheet changed. The valid
// tables of the hostile-input corpus (test/fixtures/bad/*-pass*) go through the same round trip.
import {csvFormatRows} from "d3-dsv";
import {copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseCsv, type CsvFile} from "../../loaders/csv.ts";
import {checkData} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {formatIssue} from "../../loaders/issues.ts";
import {tables as tableDefinitions} from "../../loaders/schema.ts";
import {dataCopy, dataDir, projectRoot} from "../helpers.ts";
import {calcRoundTrip, calcUnavailable, type CalcSetting} from "./calc.ts";

const unavailable = calcUnavailable();
if (unavailable) console.warn(`Skipping the spreadsheet round trip: ${unavailable}`);

type TableName = keyof typeof tableDefinitions;
const tableNames = Object.keys(tableDefinitions) as TableName[];

const settings: CalcSetting[] = [
  {name: "detect special numbers off", detectSpecialNumbers: false},
  {name: "detect special numbers on (as Excel)", detectSpecialNumbers: true},
  // An English (UK) import reads day-month-year words too ("29 October 2010"), which en-US leaves as text.
  {name: "detect special numbers on, English (UK) import", detectSpecialNumbers: true, language: 2057}
];

interface ChangedCell {
  line: number;
  column: string;
  before: string;
  after: string;
}

/** The cells whose text differs between the shipped table and the spreadsheet's copy (quoting aside). */
function changedCells(before: CsvFile, after: CsvFile): ChangedCell[] {
  expect(after.header).toEqual(before.header);
  expect(after.records.map((record) => record.line)).toEqual(before.records.map((record) => record.line));
  return before.records.flatMap((record, i) =>
    before.header
      .filter((column) => after.records[i].values[column] !== record.values[column])
      .map((column) => ({line: record.line, column, before: record.values[column], after: after.records[i].values[column]}))
  );
}

const readTable = (dir: string, file: string) => parseCsv(readFileSync(join(dir, file)), file);
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A set of valid tables: data/ as shipped, or data/ with a passing corpus case's files laid over it. */
interface Subject {
  name: string;
  overlay: string | null;
  files: string[];
}
const corpusDir = join(projectRoot, "test/fixtures/bad");
const subjects: Subject[] = [
  {name: "data", overlay: null, files: tableNames.map((name) => tableDefinitions[name].file)},
  ...readdirSync(corpusDir, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && JSON.parse(readFileSync(join(corpusDir, entry.name, "expected.json"), "utf8")).outcome === "pass")
    .map((entry) => ({name: entry.name, overlay: join(corpusDir, entry.name), files: readdirSync(join(corpusDir, entry.name)).filter((file) => file.endsWith(".csv"))}))
];
const cases = subjects.flatMap((subject) => subject.files.map((file) => ({subject, file, label: `${subject.name}/${file}`})));

/** A fresh copy of data/ with the subject's files laid over it. */
function subjectCopy(subject: Subject): string {
  const dir = dataCopy();
  copies.push(dir);
  for (const file of subject.overlay ? subject.files : []) copyFileSync(join(subject.overlay!, file), join(dir, file));
  return dir;
}

/** Corpus cases refused before any spreadsheet sees them, because a spreadsheet would rewrite them unnoticed. */
const refusedBeforehand = [
  {name: "spreadsheet-formula-text", rewrittenWhen: () => true},
  {name: "spreadsheet-number-text", rewrittenWhen: () => true},
  // $100 is money only to a US-English import (an English (UK) one leaves it, and takes £100).
  {name: "spreadsheet-special-numbers-text", rewrittenWhen: (setting: CalcSetting) => setting.detectSpecialNumbers && !setting.language}
].map(({name, rewrittenWhen}) => {
  const dir = join(corpusDir, name);
  const [file] = readdirSync(dir).filter((entry) => entry.endsWith(".csv"));
  return {name, dir, file, rewrittenWhen, label: `${name}/${file}`};
});

describe.skipIf(unavailable !== null).each(settings)("opened in LibreOffice Calc and saved as CSV, $name", (setting) => {
  let savedDir = "";
  beforeAll(() => {
    // Calc works on copies, one uniquely named file per table, all converted in one call.
    const input = dataCopy();
    copies.push(input);
    for (const {subject, file} of cases) copyFileSync(join(subject.overlay ?? dataDir, file), join(input, `${subject.name}--${file}`));
    for (const {name, dir, file} of refusedBeforehand) copyFileSync(join(dir, file), join(input, `${name}--${file}`));
    savedDir = calcRoundTrip(
      [...cases.map(({subject, file}) => `${subject.name}--${file}`), ...refusedBeforehand.map(({name, file}) => `${name}--${file}`)].map((file) => join(input, file)),
      setting
    );
    copies.push(savedDir);
  });

  it.each(cases)("$label: the published datasets are unchanged, or validate refuses the changed cells", ({subject, file}) => {
    const name = tableNames.find((table) => tableDefinitions[table].file === file)!;
    const dir = subjectCopy(subject);
    const valid = checkData(dir);
    expect(valid.issues.map(formatIssue)).toEqual([]);
    const original = buildDatasets(valid.tables);
    const before = readTable(dir, file);
    const saved = parseCsv(readFileSync(join(savedDir, `${subject.name}--${file}`)), file);
    const changes = changedCells(before, saved);
    copyFileSync(join(savedDir, `${subject.name}--${file}`), join(dir, file));
    const {tables, issues} = checkData(dir);

    if (issues.length === 0) {
      expect(buildDatasets(tables), `${file}: ${JSON.stringify(changes)}`).toEqual(original);
      return;
    }
    // Refused: every message is about a cell the spreadsheet changed, says so, and nothing of the table is published.
    for (const issue of issues) {
      const message = formatIssue({...issue, file: basename(issue.file)});
      expect(basename(issue.file), message).toBe(file);
      expect(changes.some((change) => change.line === issue.line && change.column === issue.column), message).toBe(true);
      expect(issue.rule, message).toMatch(/spreadsheet/);
    }
    expect(tables[name]).toEqual([]);

    // And no harmful change goes unnamed: with the named cells typed again as before, the datasets are the originals.
    for (const issue of issues) {
      const index = saved.records.findIndex((record) => record.line === issue.line);
      saved.records[index].values[issue.column!] = before.records[index].values[issue.column!];
    }
    writeFileSync(join(dir, file), csvFormatRows([saved.header, ...saved.records.map((record) => saved.header.map((column) => record.values[column]))]) + "\n");
    const retyped = checkData(dir);
    expect(retyped.issues.map(formatIssue)).toEqual([]);
    expect(buildDatasets(retyped.tables)).toEqual(original);
  });

  it.each(refusedBeforehand)("$label: what validate refuses before a spreadsheet sees it, Calc does rewrite", ({name, dir, file, rewrittenWhen}) => {
    if (!rewrittenWhen(setting)) return;
    const copy = dataCopy();
    copies.push(copy);
    copyFileSync(join(dir, file), join(copy, file));
    const {issues} = checkData(copy);
    expect(issues.length).toBeGreaterThan(0);
    const changes = changedCells(readTable(copy, file), parseCsv(readFileSync(join(savedDir, `${name}--${file}`)), file));
    for (const issue of issues) {
      expect(changes.some((change) => change.line === issue.line && change.column === issue.column), formatIssue(issue)).toBe(true);
    }
  });
});
