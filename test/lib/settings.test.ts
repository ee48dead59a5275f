import {describe, expect, it} from "vitest";
import {defaultSettings} from "../../src/lib/invasion.ts";
import {isIsoDate, readSettings, type RawSettings} from "../../src/lib/settings.ts";

const raw = (overrides: Partial<RawSettings>): RawSettings => ({cutoff: "2022-02-24", deff: "1", intervalMethod: "wilson", ...overrides});
const last = {cutoff: "2015-01-01", deff: 1.5, intervalMethod: "wald" as const};

describe("readSettings: the /invasion controls as settings the analysis can use", () => {
  it("uses what the controls hold when the analysis can", () => {
    expect(readSettings(raw({cutoff: "2023-03-01", deff: " 2.5 ", intervalMethod: "wald"}), last)).toEqual({
      settings: {cutoff: "2023-03-01", deff: 2.5, intervalMethod: "wald"},
      notes: {cutoff: null, deff: null, intervalMethod: null}
    });
    expect(readSettings(raw({deff: "1"})).settings).toEqual(defaultSettings);
    expect(readSettings(raw({deff: "3"})).notes.deff).toBeNull();
  });

  it("takes a design effect outside 1–3 to the nearer end, and says so", () => {
    expect(readSettings(raw({deff: "9"}), last)).toMatchObject({settings: {deff: 3}, notes: {deff: "Design effect 9 is outside 1–3: the figures use 3."}});
    expect(readSettings(raw({deff: "0.5"}), last)).toMatchObject({settings: {deff: 1}, notes: {deff: "Design effect 0.5 is outside 1–3: the figures use 1."}});
    expect(readSettings(raw({deff: "-2"}), last).settings.deff).toBe(1);
  });

  it("keeps the last valid design effect for letters, nothing, or a box the browser flags as not a number", () => {
    expect(readSettings(raw({deff: "abc"}), last)).toMatchObject({settings: {deff: 1.5}, notes: {deff: 'Design effect "abc" is not a number: the figures use 1.5, the last valid value.'}});
    expect(readSettings(raw({deff: "2abc"}), last).settings.deff).toBe(1.5);
    expect(readSettings(raw({deff: "Infinity"}), last).settings.deff).toBe(1.5);
    expect(readSettings(raw({deff: ""}), last)).toMatchObject({settings: {deff: 1.5}, notes: {deff: "No design effect given: the figures use 1.5, the last valid value."}});
    expect(readSettings(raw({deff: "", deffBadInput: true}), last).notes.deff).toBe("The design effect typed is not a number: the figures use 1.5, the last valid value.");
  });

  it("keeps the last valid cutoff for an empty, incomplete or impossible date, and says so", () => {
    expect(readSettings(raw({cutoff: ""}), last)).toMatchObject({settings: {cutoff: "2015-01-01"}, notes: {cutoff: "No cutoff date given: the figures use 1 January 2015, the last date given."}});
    expect(readSettings(raw({cutoff: "", cutoffBadInput: true}), last).notes.cutoff).toBe("The cutoff date is incomplete: the figures use 1 January 2015, the last date given.");
    expect(readSettings(raw({cutoff: "2023-02-30"}), last)).toMatchObject({settings: {cutoff: "2015-01-01"}});
    expect(readSettings(raw({cutoff: "+275760-09-13"}), last).notes.cutoff).toMatch(/^Cutoff "\+275760-09-13" is not a date/);
  });

  it("keeps the last valid cutoff for a date outside the range the date box offers (typed past its min or max)", () => {
    expect(readSettings(raw({cutoff: "1998-12-31"}), last)).toMatchObject({
      settings: {cutoff: "2015-01-01"},
      notes: {cutoff: "Cutoff 31 December 1998 is not between 1 January 1999 and 31 December 2030: the figures use 1 January 2015, the last date given."}
    });
    expect(readSettings(raw({cutoff: "2031-01-01"}), last).settings.cutoff).toBe("2015-01-01");
    expect(readSettings(raw({cutoff: "1999-01-01"}), last)).toMatchObject({settings: {cutoff: "1999-01-01"}, notes: {cutoff: null}});
    expect(readSettings(raw({cutoff: "2030-12-31"}), last)).toMatchObject({settings: {cutoff: "2030-12-31"}, notes: {cutoff: null}});
  });

  it("quotes typed text back as text, cut short", () => {
    const note = readSettings(raw({deff: "<img src=x onerror=alert(1)> and much more text"}), last).notes.deff!;
    expect(note).toContain('"<img src=x onerror=alert…"');
  });

  it("ignores an unknown interval method", () => {
    expect(readSettings(raw({intervalMethod: "bootstrap"}), last)).toMatchObject({settings: {intervalMethod: "wald"}, notes: {intervalMethod: "Unknown interval method: the figures use wald."}});
  });
});

describe("isIsoDate", () => {
  it("is a real calendar date written YYYY-MM-DD", () => {
    expect(["2022-02-24", "2024-02-29", "0001-01-01"].map(isIsoDate)).toEqual([true, true, true]);
    expect(["2023-02-29", "2022-2-24", "24/02/2022", "", "2022-13-01"].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });
});
