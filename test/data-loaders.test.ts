// The Framework data loaders, run as Framework runs them, checked against the published contracts.
import {describe, expect, it} from "vitest";
import {z} from "zod";
import {
  eventSchema,
  institutionTrustSchema,
  invasionSchema,
  memberSchema,
  pollSchema,
  protectionThreatSchema,
  regionalSupportSchema,
  sourceSchema,
  surveySchema,
  troopSchema
} from "../src/lib/contracts.ts";
import {dataCopy, replaceCell, runTsx} from "./helpers.ts";

function load<T extends z.ZodType>(name: string, schema: T, env: Record<string, string> = {}): z.infer<T> {
  const {status, stdout, stderr} = runTsx(`src/data/${name}.json.ts`, env);
  expect(stderr).toBe("");
  expect(status).toBe(0);
  return schema.parse(JSON.parse(stdout));
}

describe("src/data/polls.json.ts", () => {
  const polls = load("polls", z.array(pollSchema.strict()));

  it("prints the four polls of the Wikipedia table in date order", () => {
    expect(polls.map((p) => [p.id, p.pollster, p.fieldworkLabel, p.sampleSize, p.support, p.opposed, p.neutral, p.lead])).toEqual([
      ["kcss-2014-10", "KCSS", "October 2014", 1100, 88.7, 8.7, 2.6, 80],
      ["iri-2021-09", "IRI", "September 2021", 1200, 89, 3, 8, 86],
      ["iri-2023-02", "IRI", "February–March 2023", 1200, 95, 2, 4, 93],
      ["iri-2024-05", "IRI", "May 2024", 1200, 94, 3, 3, 91]
    ]);
  });

  it("month-precision fieldwork spans whole months", () => {
    const feb2023 = polls[2];
    expect([feb2023.fieldworkStart, feb2023.fieldworkEnd, feb2023.datePrecision]).toEqual(["2023-02-01", "2023-03-31", "month"]);
  });

  it("assigns periods around 24 February 2022 and carries Wilson intervals and sources", () => {
    expect(polls.map((p) => p.period)).toEqual(["pre", "pre", "post", "post"]);
    expect(polls[1].supportCi[0]).toBeCloseTo(87.104, 2);
    expect(polls[1].supportCi[1]).toBeCloseTo(90.648, 2);
    expect(polls[1].source).toMatchObject({id: "iri-kosovo-2021-09", publisher: "International Republican Institute"});
  });
});

describe("the other datasets", () => {
  it("troops keep qualifier and kind", () => {
    const troops = load("troops", z.array(troopSchema.strict()));
    expect(troops.find((t) => t.date === "2022-03-03")).toMatchObject({troops: 3770, qualifier: "exact", kind: "level"});
    expect(troops.find((t) => t.date === "2023-11-20")).toMatchObject({troops: 4500, qualifier: "more than"});
    expect(troops.filter((t) => t.kind === "reinforcement").map((t) => t.troops)).toEqual([2500, 1000]);
    expect(troops.map((t) => t.date)).toEqual([...troops.map((t) => t.date)].sort());
  });

  it("events include the invasion; members are 32, four not recognising Kosovo", () => {
    const events = load("events", z.array(eventSchema.strict()));
    expect(events.find((e) => e.date === "2022-02-24")?.category).toBe("ukraine");
    const members = load("members", z.array(memberSchema.strict()));
    expect(members).toHaveLength(32);
    expect(members.filter((m) => !m.recognizesKosovo)).toHaveLength(4);
    expect(load("sources", z.array(sourceSchema.strict())).length).toBeGreaterThan(10);
  });

  it("invasion: weighted means and the like-for-like IRI comparison", () => {
    const analysis = load("invasion", invasionSchema.strict());
    expect(analysis.cutoff).toBe("2022-02-24");
    expect(analysis.pre).toMatchObject({pollIds: ["kcss-2014-10", "iri-2021-09"]});
    expect(analysis.pre.meanSupport).toBeCloseTo(88.857, 3);
    expect(analysis.post.meanSupport).toBe(94.5);
    expect(analysis.likeForLike).toMatchObject({pollster: "IRI", prePollId: "iri-2021-09", postPollId: "iri-2023-02", difference: 6});
    expect(analysis.likeForLike?.z).toBeCloseTo(5.4174, 3);
    expect(analysis.likeForLike?.pValue).toBeLessThan(1e-7);
  });
});

