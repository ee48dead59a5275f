import {describe, expect, it} from "vitest";
import {csvParseRows} from "d3-dsv";
import {basename} from "node:path";
import {checkData, loadTables} from "../../loaders/dataset.ts";
import {DataValidationError, formatIssue} from "../../loaders/issues.ts";
import {dataCopy, replaceCell, replaceLine} from "../helpers.ts";

/** Every problem in a corrupted copy of data/, as the one-line messages analysts see. */
function problems(edits: Parameters<typeof dataCopy>[0]): string[] {
  return checkData(dataCopy(edits)).issues.map((issue) => formatIssue({...issue, file: basename(issue.file)}));
}

describe("the shipped data/", () => {
  it("is valid", () => {
    const tables = loadTables();
    expect(tables.polls).toHaveLength(4);
    expect(tables.members).toHaveLength(32);
    expect(tables.members.filter((m) => !m.recognizesKosovo).map((m) => m.country).sort()).toEqual(["Greece", "Romania", "Slovakia", "Spain"]);
  });
});

describe("every rule fails a corrupted copy with file, line, column and rule", () => {
  it("a share above 100", () => {
    expect(problems({"polls.csv": replaceCell(4, "support", "104")})).toContain("polls.csv line 4, column support: 104 is above 100");
  });

  it("shares that do not sum to 100 ± 1.5 (while 101 from rounding passes)", () => {
    expect(problems({})).toEqual([]);
    expect(problems({"polls.csv": replaceCell(3, "neutral", "11")})).toEqual(["polls.csv line 3, column support: support + opposed + neutral = 103, more than 1.5 from 100"]);
  });

  it("fieldwork that ends before it starts", () => {
    expect(problems({"polls.csv": replaceCell(4, "fieldworkEnd", "2023-01")})).toEqual(["polls.csv line 4, column fieldworkEnd: 2023-01 is before fieldworkStart 2023-02"]);
  });

  it("an impossible date", () => {
    expect(problems({"troops.csv": replaceCell(13, "date", "2022-02-30")})).toEqual(["troops.csv line 13, column date: 2022-02-30 is not a calendar date"]);
  });

  it("a sample size that is not a positive integer", () => {
    expect(problems({"polls.csv": replaceCell(2, "sampleSize", "0")})).toEqual(["polls.csv line 2, column sampleSize: 0 is not positive"]);
  });

  it("a source id that sources.csv does not have", () => {
    expect(problems({"events.csv": replaceCell(9, "source", "no-such-source")})).toEqual(['events.csv line 9, column source: "no-such-source" is not an id in sources.csv']);
  });

  it("duplicate ids", () => {
    expect(problems({"polls.csv": replaceCell(5, "id", "iri-2021-09")})).toEqual(['polls.csv line 5, column id: "iri-2021-09" is a duplicate of line 3']);
    expect(problems({"members.csv": replaceCell(3, "country", "Belgium")})).toEqual(['members.csv line 3, column country: "Belgium" is a duplicate of line 2']);
  });

  it("a missing, an unknown and a renamed column", () => {
    const renamed = problems({"polls.csv": replaceLine(1, "id,pollster,pollsterName,fieldworkStart,fieldworkEnd,n,support,opposed,neutral,source,note")});
    expect(renamed).toEqual([
      "polls.csv line 1, column sampleSize: required column is missing from the header",
      "polls.csv line 1, column n: unknown column (expected: id, pollster, pollsterName, fieldworkStart, fieldworkEnd, sampleSize, support, opposed, neutral, source, note)"
    ]);
  });

  it("an empty file, a header with no rows and a missing file", () => {
    expect(problems({"events.csv": () => ""})).toEqual(["events.csv: the file is empty (a header row is required)"]);
    expect(problems({"events.csv": (text) => text.split("\n")[0] + "\n"})).toEqual(["events.csv: has a header but no data rows"]);
  });

  it("lists every problem across files, not only the first", () => {
    const found = problems({
      "polls.csv": (text) => replaceCell(2, "support", "101")(replaceCell(3, "opposed", "x")(text)),
      "members.csv": replaceCell(5, "joined", "19x9")
    });
    expect(found).toEqual([
      "polls.csv line 2, column support: 101 is above 100",
      'polls.csv line 3, column opposed: "x" is not a number',
      'members.csv line 5, column joined: "19x9" is not a four-digit year'
    ]);
  });

  it("finds duplicates and bad sums among the rows that parsed, even when another row is bad", () => {
    const found = problems({"polls.csv": (text) => replaceCell(2, "support", "x")(replaceCell(5, "id", "iri-2021-09")(replaceCell(4, "neutral", "9")(text)))});
    expect(found).toEqual([
      'polls.csv line 2, column support: "x" is not a number',
      "polls.csv line 4, column support: support + opposed + neutral = 106, more than 1.5 from 100",
      'polls.csv line 5, column id: "iri-2021-09" is a duplicate of line 3'
    ]);
  });

  it("a table with a cross-row or reference problem yields no rows either", () => {
    const duplicate = checkData(dataCopy({"polls.csv": replaceCell(5, "id", "iri-2021-09")}));
    expect(duplicate.issues).toHaveLength(1);
    expect(duplicate.tables.polls).toEqual([]);
    expect(duplicate.tables.troops.length).toBeGreaterThan(0);
    expect(checkData(dataCopy({"polls.csv": replaceCell(3, "neutral", "11")})).tables.polls).toEqual([]);
    expect(checkData(dataCopy({"events.csv": replaceCell(9, "source", "no-such-source")})).tables.events).toEqual([]);
  });

  it("when sources.csv has a problem, no table is published, since every table cites it", () => {
    const {issues, tables} = checkData(dataCopy({"sources.csv": replaceCell(2, "published", "2025-13")}));
    expect(issues.map((issue) => formatIssue({...issue, file: basename(issue.file)}))).toEqual(["sources.csv line 2, column published: 2025-13 has no month 13"]);
    expect([tables.sources, tables.polls, tables.troops, tables.events, tables.members]).toEqual([[], [], [], [], []]);
    const duplicate = checkData(dataCopy({"sources.csv": (text) => text + "reuters-2022-03-17,Another report,Reuters,2022-03-18,,,\n"}));
    expect(duplicate.issues).toHaveLength(1);
    expect(duplicate.tables.events).toEqual([]);
  });

  it("loadTables throws a DataValidationError that lets nothing half-valid through", () => {
    const dir = dataCopy({"polls.csv": replaceCell(4, "support", "104")});
    expect(() => loadTables(dir)).toThrow(DataValidationError);
    expect(checkData(dir).tables.polls).toEqual([]);
  });
});

describe("spreadsheet output is valid input", () => {
  it("a copy re-saved with a BOM, CRLF line ends and every field quoted passes", () => {
    const resave = (text: string) => {
      const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
      const quoted = rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n");
      return "\uFEFF" + quoted + "\r\n";
    };
    const dir = dataCopy(Object.fromEntries(["sources.csv", "polls.csv", "troops.csv", "events.csv", "members.csv"].map((f) => [f, resave])));
    expect(checkData(dir).issues).toEqual([]);
    expect(loadTables(dir)).toEqual({...loadTables(), dataDir: dir});
  });
});
