// The /invasion settings in the page's address: settingsFromSearch and searchForSettings round-trip every setting the
// controls can hold, and every hostile parameter (an impossible date, a number out of range, text, markup, a parameter
// given twice) leaves its setting at the default with a note that names it and says why.
import {describe, expect, it} from "vitest";
import {invasionSchema} from "../../src/lib/contracts.ts";
import {defaultSettings, type AnalysisSettings} from "../../src/lib/invasion.ts";
import {addressForSettings, addressNote, CUTOFF_RANGE, DEFF_RANGE, searchForSettings, settingsFromSearch} from "../../src/lib/settings.ts";

/** The settings' shape in the published contract: what the address gives must be what the analysis reports. */
const settingsContract = invasionSchema.pick({cutoff: true, deff: true, intervalMethod: true}).strict();

/** A small deterministic generator (mulberry32), so a failing case can be found again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const [firstCutoff, lastCutoff] = CUTOFF_RANGE.map((date) => Date.parse(`${date}T00:00:00Z`));

/** Settings the controls can hold: the ends of each range, the defaults, and many drawn at random in between. */
function manySettings(count: number): AnalysisSettings[] {
  const next = random(12);
  const cutoffs = [CUTOFF_RANGE[0], CUTOFF_RANGE[1], defaultSettings.cutoff, "2024-02-29"];
  const deffs = [DEFF_RANGE[0], DEFF_RANGE[1], 1.5, 1.55, 2.9999999999999996, 1.0000000000000002];
  const all: AnalysisSettings[] = [];
  for (const cutoff of cutoffs) for (const deff of deffs) for (const intervalMethod of ["wilson", "wald"] as const) all.push({cutoff, deff, intervalMethod});
  for (let i = 0; i < count; i++) {
    const day = firstCutoff + Math.floor(next() * ((lastCutoff - firstCutoff) / DAY + 1)) * DAY;
    // Some on the slider's steps (as a reader sets them), some anywhere (as a reader types them, or a float comes out).
    const deff = i % 2 === 0 ? Math.round((1 + next() * 2) * 10) / 10 : 1 + next() * 2;
    all.push({cutoff: new Date(day).toISOString().slice(0, 10), deff, intervalMethod: next() < 0.5 ? "wilson" : "wald"});
  }
  return all;
}

describe("searchForSettings and settingsFromSearch", () => {
  it("give the plain address at the defaults, and read it back to the defaults", () => {
    expect(searchForSettings(defaultSettings)).toBe("");
    expect(settingsFromSearch("")).toEqual({settings: defaultSettings, ignored: []});
    expect(settingsFromSearch("?")).toEqual({settings: defaultSettings, ignored: []});
  });

  it("write only the settings not at their default, in the order cutoff, deff, interval", () => {
    expect(searchForSettings({cutoff: "2023-01-01", deff: 1.5, intervalMethod: "wald"})).toBe("?cutoff=2023-01-01&deff=1.5&interval=wald");
    expect(searchForSettings({...defaultSettings, deff: 2})).toBe("?deff=2");
    expect(searchForSettings({...defaultSettings, intervalMethod: "wald"})).toBe("?interval=wald");
    expect(searchForSettings({...defaultSettings, cutoff: "2015-01-01", intervalMethod: "wald"})).toBe("?cutoff=2015-01-01&interval=wald");
  });

  it("round-trip exactly, over many settings across the controls' ranges", () => {
    const all = manySettings(2000);
    for (const settings of all) {
      const search = searchForSettings(settings);
      expect(settingsFromSearch(search), search).toEqual({settings, ignored: []});
      expect(settingsContract.parse(settingsFromSearch(search).settings)).toEqual(settings);
      // Without its "?", as URLSearchParams takes it too, and back to the same text.
      expect(settingsFromSearch(search.slice(1)).settings).toEqual(settings);
      expect(searchForSettings(settingsFromSearch(search).settings)).toBe(search);
      const named = new URLSearchParams(search);
      expect(named.has("cutoff")).toBe(settings.cutoff !== defaultSettings.cutoff);
      expect(named.has("deff")).toBe(settings.deff !== defaultSettings.deff);
      expect(named.has("interval")).toBe(settings.intervalMethod !== defaultSettings.intervalMethod);
    }
    expect(new Set(all.map(searchForSettings)).size).toBe(new Set(all.map((s) => JSON.stringify(s))).size);
  });

  it("refuse to write settings the controls cannot hold", () => {
    expect(() => searchForSettings({...defaultSettings, deff: 9})).toThrow("the design effect must be between 1 and 3");
    expect(() => searchForSettings({...defaultSettings, deff: Number.NaN})).toThrow(RangeError);
    expect(() => searchForSettings({...defaultSettings, cutoff: "2023-02-30"})).toThrow("there is no such day");
    expect(() => searchForSettings({...defaultSettings, cutoff: "1990-01-01"})).toThrow("the cutoff must be between 1 January 1999 and 31 December 2030");
    expect(() => searchForSettings({...defaultSettings, intervalMethod: "bootstrap" as "wald"})).toThrow("the interval method must be wilson or wald");
  });
});

