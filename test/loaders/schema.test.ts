import {describe, expect, it} from "vitest";
import {eventRow, memberRow, partialDate, percent, pollRow, positiveInteger, sourceRow, text, troopRow} from "../../loaders/schema.ts";

const firstMessage = (result: {success: boolean; error?: {issues: {message: string}[]}}) => result.error?.issues[0].message;

describe("field rules", () => {
  it("percent: 0–100, optional %, numbers only", () => {
    expect(percent.parse("88.7")).toBe(88.7);
    expect(percent.parse("94%")).toBe(94);
    expect(firstMessage(percent.safeParse("104"))).toBe("104 is above 100");
    expect(firstMessage(percent.safeParse("-1"))).toBe("-1 is below 0");
    expect(firstMessage(percent.safeParse("ninety"))).toBe('"ninety" is not a number');
    expect(firstMessage(percent.safeParse(""))).toBe('"" is not a number');
    expect(firstMessage(percent.safeParse("1e2"))).toMatch(/is not a number/);
  });

  it("positiveInteger: digits only, above zero", () => {
    expect(positiveInteger.parse("1200")).toBe(1200);
    expect(firstMessage(positiveInteger.safeParse("1,200"))).toMatch(/not a whole number/);
    expect(firstMessage(positiveInteger.safeParse("12.5"))).toMatch(/not a whole number/);
    expect(firstMessage(positiveInteger.safeParse("0"))).toBe("0 is not positive");
    expect(firstMessage(positiveInteger.safeParse("-5"))).toMatch(/not a whole number/);
  });

  it("partialDate: real calendar dates at year, month or day precision", () => {
    expect(partialDate.parse("2023")).toEqual({text: "2023", precision: "year"});
    expect(partialDate.parse("2023-02")).toEqual({text: "2023-02", precision: "month"});
    expect(partialDate.parse("2024-02-29")).toEqual({text: "2024-02-29", precision: "day"});
    expect(firstMessage(partialDate.safeParse("2023-02-29"))).toBe("2023-02-29 is not a calendar date");
    expect(firstMessage(partialDate.safeParse("2023-13"))).toBe("2023-13 has no month 13");
    expect(firstMessage(partialDate.safeParse("March 2023"))).toMatch(/is not a date/);
  });

  it("text: required, at most 1000 characters, kept as written", () => {
    expect(text.parse("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(firstMessage(text.safeParse("  "))).toMatch(/is empty/);
    expect(firstMessage(text.safeParse("x".repeat(10_000)))).toMatch(/10000 characters long/);
  });

  it("text: a line break is published as \\n, as a spreadsheet saves it; what a spreadsheet rewrites is refused", () => {
    expect(text.parse("two\r\nlines")).toBe("two\nlines");
    expect(text.parse("two\rlines")).toBe("two\nlines");
    expect(firstMessage(text.safeParse("06/01/03"))).toMatch(/turned the text "June 2003" into a date/);
    expect(firstMessage(text.safeParse("=1+1"))).toMatch(/starts with =/);
    expect(firstMessage(partialDate.safeParse("10/01/2014"))).toMatch(/^"10\/01\/2014" is not a date \(YYYY, YYYY-MM or YYYY-MM-DD\): it looks like a spreadsheet turned the month 2014-10/);
  });
});

describe("row schemas", () => {
  const poll = {id: "iri-2021-09", pollster: "IRI", pollsterName: "International Republican Institute", fieldworkStart: "2021-09", fieldworkEnd: "2021-09", sampleSize: "1200", support: "89", opposed: "3", neutral: "8", source: "iri", note: ""};

  it("polls: a valid row parses to typed values", () => {
    const row = pollRow.parse(poll);
    expect(row.sampleSize).toBe(1200);
    expect(row.note).toBeNull();
    expect(row.fieldworkStart).toEqual({text: "2021-09", precision: "month"});
  });

  it("polls: each bad field is reported under its column", () => {
    const result = pollRow.safeParse({...poll, id: "IRI 2021", sampleSize: "abc", opposed: "200"});
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["id", '"IRI 2021" is not an id (lower-case letters, digits and single hyphens)'],
      ["sampleSize", '"abc" is not a whole number (digits only, no separators)'],
      ["opposed", "200 is above 100"]
    ]);
  });

  it("troops: qualifier and kind come from fixed lists", () => {
    const troop = {date: "2022-03-03", dateLabel: "3 March 2022", force: "KFOR", troops: "3770", qualifier: "exact", kind: "level", source: "r", note: ""};
    expect(troopRow.parse(troop).troops).toBe(3770);
    expect(firstMessage(troopRow.safeParse({...troop, qualifier: "roughly"}))).toBe('"roughly" is not one of: exact, about, more than, under');
    expect(firstMessage(troopRow.safeParse({...troop, kind: "estimate"}))).toBe('"estimate" is not one of: level, reinforcement, target');
  });

  it("events, members, sources", () => {
    expect(firstMessage(eventRow.safeParse({date: "2022-02-24", title: "x", category: "war", source: "s", note: ""}))).toMatch(/is not one of: kfor/);
    expect(memberRow.parse({country: "Spain", joined: "1982", recognizesKosovo: "no", source: "s"}).recognizesKosovo).toBe(false);
    expect(firstMessage(memberRow.safeParse({country: "Spain", joined: "82", recognizesKosovo: "no", source: "s"}))).toBe('"82" is not a four-digit year');
    expect(firstMessage(memberRow.safeParse({country: "Spain", joined: "1982", recognizesKosovo: "maybe", source: "s"}))).toBe('"maybe" is not yes or no');
    const source = {id: "s", title: "t", publisher: "p", published: "", url: "javascript:alert(1)", via: "", note: ""};
    expect(firstMessage(sourceRow.safeParse(source))).toMatch(/is not an http\(s\) address/);
  });
});
