// The /invasion controls in Chromium: moved to cutoffs before, between, inside and after the polls, other design
// effects and the Wald interval, and given input the analysis cannot use (a design effect of 9, 0.5, nothing or not a
// number; an empty date). After each move the page's visible texts are checked against analyseInvasion computed here
// from the settings the page says it uses. And at 320, 375, 768 and 1280px, live and as built, no drawn mark crosses
// a mean label, and no rule label is cut at an edge.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {invasionStatistics} from "../../src/components/headlines.ts";
import {formatDate, formatPoints} from "../../src/components/format.ts";
import {cutoffRuleLabel, invasionRuleLabel} from "../../src/components/invasion-text.ts";
import {chartById} from "../../src/components/registry.ts";
import {analyseInvasion, applySettings, defaultSettings, INVASION_DATE, type AnalysisSettings} from "../../src/lib/invasion.ts";
import {browserUnavailable} from "./chromium.ts";
import {serveBuiltSite} from "./served-site.ts";
import {reachForCharts} from "./live-charts.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser tests of the /invasion controls: ${unavailable}`);

const data = buildDatasets(loadTables());
const support = chartById("kosovo-nato-support-before-after-invasion");
const like = chartById("kosovo-nato-like-for-like-iri");

interface Shown {
  supportTitle: string;
  supportSubtitle: string;
  ruleLabels: string[];
  likeTitle: string;
  likeSubtitle: string;
  /** The like-for-like table's rows: the intervals follow the design effect and the interval method. */
  likeRows: string[];
  statistics: string[];
  notes: string[];
}

