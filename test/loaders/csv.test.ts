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

  it("reports a row with the wrong number of fields at its line and column", () => {
    const csv = parseCsv(bytes("id,title,note\na,x,y\nb,y,z,w\nc,v\n"), "x.csv");
    expect(csv.issues).toEqual([
      {file: "x.csv", line: 3, column: "4", rule: "the row has 4 fields, the header has 3 (put text that contains a comma in double quotes)"},
      {file: "x.csv", line: 4, column: "note", rule: "is missing: the row has 2 fields, the header has 3"}
    ]);
    expect(csv.records.map((r) => r.line)).toEqual([2]);
  });

  it("skips rows of empty cells, as spreadsheets save below the data", () => {
    const csv = parseCsv(bytes("id,note\na,x\n,\n , \n"), "x.csv");
    expect(csv.issues).toEqual([]);
    expect(csv.records).toEqual([{line: 2, values: {id: "a", note: "x"}}]);
  });

  it("rejects a quoted field that is never closed, instead of reading every later row into it", () => {
    const csv = parseCsv(bytes('id,note\na,"open\nb,x\nc,y\n'), "x.csv");
    expect(csv.records).toEqual([]);
    expect(csv.issues).toEqual([{file: "x.csv", line: 2, column: "note", rule: "opens a quoted field that is never closed (every later line would be read into it)"}]);
  });

  it("rejects text after a closing quote, which d3-dsv would drop", () => {
    const csv = parseCsv(bytes('id,title,note\na,"two\nlines",x\nb,"Kosovo" Force,y\n'), "x.csv");
    expect(csv.records).toEqual([]);
    expect(csv.issues).toEqual([{file: "x.csv", line: 4, column: "title", rule: 'has text after its closing quote (inside a quoted field, write a quote as "")'}]);
  });

  it("names the line and column of a byte that is not UTF-8, after quoted line breaks and a BOM", () => {
    // ED A0 BD: half of a UTF-16 surrogate pair written as UTF-8 (CESU-8); ill-formed, though its bytes look like a 3-byte sequence.
    const cesu = new Uint8Array([...bytes('\uFEFFid,title,note\na,"x\r\ny",ok\nb,t,'), 0xed, 0xa0, 0xbd, 0x0a]);
    expect(parseCsv(cesu, "x.csv").issues).toEqual([{file: "x.csv", line: 4, column: "note", rule: "byte 33 is not valid UTF-8 (save the file as UTF-8)"}]);
    const overlong = new Uint8Array([...bytes("id,note\n"), 0xe0, 0x80, 0xaf, 0x0a]);
    expect(parseCsv(overlong, "x.csv").issues).toEqual([{file: "x.csv", line: 2, column: "id", rule: "byte 8 is not valid UTF-8 (save the file as UTF-8)"}]);
  });

  it("rejects bytes that are not UTF-8, naming the line", () => {
    const latin1 = new Uint8Array([...bytes("id,note\na,"), 0x50, 0x72, 0x69, 0x73, 0x68, 0x74, 0x69, 0x6e, 0xeb, 0x0a]);
    const csv = parseCsv(latin1, "x.csv");
    expect(csv.issues).toHaveLength(1);
    expect(csv.issues[0]).toMatchObject({file: "x.csv", line: 2, column: "note"});
    expect(csv.issues[0].rule).toMatch(/byte 18 is not valid UTF-8/);
  });

  it("rejects an empty file", () => {
    expect(parseCsv(bytes(""), "x.csv").issues[0].rule).toMatch(/empty/);
    expect(parseCsv(bytes("\uFEFF\r\n"), "x.csv").issues[0].rule).toMatch(/empty/);
  });
});
