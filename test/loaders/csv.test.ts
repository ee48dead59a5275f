import {describe, expect, it} from "vitest";
import {parseCsv} from "../../loaders/csv.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseCsv", () => {
  it("reads spreadsheet output: BOM, CRLF and quoted fields with commas", () => {
    const csv = parseCsv(bytes('\uFEFFid,title\r\n"a","Kosovo, NATO"\r\nb,Prishtinë\r\n'), "x.csv");
    expect(csv.issues).toEqual([]);
    expect(csv.header).toEqual(["id", "title"]);
    expect(csv.records).toEqual([
      {line: 2, values: {id: "a", title: "Kosovo, NATO"}},
      {line: 3, values: {id: "b", title: "Prishtinë"}}
    ]);
  });

  it("keeps true line numbers after a quoted field that spans lines", () => {
    const csv = parseCsv(bytes('id,note\na,"two\r\nlines"\nb,x\n'), "x.csv");
    expect(csv.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it("skips blank lines but counts them", () => {
    const csv = parseCsv(bytes("id,note\n\na,x\n"), "x.csv");
    expect(csv.records).toEqual([{line: 3, values: {id: "a", note: "x"}}]);
  });

  it("reports a row with the wrong number of fields at its line", () => {
    const csv = parseCsv(bytes("id,note\na,x\nb,y,z\n"), "x.csv");
    expect(csv.issues).toEqual([{file: "x.csv", line: 3, rule: "has 3 fields, the header has 2"}]);
  });

  it("rejects bytes that are not UTF-8, naming the line", () => {
    const latin1 = new Uint8Array([...bytes("id,note\na,"), 0x50, 0x72, 0x69, 0x73, 0x68, 0x74, 0x69, 0x6e, 0xeb, 0x0a]);
    const csv = parseCsv(latin1, "x.csv");
    expect(csv.issues).toHaveLength(1);
    expect(csv.issues[0]).toMatchObject({file: "x.csv", line: 2});
    expect(csv.issues[0].rule).toMatch(/byte 18 is not valid UTF-8/);
  });

  it("rejects an empty file", () => {
    expect(parseCsv(bytes(""), "x.csv").issues[0].rule).toMatch(/empty/);
    expect(parseCsv(bytes("\uFEFF\r\n"), "x.csv").issues[0].rule).toMatch(/empty/);
  });
});