/** Reads one address: its settings, and the note the page shows. */
const read = (search: string) => {
  const {settings, ignored} = settingsFromSearch(search);
  return {settings, note: addressNote(ignored)};
};

describe("settingsFromSearch: hostile parameters fall back to the default, each named with why", () => {
  const cases: [search: string, note: string][] = [
    ["?cutoff=2023-02-30", "Ignored cutoff=2023-02-30 from the address: there is no such day; using 24 February 2022."],
    ["?cutoff=2023-13-01", "Ignored cutoff=2023-13-01 from the address: there is no such day; using 24 February 2022."],
    ["?cutoff=1990-01-01", "Ignored cutoff=1990-01-01 from the address: the cutoff must be between 1 January 1999 and 31 December 2030; using 24 February 2022."],
    ["?cutoff=2031-01-01", "Ignored cutoff=2031-01-01 from the address: the cutoff must be between 1 January 1999 and 31 December 2030; using 24 February 2022."],
    ["?cutoff=2023-1-1", "Ignored cutoff=2023-1-1 from the address: the cutoff must be a date written YYYY-MM-DD; using 24 February 2022."],
    ["?cutoff=yesterday", "Ignored cutoff=yesterday from the address: the cutoff must be a date written YYYY-MM-DD; using 24 February 2022."],
    ["?cutoff=+275760-09-13", "Ignored cutoff=275760-09-13 from the address: the cutoff must be a date written YYYY-MM-DD; using 24 February 2022."],
    ["?deff=9", "Ignored deff=9 from the address: the design effect must be between 1 and 3; using 1."],
    ["?deff=0.5", "Ignored deff=0.5 from the address: the design effect must be between 1 and 3; using 1."],
    ["?deff=-2", "Ignored deff=-2 from the address: the design effect must be between 1 and 3; using 1."],
    ["?deff=abc", "Ignored deff=abc from the address: the design effect must be a number between 1 and 3; using 1."],
    ["?deff=1e", "Ignored deff=1e from the address: the design effect must be a number between 1 and 3; using 1."],
    ["?deff=1e0", "Ignored deff=1e0 from the address: the design effect must be a number between 1 and 3; using 1."],
    ["?deff=0x2", "Ignored deff=0x2 from the address: the design effect must be a number between 1 and 3; using 1."],
    ["?deff=2abc", "Ignored deff=2abc from the address: the design effect must be a number between 1 and 3; using 1."],
    ["?deff=1,5", "Ignored deff=1,5 from the address: the design effect must be a number between 1 and 3; using 1."],
    ["?deff=Infinity", "Ignored deff=Infinity from the address: the design effect must be a number between 1 and 3; using 1."],
    ["?deff=", "Ignored deff= from the address: it has no value; using 1."],
    ["?deff", "Ignored deff= from the address: it has no value; using 1."],
    ["?interval=bootstrap", "Ignored interval=bootstrap from the address: the interval method must be wilson or wald; using Wilson score intervals."],
    ["?interval=wilson-score", "Ignored interval=wilson-score from the address: the interval method must be wilson or wald; using Wilson score intervals."],
    ["?deff=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "Ignored deff=<img src=x onerror=alert… from the address: the design effect must be a number between 1 and 3; using 1."],
    ["?cutoff=%3Cscript%3Ealert(1)%3C/script%3E", "Ignored cutoff=<script>alert(1)</script… from the address: the cutoff must be a date written YYYY-MM-DD; using 24 February 2022."],
    ["?interval=%22%3E%3Csvg%20onload%3Dalert(1)%3E", 'Ignored interval="><svg onload=alert(1)> from the address: the interval method must be wilson or wald; using Wilson score intervals.']
  ];
  for (const [search, note] of cases) {
    it(`${search}: the default, and "${note.slice(0, 60)}…"`, () => {
      expect(read(search)).toEqual({settings: defaultSettings, note});
    });
  }

  it("keeps the good parameters when another is bad", () => {
    expect(read("?cutoff=2023-01-01&deff=9&interval=wald")).toEqual({
      settings: {cutoff: "2023-01-01", deff: 1, intervalMethod: "wald"},
      note: "Ignored deff=9 from the address: the design effect must be between 1 and 3; using 1."
    });
  });

  it("names every bad setting, in the settings' order, one sentence each", () => {
    expect(read("?interval=x&deff=0&cutoff=2023-02-30").note).toBe(
      "Ignored cutoff=2023-02-30 from the address: there is no such day; using 24 February 2022. " +
        "Ignored deff=0 from the address: the design effect must be between 1 and 3; using 1. " +
        "Ignored interval=x from the address: the interval method must be wilson or wald; using Wilson score intervals."
    );
  });

  it("ignores a parameter given twice or more, whichever value is good: which one was meant cannot be known", () => {
    expect(read("?deff=1.5&deff=2")).toEqual({settings: defaultSettings, note: "Ignored deff=1.5 and deff=2 from the address: the design effect is given twice; using 1."});
    expect(read("?deff=1.5&deff=1.5").note).toBe("Ignored deff=1.5 and deff=1.5 from the address: the design effect is given twice; using 1.");
    expect(read("?cutoff=2023-01-01&cutoff=2015-01-01&cutoff=x")).toEqual({
      settings: defaultSettings,
      note: "Ignored cutoff=2023-01-01, cutoff=2015-01-01 and cutoff=x from the address: the cutoff is given 3 times; using 24 February 2022."
    });
    // The same name in another case is the same parameter.
    expect(read("?interval=wald&INTERVAL=wald")).toEqual({
      settings: defaultSettings,
      note: "Ignored interval=wald and INTERVAL=wald from the address: the interval method is given twice; using Wilson score intervals."
    });
    // However many times, the note names three and counts the rest.
    expect(read(`?${Array.from({length: 100}, (_, i) => `deff=${i}`).join("&")}`).note).toBe("Ignored deff=0, deff=1, deff=2 and 97 others from the address: the design effect is given 100 times; using 1.");
    // The others still count.
    expect(read("?deff=2&deff=3&interval=wald").settings).toEqual({...defaultSettings, intervalMethod: "wald"});
  });

  it("ignores unknown parameters, says so in the same note, and names no more than three", () => {
    expect(read("?deff=2&theme=dark")).toEqual({settings: {...defaultSettings, deff: 2}, note: "Ignored theme=dark from the address: the page has no setting by that name."});
    expect(read("?utm_source=news&ref=x").note).toBe("Ignored utm_source=news and ref=x from the address: the page has no settings by those names.");
    expect(read("?a=1&b=2&c=3&d=4").note).toBe("Ignored a=1, b=2, c=3 and 1 other parameter from the address: the page has no settings by those names.");
    expect(read("?a=1&b=2&c=3&d=4&d=5&e=6").note).toBe("Ignored a=1, b=2, c=3 and 3 other parameters from the address: the page has no settings by those names.");
    expect(read("?deff=9&x=1").note).toBe("Ignored deff=9 from the address: the design effect must be between 1 and 3; using 1. Ignored x=1 from the address: the page has no setting by that name.");
    expect(settingsFromSearch("?x=1&x=2").ignored).toEqual([{given: [{name: "x", value: "1"}, {name: "x", value: "2"}], setting: null, reason: "the page has no such setting"}]);
    // Markup in a name is only text too.
    expect(read("?%3Cimg%20src=x%3E=1").note).toBe("Ignored <img src=x>=1 from the address: the page has no setting by that name.");
  });

  it("takes spaces around a name or a value, and any case in names and in the interval method", () => {
    expect(read("?deff=%201.5%20").settings.deff).toBe(1.5);
    expect(read("?deff=+2+").settings.deff).toBe(2);
    expect(read("?cutoff=%092023-01-01%0A").settings.cutoff).toBe("2023-01-01");
    expect(read("?%20deff%20=2").settings.deff).toBe(2);
    expect(read("?DEFF=2&Cutoff=2015-01-01&Interval=WALD")).toEqual({settings: {cutoff: "2015-01-01", deff: 2, intervalMethod: "wald"}, note: null});
    expect(read("?interval=Wilson").settings.intervalMethod).toBe("wilson");
    // Written another way, read as the same number, and written back the one way.
    expect(searchForSettings(read("?deff=1.50").settings)).toBe("?deff=1.5");
    expect(searchForSettings(read("?deff=002.").settings)).toBe("?deff=2");
    // A space inside a value is not around it.
    expect(read("?deff=1%20.5").note).toBe("Ignored deff=1 .5 from the address: the design effect must be a number between 1 and 3; using 1.");
  });

  it("quotes what it ignores short, and shows control and direction characters as �, not obeyed", () => {
    const long = "x".repeat(500);
    expect(read(`?deff=${long}`).note).toBe(`Ignored deff=${"x".repeat(24)}… from the address: the design effect must be a number between 1 and 3; using 1.`);
    expect(read("?x=%E2%80%AEabc%0Adef").note).toBe("Ignored x=\uFFFDabc\uFFFDdef from the address: the page has no setting by that name.");
    // Not percent-encoding as it should be: decoded as far as it goes, never an exception.
    expect(read("?deff=%E0%A4%A").note).toBe("Ignored deff=\uFFFD%A from the address: the design effect must be a number between 1 and 3; using 1.");
  });

  it("always gives settings the analysis can use, whatever the address", () => {
    const next = random(99);
    const pieces = ["cutoff", "deff", "interval", "CUTOFF", "x", "=", "&", "?", "#", "%", "%20", "+", "2023-02-30", "2022-02-24", "1.5", "9", "1e", "wald", "<img src=x>", "", "0", "-", "."];
    for (let i = 0; i < 3000; i++) {
      const search = Array.from({length: 1 + Math.floor(next() * 12)}, () => pieces[Math.floor(next() * pieces.length)]).join("");
      const {settings, ignored} = settingsFromSearch(search);
      expect(settingsContract.parse(settings), search).toEqual(settings);
      // searchForSettings throws for anything the controls cannot hold.
      expect(() => searchForSettings(settings), search).not.toThrow();
      expect(addressNote(ignored) === null, search).toBe(ignored.length === 0);
    }
  });
});

describe("addressForSettings: the address bar for the settings in use", () => {
  const at = (search: string, hash = "") => ({pathname: "/invasion", search, hash});

  it("writes the settings' query and keeps the hash, so a link to a chart still leads there", () => {
    expect(addressForSettings(at("", "#kosovo-nato-like-for-like-iri"), {...defaultSettings, deff: 2})).toBe("/invasion?deff=2#kosovo-nato-like-for-like-iri");
    expect(addressForSettings(at("?deff=2", "#x"), defaultSettings)).toBe("/invasion#x");
    expect(addressForSettings({pathname: "/kosovo/invasion", search: "?deff=9&x=1", hash: ""}, defaultSettings)).toBe("/kosovo/invasion");
  });

  it("is null when the address already says exactly that", () => {
    expect(addressForSettings(at(""), defaultSettings)).toBeNull();
    expect(addressForSettings(at("?cutoff=2023-01-01&deff=1.5&interval=wald"), {cutoff: "2023-01-01", deff: 1.5, intervalMethod: "wald"})).toBeNull();
    // The same settings written another way are rewritten the one way.
    expect(addressForSettings(at("?interval=wald&deff=1.5&cutoff=2023-01-01"), {cutoff: "2023-01-01", deff: 1.5, intervalMethod: "wald"})).toBe("/invasion?cutoff=2023-01-01&deff=1.5&interval=wald");
  });
});
