// The /invasion settings notes in Albanian and Serbian: every note a reader can meet is a whole sentence in the
// page's language, its numbers and dates in that language's way, and never an English word left in.
import {afterEach, describe, expect, it} from "vitest";
import {useLanguageInNode} from "../../loaders/messages.ts";
import {addressNote, intervalMethodNames, readSettings, settingsFromSearch} from "../../src/lib/settings.ts";

afterEach(() => useLanguageInNode("en"));

const last = {cutoff: "2015-01-01", deff: 1.5, intervalMethod: "wald" as const};
const english = /\b(the|is|not|figures|cutoff|design effect|given|ignored|address|page)\b/i;

function notes(): string[] {
  const raws = [
    {cutoff: "", deff: "9", intervalMethod: "x"},
    {cutoff: "2022-13-45", deff: "abc", intervalMethod: "wald"},
    {cutoff: "1990-01-01", deff: "", intervalMethod: "wald"},
    {cutoff: "", cutoffBadInput: true, deff: "", deffBadInput: true, intervalMethod: "wald"}
  ];
  const read = raws.flatMap((raw) => Object.values(readSettings(raw, last).notes));
  const addresses = ["deff=9&deff=2&deff=3", "cutoff=x&foo=1", "interval=probit&a=1&b=2&c=3&d=4&e=5", "cutoff=2031-01-01&deff=&interval=wilson&interval=wald"];
  return [...read, ...addresses.map((search) => addressNote(settingsFromSearch(search).ignored))].filter((note): note is string => note !== null);
}

describe.each(["sq", "sr-latn"] as const)("the settings notes in %s", (lang) => {
  it("are in the language, with its numbers and dates", () => {
    useLanguageInNode(lang);
    const all = notes();
    expect(all.length).toBeGreaterThan(8);
    // The parameters quoted back (cutoff=x) are the reader's own words.
    for (const note of all) expect(note.replace(/[\w-]*=[^\s,;)]*/g, "")).not.toMatch(english);
    expect(all.join(" ")).toContain("1,5");
    expect(all.join(" ")).not.toMatch(/\{\w+\}|\.\./);
    expect(Object.values(intervalMethodNames).join(" ")).not.toMatch(/score|normal approximation/);
  });
});
