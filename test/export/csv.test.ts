// Safe CSV: a BOM for UTF-8, quoting, labels as headers, formulas neutralised in text but never in numbers.
import {csvParse, csvParseRows} from "d3-dsv";
import {describe, expect, it} from "vitest";
import type {ChartTable} from "../../src/components/chart.ts";
import {csvCell, neutraliseText, tableToCsv, UTF8_BOM} from "../../src/components/csv.ts";

const table: ChartTable = {
  columns: [
    {key: "name", label: "Name"},
    {key: "place", label: "Place, as stated"},
    {key: "share", label: "Share (%)"},
    {key: "note", label: "Note"}
  ],
  rows: [
    {name: "Vučić", place: "Prishtinë", share: -1.5, note: 'He said "no", twice\nthen left'},
    {name: "=1+1", place: "@SUM(A1)", share: 0, note: null},
    {name: "+44 20", place: "-3", share: 94, note: "\tcmd"},
    {name: "\rhidden", place: "plain", share: 88.7, note: "ok"}
  ]
};

const withoutBom = (text: string) => (text.startsWith(UTF8_BOM) ? text.slice(1) : text);

describe("tableToCsv", () => {
  const csv = tableToCsv(table);

  it("starts with a UTF-8 byte order mark and keeps non-ASCII letters as they are", () => {
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain("Vučić");
    expect(csv).toContain("Prishtinë");
  });

  it("uses the column labels as the header row, quoted where they hold a comma", () => {
    expect(withoutBom(csv).split("\n")[0]).toBe('Name,"Place, as stated",Share (%),Note');
  });

  it("round-trips quotes, commas and line breaks through a CSV parser", () => {
    const parsed = csvParse(withoutBom(csv));
    expect(parsed.columns).toEqual(["Name", "Place, as stated", "Share (%)", "Note"]);
    expect(parsed[0]).toEqual({"Name": "Vučić", "Place, as stated": "Prishtinë", "Share (%)": "-1.5", "Note": 'He said "no", twice\nthen left'});
  });

  it("neutralises text cells that a spreadsheet would run as formulas", () => {
    const rows = csvParseRows(withoutBom(csv));
    expect(rows[2].slice(0, 2)).toEqual(["'=1+1", "'@SUM(A1)"]);
    expect(rows[3]).toEqual(["'+44 20", "'-3", "94", "'\tcmd"]);
    expect(rows[4][0]).toBe("'\rhidden");
  });

  it("writes numbers as numbers, negative ones included, and null as an empty cell", () => {
    const rows = csvParseRows(withoutBom(csv));
    expect(rows[1][2]).toBe("-1.5");
    expect(rows[2][2]).toBe("0");
    expect(rows[2][3]).toBe("");
    // unquoted, so a spreadsheet reads a number rather than text
    expect(withoutBom(csv).split("\n")[1]).toContain(",-1.5,");
  });
});

describe("csvCell and neutraliseText", () => {
  it("leaves ordinary text and numbers alone", () => {
    expect(neutraliseText("IRI")).toBe("IRI");
    expect(neutraliseText("a=b")).toBe("a=b");
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(1200)).toBe("1200");
  });

  it("prefixes every formula trigger with an apostrophe", () => {
    for (const trigger of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseText(`${trigger}x`)).toBe(`'${trigger}x`);
  });

  it("writes booleans as words and non-finite numbers as empty cells", () => {
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(Number.NaN)).toBe("");
  });
});
