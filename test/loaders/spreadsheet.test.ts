import {describe, expect, it} from "vitest";
import {spreadsheetDateHint, spreadsheetTextProblem} from "../../loaders/spreadsheet.ts";

describe("spreadsheetTextProblem", () => {
  // What LibreOffice Calc 7.4 left alone in every setting (test/spreadsheet/round-trip.test.ts, and a probe of these values).
  it.each(["June 2003", "29 October 2010", "early 2002", "2024", "2014-10", "2014-10-01", "88.7", "-5", "yes", "TRUE", "95.00%", "$1,500.00", "10:30", "1/2", "@SUM(A1)", "+1+cmd|' /C calc'!A0", "1,100", "KFOR", "From 27 countries."])(
    "accepts %j, which a spreadsheet leaves as it is or which is the text as typed",
    (value) => expect(spreadsheetTextProblem(value)).toBeNull()
  );

  it.each([
    ["06/01/03", /turned the text "June 2003" into a date/],
    ["10/29/10", /turned the text "29 October 2010" into a date/],
    ["01/06/2003", /\(day\/month\/year\).*turned the text "June 2003" into a date/],
    ["06/01/2003", /\(month\/day\/year\).*turned the text "June 2003" into a date/],
    ["29/10/2010", /\(day\/month\/year\).*"29 October 2010"/],
    ["01.06.03", /\(day\.month\.year\).*"June 2003"/],
    ["1999-06-12T00:00:00", /a date with a time/],
    ["10:30:00 AM", /is a time as a spreadsheet writes it/],
    ["=HYPERLINK(\"http://x\")", /starts with =, so a spreadsheet opening the file computes it as a formula/],
    ["Err:509", /is a spreadsheet error/],
    ["#NAME?", /is a spreadsheet error/],
    ["+500", /which would save it as 500/],
    ["007", /which would save it as 7/],
    ["2.60", /which would save it as 2\.6/],
    ["1e3", /which would save it as 1000/],
    ["12345678901234567890", /rounded to 15 digits/],
    ["false", /reads as a logical value .* save it as FALSE/],
    ["95%", /reads as a percentage .* save it as 95\.00%/],
    ["$1500", /reads as an amount of money .* save it as \$1,500\.00/],
    ["(5)", /reads as a negative number .* save it as -5/]
  ])("refuses %j", (value, message) => {
    expect(spreadsheetTextProblem(value)).toMatch(message);
    expect(spreadsheetTextProblem(value)).toMatch(/spreadsheet/);
  });

  it("does not take an impossible day for a date", () => {
    expect(spreadsheetTextProblem("13/13/03")).toBeNull();
    expect(spreadsheetTextProblem("02/30/03")).toBeNull();
  });
});

describe("spreadsheetDateHint", () => {
  it("names the month or day a spreadsheet most likely rewrote", () => {
    expect(spreadsheetDateHint("10/01/2014")).toBe(
      "it looks like a spreadsheet turned the month 2014-10 (or the day 2014-10-01) into the date 10/01/2014 (month/day/year); type it again as 2014-10, or 2014-10-01 if the source gives the day, and open CSV files with 'detect special numbers' off"
    );
    expect(spreadsheetDateHint("3/17/22")).toMatch(/turned the day 2022-03-17 into the date 3\/17\/22 .*type it again as 2022-03-17,/);
    expect(spreadsheetDateHint("1929-12-31 00:00")).toMatch(/the day 1929-12-31/);
    expect(spreadsheetDateHint("March 2023")).toBeNull();
  });
});