describe("the other surveys' loaders", () => {
  it("publish what each survey asked, and the regional figures with NATO membership from members and the 2022 share derived", () => {
    const surveys = load("surveys", z.array(surveySchema.strict()));
    expect(surveys.find((s) => s.id === "iri-western-balkans-2024")).toMatchObject({fieldworkStart: "2024-02-02", fieldworkEnd: "2024-03-05", fieldworkLabel: "2 February–5 March 2024", comparedWith: 2022});
    expect(surveys.find((s) => s.id === "kcss-security-barometer-2015")?.fieldworkLabel).toBe("second half of October 2015");
    const regional = load("regional-support", z.array(regionalSupportSchema.strict()));
    expect(regional.map((r) => [r.country, r.support, r.natoMember, r.derivedEarlierSupport])).toEqual([
      ["Kosovo", 88, false, 75],
      ["Albania", 85, true, null],
      ["North Macedonia", 52, true, 49],
      ["Bosnia and Herzegovina", 50, false, 51],
      ["Montenegro", 39, true, 41],
      ["Serbia", 3, false, 3]
    ]);
  });

  it("publish protection or threat with the no-answer share derived and the other reading cited, and trust with its interval", () => {
    const views = load("protection-threat", z.array(protectionThreatSchema.strict()));
    expect(views.map((v) => [v.country, v.derivedNoAnswer])).toEqual([["Kosovo", 1], ["Albania", 5], ["Serbia", 11], ["Montenegro", 15], ["Russia", 10]]);
    expect(views[0].noteSources.map((s) => s.publisher)).toEqual(["Sputnik", "Voice of America (Serbian service)"]);
    const trust = load("institution-trust", z.array(institutionTrustSchema.strict()));
    expect(trust.map((t) => t.institution)).toEqual(["Kosovo Security Force", "KFOR"]);
    const [low, high] = trust[1].trustCi!;
    expect(low).toBeCloseTo(64.13, 1);
    expect(high).toBeCloseTo(69.74, 1);
  });
});

describe("DATA_DIR", () => {
  it("is read when set", () => {
    const dir = dataCopy({"polls.csv": replaceCell(5, "support", "93")});
    const polls = load("polls", z.array(pollSchema), {DATA_DIR: dir});
    expect(polls[3].support).toBe(93);
  });

  it("a bad copy fails the loader with the file, line, column and rule", () => {
    const dir = dataCopy({"polls.csv": replaceCell(4, "support", "104")});
    const {status, stdout, stderr} = runTsx("src/data/polls.json.ts", {DATA_DIR: dir});
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/polls\.csv line 4, column support: 104 is above 100/);
  });
});

describe("npm run validate", () => {
  it("prints a one-line summary for valid data", () => {
    const {status, stdout} = runTsx("scripts/validate.ts");
    expect(status).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(stdout).toMatch(/valid\. 4 polls, 18 troop figures/);
  });

  it("lists every problem and exits non-zero", () => {
    const dir = dataCopy({"polls.csv": replaceCell(4, "support", "104"), "troops.csv": replaceCell(4, "qualifier", "roughly")});
    const {status, stderr} = runTsx("scripts/validate.ts", {DATA_DIR: dir});
    expect(status).toBe(1);
    expect(stderr).toMatch(/polls\.csv line 4, column support: 104 is above 100/);
    expect(stderr).toMatch(/troops\.csv line 4, column qualifier: "roughly" is not one of/);
    expect(stderr).toMatch(/2 problems found/);
    expect(stderr).not.toMatch(/Editing in a spreadsheet/);
  });

  it("points to the guide when a spreadsheet most likely changed a table", () => {
    const dir = dataCopy({"troops.csv": replaceCell(5, "dateLabel", "06/01/03")});
    const {status, stderr} = runTsx("scripts/validate.ts", {DATA_DIR: dir});
    expect(status).toBe(1);
    expect(stderr).toMatch(/troops\.csv line 5, column dateLabel: "06\/01\/03" is a date as a spreadsheet writes it \(month\/day\/year\), not text: a spreadsheet most likely turned the text "June 2003" into a date/);
    expect(stderr).toMatch(/docs\/guide\.md, "Editing in a spreadsheet"/);
  });
});