/** What a reader sees: the charts' texts, the rules' labels, the statistics (term: value) and the visible notes. */
function readPage(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent ?? "";
    const svg = document.querySelector("figure#kosovo-nato-support-before-after-invasion:not(.chart-static) svg[role=img]");
    const terms = Array.from(document.querySelectorAll(".stat-list dt"));
    return {
      supportTitle: text("figure#kosovo-nato-support-before-after-invasion .chart-title"),
      supportSubtitle: text("figure#kosovo-nato-support-before-after-invasion .chart-subtitle"),
      ruleLabels: Array.from(svg?.querySelectorAll("text") ?? [], (t) => t.textContent ?? "").filter((t) => /^(Cutoff|Russia invades|Invasion)/.test(t)),
      likeTitle: text("figure#kosovo-nato-like-for-like-iri .chart-title"),
      likeSubtitle: text("figure#kosovo-nato-like-for-like-iri .chart-subtitle"),
      likeRows: Array.from(document.querySelectorAll("figure#kosovo-nato-like-for-like-iri .chart-table tbody tr"), (row) => Array.from(row.children, (cell) => cell.textContent).join(" | ")),
      statistics: terms.map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`),
      notes: Array.from(document.querySelectorAll<HTMLElement>(".setting-note"))
        .filter((note) => !note.hidden && note.getBoundingClientRect().height > 0)
        .map((note) => note.textContent ?? "")
    };
  });
}

/** What the page should show at these settings, from the analysis computed here. */
function expected(settings: AnalysisSettings, notes: string[] = []): Shown {
  const analysis = analyseInvasion(data.polls, settings);
  const live = {...data, polls: applySettings(data.polls, settings), invasion: analysis};
  const moved = settings.cutoff !== INVASION_DATE;
  return {
    supportTitle: support.title(live),
    supportSubtitle: support.subtitle(live),
    ruleLabels: [cutoffRuleLabel(analysis, false), ...(moved ? [invasionRuleLabel(false)] : [])],
    likeTitle: like.title(live),
    likeSubtitle: like.subtitle(live),
    likeRows: like.table(live).rows.map((row) => like.table(live).columns.map((column) => (typeof row[column.key] === "number" ? (row[column.key] as number).toLocaleString("en-GB", {maximumFractionDigits: 2}) : String(row[column.key]))).join(" | ")),
    statistics: invasionStatistics(live).map((line) => `${line.label}: ${line.value}`),
    notes
  };
}

/** Finds marks that cross a mean label, and rule labels outside the drawing, in the chart on screen. */
function findCollisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const svg = Array.from(document.querySelectorAll<SVGSVGElement>("figure#kosovo-nato-support-before-after-invasion svg[role=img]")).find((s) => s.getBoundingClientRect().width > 0);
    if (!svg) return ["no chart on screen"];
    const frame = svg.getBoundingClientRect();
    const texts = Array.from(svg.querySelectorAll("text"));
    const meanLabels = texts.filter((t) => /mean \d/.test(t.textContent ?? ""));
    if (meanLabels.length === 0) problems.push("no mean label drawn");
    for (const label of texts.filter((t) => /^(Cutoff|Russia invades|Invasion)/.test(t.textContent ?? ""))) {
      const box = label.getBoundingClientRect();
      if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) problems.push(`rule label "${label.textContent}" cut: ${box.left - frame.left}–${box.right - frame.left} of ${frame.width}`);
    }
    // Every mark but the background shading, the grid and the axes, as points on screen (lines and paths sampled).
    const marks = Array.from(svg.querySelectorAll<SVGGraphicsElement>("g[aria-label=rule] line, g[aria-label=dot] circle, g[aria-label=link] path, g[aria-label=line] path"));
    for (const label of meanLabels) {
      const box = label.getBoundingClientRect();
      const inside = (x: number, y: number) => x > box.left && x < box.right && y > box.top && y < box.bottom;
      for (const mark of marks) {
        const matrix = mark.getScreenCTM()!;
        const points: [number, number][] = [];
        if (mark instanceof SVGGeometryElement && !(mark instanceof SVGCircleElement)) {
          const length = mark.getTotalLength();
          for (let at = 0; at <= length; at += 1) {
            const p = mark.getPointAtLength(at).matrixTransform(matrix);
            points.push([p.x, p.y]);
          }
        } else {
          const b = mark.getBoundingClientRect();
          for (let x = b.left; x <= b.right; x += 1) for (let y = b.top; y <= b.bottom; y += 1) points.push([x, y]);
        }
        if (points.some(([x, y]) => inside(x, y))) problems.push(`"${label.textContent}" crossed by a ${mark.tagName} of ${mark.parentElement?.getAttribute("aria-label")}`);
      }
      for (const other of texts) {
        if (other === label || other.closest("g[aria-label$='axis']") || other.closest("g[aria-label$='tick label']")) continue;
        const b = other.getBoundingClientRect();
        if (b.width > 0 && b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom) problems.push(`"${label.textContent}" overlaps "${other.textContent}"`);
      }
    }
    return problems;
  });
}

describe.skipIf(unavailable !== null)("/invasion controls in Chromium", () => {
  const site = serveBuiltSite();

  async function open(width = 1280, javaScriptEnabled = true): Promise<{page: Page; errors: string[]}> {
    const context = await site.browser.newContext({viewport: {width, height: 900}, javaScriptEnabled});
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(new URL("invasion", site.baseUrl).href, {waitUntil: "networkidle"});
    if (javaScriptEnabled) await reachForCharts(page);
    return {page, errors};
  }

  const setCutoff = (page: Page, value: string) => page.locator("input[type=date]").fill(value);
  const setDeff = (page: Page, value: string) => page.locator("form:has(input[type=range]) input[type=number]").fill(value);
  const setMethod = (page: Page, method: "wilson" | "wald") => page.getByLabel(method === "wald" ? "Wald (normal approximation)" : "Wilson score").check();
  /** Waits until the page shows what it should; on failure the message shows both. */
  const expectShown = (page: Page, want: Shown) => expect.poll(() => readPage(page), {timeout: 10_000}).toEqual(want);

  it("at the default settings, and after every move of the controls, shows texts true of the analysis", async () => {
    const {page, errors} = await open();
    await expectShown(page, expected(defaultSettings));
    const moves: {cutoff: string; deff: number; intervalMethod: "wilson" | "wald"}[] = [
      {cutoff: "2015-01-01", deff: 1, intervalMethod: "wilson"},
      {cutoff: "2023-03-01", deff: 1.5, intervalMethod: "wilson"},
      {cutoff: "2010-01-01", deff: 3, intervalMethod: "wald"},
      {cutoff: "2018-06-15", deff: 2, intervalMethod: "wald"},
      {cutoff: "2024-06-01", deff: 1.2, intervalMethod: "wilson"},
      {cutoff: INVASION_DATE, deff: 1, intervalMethod: "wilson"}
    ];
    for (const settings of moves) {
      await setCutoff(page, settings.cutoff);
      await setDeff(page, String(settings.deff));
      await setMethod(page, settings.intervalMethod);
      await expectShown(page, expected(settings));
    }
    // The texts themselves, for one moved cutoff, as a reader would check them against the numbers.
    await setCutoff(page, "2015-01-01");
    await expectShown(page, expected({cutoff: "2015-01-01", deff: 1, intervalMethod: "wilson"}));
    const shown = await readPage(page);
    const analysis = analyseInvasion(data.polls, {cutoff: "2015-01-01", deff: 1, intervalMethod: "wilson"});
    expect(shown.supportTitle).toBe(`Mean support higher after the cutoff of 1 January 2015 than before: ${formatPoints(analysis.meanDifference!)} (the means mix pollsters)`);
    expect(shown.ruleLabels).toEqual(["Cutoff, 1 January 2015", `Russia invades Ukraine, ${formatDate(INVASION_DATE)}`]);
    expect(shown.likeTitle).toBe("No pollster polled both before and after the cutoff of 1 January 2015");
    expect(shown.statistics[1]).toMatch(/^After 1 January 2015 \(3 polls, n = 3,600\): mean 92\.7%; trend \+\d\.\d points a year \(95% interval −\d+\.\d to \+\d+\.\d points a year, 3 polls\)$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("never shows a control's value beside figures computed from another: it says which value the figures use", async () => {
    const {page, errors} = await open();
    const base = {cutoff: INVASION_DATE, intervalMethod: "wilson" as const};
    await setDeff(page, "2");
    await expectShown(page, expected({...base, deff: 2}));
    await setDeff(page, "9");
    await expectShown(page, expected({...base, deff: 3}, ["Design effect 9 is outside 1–3: the figures use 3."]));
    await expect.poll(() => page.locator("input[type=range]").inputValue()).toBe("3");
    await setDeff(page, "0.5");
    await expectShown(page, expected({...base, deff: 1}, ["Design effect 0.5 is outside 1–3: the figures use 1."]));
    await setDeff(page, "2.5");
    await expectShown(page, expected({...base, deff: 2.5}));
    await setDeff(page, "");
    await expectShown(page, expected({...base, deff: 2.5}, ["No design effect given: the figures use 2.5, the last valid value."]));
    // Letters: Chromium keeps them out of a number box (it stays empty), all but an exponent's "e", which it flags.
    const box = page.locator("form:has(input[type=range]) input[type=number]");
    await box.focus();
    await page.keyboard.type("abc");
    await expectShown(page, expected({...base, deff: 2.5}, ["No design effect given: the figures use 2.5, the last valid value."]));
    // Typing "1e": "1" is a valid design effect and is used as it is typed; "1e" is not a number, and 1 stays.
    await box.fill("");
    await page.keyboard.type("1e");
    await expectShown(page, expected({...base, deff: 1}, ["The design effect typed is not a number: the figures use 1, the last valid value."]));
    // The slider brings a valid value back, and the note goes.
    await page.locator("input[type=range]").fill("1.5");
    await expectShown(page, expected({...base, deff: 1.5}));
    // An empty date: the last date given stays in use, and the page says so.
    await setCutoff(page, "2023-03-01");
    await expectShown(page, expected({...base, cutoff: "2023-03-01", deff: 1.5}));
    await setCutoff(page, "");
    await expectShown(page, expected({...base, cutoff: "2023-03-01", deff: 1.5}, ["No cutoff date given: the figures use 1 March 2023, the last date given."]));
    await setCutoff(page, "2015-01-01");
    await expectShown(page, expected({...base, cutoff: "2015-01-01", deff: 1.5}));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const width of [320, 375, 768, 1280]) {
    it(`at ${width}px, live, no mark crosses a mean label and no rule label is cut, at the invasion and at moved cutoffs`, async () => {
      const {page} = await open(width);
      for (const cutoff of [INVASION_DATE, "2015-01-01", "2023-03-01", "2010-01-01", "2024-06-01"]) {
        if (cutoff !== INVASION_DATE) await setCutoff(page, cutoff);
        await expect.poll(() => page.locator("figure#kosovo-nato-support-before-after-invasion .chart-subtitle").textContent()).toContain(`Cutoff: ${formatDate(cutoff)}`);
        expect(await findCollisions(page), `cutoff ${cutoff}`).toEqual([]);
      }
      await page.context().close();
    });
  }

  for (const width of [375, 1280]) {
    it(`as built (scripts off), at ${width}px, no mark crosses a mean label and no rule label is cut`, async () => {
      const {page} = await open(width, false);
      expect(await findCollisions(page)).toEqual([]);
      await page.context().close();
    });
  }
});
