// Every table of data/ opened in a real spreadsheet (LibreOffice Calc) and saved as CSV again: either the published
// datasets come back identical, or validation refuses the table, naming each cell the spreadsheet changed.
import {csvFormatRows} from "d3-dsv";
import {copyFileSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseCsv, type CsvFile} from "../../loaders/csv.ts";
import {checkData, loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {formatIssue} from "../../loaders/issues.ts";
import {tables as tableDefinitions} from "../../loaders/schema.ts";
import {dataCopy, dataDir} from "../helpers.ts";
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
const original = buildDatasets(loadTables(dataDir));
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe.skipIf(unavailable !== null).each(settings)("opened in LibreOffice Calc and saved as CSV, $name", (setting) => {
  let savedDir = "";
  beforeAll(() => {
    // Calc works on a copy; one call converts every table.
    const input = dataCopy();
    copies.push(input);
    savedDir = calcRoundTrip(
      tableNames.map((name) => join(input, tableDefinitions[name].file)),
      setting
    );
    copies.push(savedDir);
  });

  it.each(tableNames)("%s: the published datasets are unchanged, or validate refuses the changed cells", (name) => {
    const file = tableDefinitions[name].file;
    const changes = changedCells(readTable(dataDir, file), readTable(savedDir, file));
    const dir = dataCopy();
    copies.push(dir);
    copyFileSync(join(savedDir, file), join(dir, file));
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
    const saved = readTable(savedDir, file);
    const before = readTable(dataDir, file);
    for (const issue of issues) {
      const index = saved.records.findIndex((record) => record.line === issue.line);
      saved.records[index].values[issue.column!] = before.records[index].values[issue.column!];
    }
    writeFileSync(join(dir, file), csvFormatRows([saved.header, ...saved.records.map((record) => saved.header.map((column) => record.values[column]))]) + "\n");
    const retyped = checkData(dir);
    expect(retyped.issues.map(formatIssue)).toEqual([]);
    expect(buildDatasets(retyped.tables)).toEqual(original);
  });
});
