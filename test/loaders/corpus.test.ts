// The hostile-input corpus: each case in test/fixtures/bad/ overlays data/ with its own CSV files and
// states what checkData must make of them, down to the exact message an analyst would read.
import {afterEach, describe, expect, it} from "vitest";
import {copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {z} from "zod";
import {checkData} from "../../loaders/dataset.ts";
import {formatIssue} from "../../loaders/issues.ts";
import {tables as tableDefinitions} from "../../loaders/schema.ts";
import {POLL_HEADER, SYNTHETIC_SOURCE, syntheticPollRow, syntheticPollsCsv} from "../../scripts/synthetic-polls.ts";
import {dataCopy, dataDir, projectRoot} from "../helpers.ts";

const corpusDir = join(projectRoot, "test/fixtures/bad");
type TableName = keyof typeof tableDefinitions;
const tableNames = Object.keys(tableDefinitions) as TableName[];
const surveyResultTables = new Set<TableName>(["regionalSupport", "protectionThreat", "institutionTrust"]);
const tableByFile = new Map<string, TableName>(tableNames.map((name) => [tableDefinitions[name].file, name]));

const expectedSchema = z.discriminatedUnion("outcome", [
  z.object({outcome: z.literal("fail"), issues: z.array(z.string()).min(1)}).strict(),
  z
    .object({
      outcome: z.literal("pass"),
      /** Rows (partially given) that must come through exactly as written, e.g. HTML kept as literal text. */
      includes: z.partialRecord(z.enum(tableNames), z.array(z.record(z.string(), z.unknown())).min(1)).optional()
    })
    .strict()
]);

const cases = readdirSync(corpusDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(corpusDir, entry.name);
    const files = readdirSync(dir).filter((file) => file !== "expected.json");
    return {name: entry.name, dir, files, expected: expectedSchema.parse(JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")))};
  });

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A fresh copy of data/ with the case's files laid over it. */
function overlay(caseDir: string, files: string[]): string {
  const dir = dataCopy();
  copies.push(dir);
  for (const file of files) copyFileSync(join(caseDir, file), join(dir, file));
  return dir;
}

const messages = (issues: ReturnType<typeof checkData>["issues"]) => issues.map((issue) => formatIssue({...issue, file: basename(issue.file)}));

describe("the corpus", () => {
  it("holds at least 30 cases, with both outcomes", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => c.expected.outcome === "pass").length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.expected.outcome === "fail").length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)("$name holds only data files, each different from the shipped one", ({files, dir}) => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(tableByFile.has(file), `${file} is not a data table`).toBe(true);
      expect(readFileSync(join(dir, file)).equals(readFileSync(join(dataDir, file))), `${file} is the same as data/${file}`).toBe(false);
    }
  });
});

describe.each(cases.filter((c) => c.expected.outcome === "fail"))("fails: $name", ({dir, files, expected}) => {
  it("with exactly the expected messages, each with file, line, column and rule", () => {
    const {issues} = checkData(overlay(dir, files));
    expect(messages(issues)).toEqual(expected.outcome === "fail" ? expected.issues : []);
    for (const issue of issues) {
      expect(issue.rule).not.toBe("");
      // Only a problem with the whole file (empty, no rows) has no line and no column.
      if (issue.line > 0) expect(issue.column, formatIssue(issue)).toMatch(/\S/);
    }
  });

  it("and lets nothing half-valid through", () => {
    const {tables, issues} = checkData(overlay(dir, files));
    const failed = new Set(issues.map((issue) => tableByFile.get(basename(issue.file))));
    for (const name of tableNames) {
      // A broken sources.csv leaves every reference unchecked, so then no table is published; a broken surveys.csv
      // likewise withholds every table of survey results.
      if (failed.has(name) || failed.has("sources") || (failed.has("surveys") && surveyResultTables.has(name))) expect(tables[name], name).toEqual([]);
      else expect(tables[name].length, name).toBeGreaterThan(0);
    }
  });
});

describe.each(cases.filter((c) => c.expected.outcome === "pass"))("passes: $name", ({dir, files, expected}) => {
  it("with no issues, every table published and the odd values kept as written", () => {
    const {tables, issues} = checkData(overlay(dir, files));
    expect(messages(issues)).toEqual([]);
    for (const name of tableNames) expect(tables[name].length, name).toBeGreaterThan(0);
    const includes = expected.outcome === "pass" ? (expected.includes ?? {}) : {};
    for (const [name, rows] of Object.entries(includes) as [TableName, Record<string, unknown>[]][]) {
      expect(tables[name]).toEqual(expect.arrayContaining(rows.map((row) => expect.objectContaining(row))));
    }
  });
});

describe("generated at run time: 100,000 polls, and 200,000 bad ones", () => {
  const count = 100_000;

  it("pass, all of them", () => {
    const dir = dataCopy({"polls.csv": () => syntheticPollsCsv(count)});
    copies.push(dir);
    const {tables, issues} = checkData(dir);
    expect(messages(issues)).toEqual([]);
    expect(tables.polls).toHaveLength(count);
    expect(tables.polls[count - 1]).toMatchObject({id: `synthetic-${count - 1}`, source: "iri-kosovo-2021-09"});
    expect(tables.polls[10].note).toBe('Synthetic note 10, with "quotes"');
  });

  it("and 200,000 rows that all cite an unknown source are all reported, not a stack overflow", () => {
    const rows = 200_000;
    const dir = dataCopy({"polls.csv": () => syntheticPollsCsv(rows).replaceAll(`,${SYNTHETIC_SOURCE},`, ",no-such-source,")});
    copies.push(dir);
    const {tables, issues} = checkData(dir);
    expect(issues).toHaveLength(rows);
    expect(formatIssue({...issues[rows - 1], file: basename(issues[rows - 1].file)})).toBe(`polls.csv line ${rows + 1}, column source: "no-such-source" is not an id in sources.csv`);
    expect(tables.polls).toEqual([]);
  });

  it("and one bad row at the end is reported at its own line, with nothing else let through", () => {
    const lines = [POLL_HEADER];
    for (let i = 0; i < count; i++) lines.push(syntheticPollRow(i));
    // Row 7 has no note, so its fields split on commas.
    const bad = syntheticPollRow(7).split(",");
    bad[0] = "synthetic-extra";
    bad[POLL_HEADER.split(",").indexOf("support")] = "104";
    lines.push(bad.join(","));
    const dir = dataCopy();
    copies.push(dir);
    writeFileSync(join(dir, "polls.csv"), lines.join("\n") + "\n");
    const {tables, issues} = checkData(dir);
    expect(messages(issues)).toEqual([`polls.csv line ${count + 2}, column support: 104 is above 100`]);
    expect(tables.polls).toEqual([]);
  });
});
