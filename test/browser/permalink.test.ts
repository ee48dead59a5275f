// The /invasion settings in the address, in Chromium: an address with settings opens the page at them (the controls,
// the statistics and both charts' titles); moving the controls rewrites the address in place (no history entry per
// step, the hash kept), Back leaves the page and Forward or a reload brings the same settings back; and each hostile
// address (an impossible date, a number out of range, text, markup, a parameter given twice) leaves the default in
// use, with a note naming what was ignored, inserted as text only: no element and no dialog from the address. The
// note keeps the reader gate's rules (writing rules, no sideways scroll at 320px, axe, contrast included).
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {invasionStatistics} from "../../src/components/headlines.ts";
import {chartById} from "../../src/components/registry.ts";
import {datasetsAtSettings, defaultSettings, type AnalysisSettings} from "../../src/lib/invasion.ts";
import {addressNote, searchForSettings, settingsFromSearch} from "../../src/lib/settings.ts";
import {axeViolations, describeViolations} from "./axe.ts";
import {browserUnavailable} from "./chromium.ts";
import {sidewaysOverflow, visibleText, writingRules} from "./reader-checks.ts";
import {serveBuiltSite} from "./served-site.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser tests of the /invasion address: ${unavailable}`);

const data = buildDatasets(loadTables());
const support = chartById("kosovo-nato-support-before-after-invasion");
const like = chartById("kosovo-nato-like-for-like-iri");

interface Shown {
  /** What the controls hold: the date box, the number box, the checked radio button's label. */
  controls: {cutoff: string; deff: string; method: string};
  supportTitle: string;
  supportSubtitle: string;
  likeTitle: string;
  likeSubtitle: string;
  /** The statistics list, term: value. */
  statistics: string[];
  /** The visible notes near the controls (the address's and each control's). */
  notes: string[];
}

/** What a reader sees: the controls, the charts' texts as drawn (static or live, whichever is on screen), the numbers. */
function readPage(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const onScreen = (id: string) => Array.from(document.querySelectorAll(`figure#${id}`)).find((figure) => figure.getClientRects().length > 0);
    const text = (id: string, part: string) => onScreen(id)?.querySelector(part)?.textContent ?? "";
    const checked = document.querySelector<HTMLInputElement>(".controls input[type=radio]:checked");
    return {
      controls: {
        cutoff: document.querySelector<HTMLInputElement>(".controls input[type=date]")?.value ?? "",
        deff: document.querySelector<HTMLInputElement>(".controls input[type=number]")?.value ?? "",
        method: checked?.closest("label")?.textContent ?? ""
      },
      supportTitle: text("kosovo-nato-support-before-after-invasion", ".chart-title"),
      supportSubtitle: text("kosovo-nato-support-before-after-invasion", ".chart-subtitle"),
      likeTitle: text("kosovo-nato-like-for-like-iri", ".chart-title"),
      likeSubtitle: text("kosovo-nato-like-for-like-iri", ".chart-subtitle"),
      statistics: Array.from(document.querySelectorAll(".stat-list dt"), (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`),
      notes: Array.from(document.querySelectorAll<HTMLElement>(".setting-note"))
        .filter((note) => !note.hidden && note.getBoundingClientRect().height > 0)
        .map((note) => note.textContent ?? "")
    };
  });
}

const methodLabels = {wilson: "Wilson score", wald: "Wald (normal approximation)"} as const;

/** What the page should show at these settings, from the analysis computed here. */
function expected(settings: AnalysisSettings, notes: string[] = [], deffShown = String(settings.deff)): Shown {
  const live = datasetsAtSettings(data, settings);
  return {
    controls: {cutoff: settings.cutoff, deff: deffShown, method: methodLabels[settings.intervalMethod]},
    supportTitle: support.title(live),
    supportSubtitle: support.subtitle(live),
    likeTitle: like.title(live),
    likeSubtitle: like.subtitle(live),
    statistics: invasionStatistics(live).map((line) => `${line.label}: ${line.value}`),
    notes
  };
}

/** The addresses a hostile or careless link could carry, each with the setting it tries to set. */
const hostileAddresses = [
  "?cutoff=2023-02-30",
  "?cutoff=1990-01-01",
  "?cutoff=2031-06-01",
  "?deff=9",
  "?deff=0.5",
  "?deff=abc",
  "?deff=1e",
  "?interval=bootstrap",
  "?deff=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
  "?cutoff=%3Cimg%20src%3Dx%20onerror%3D%22window.injected%3Dtrue%22%3E",
  "?interval=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "?%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1",
  "?deff=1.5&deff=2",
  "?interval=wald&INTERVAL=wald",
  "?theme=dark&utm_source=newsletter"
];

describe.skipIf(unavailable !== null)("/invasion settings in the address, in Chromium", () => {
  const site = serveBuiltSite();
  const invasionPath = () => new URL("invasion", site.baseUrl).pathname;

  /** A page with its console errors, uncaught errors and dialogs (alert, confirm) recorded; dialogs are dismissed. */
  async function newPage(width = 1280, colorScheme: "light" | "dark" = "light") {
    const context = await site.browser.newContext({viewport: {width, height: 900}, colorScheme});
    const page = await context.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return {page, errors, dialogs};
  }

  const open = (page: Page, search: string, hash = "") => page.goto(`${new URL("invasion", site.baseUrl).href}${search}${hash}`, {waitUntil: "networkidle"});
  const search = (page: Page) => new URL(page.url()).search;
  const historyLength = (page: Page) => page.evaluate(() => history.length);
  /** Waits until the page shows what it should; on failure the message shows both. */
  const expectShown = (page: Page, want: Shown) => expect.poll(() => readPage(page), {timeout: 15_000}).toEqual(want);

  const setCutoff = (page: Page, value: string) => page.locator(".controls input[type=date]").fill(value);
  const setDeff = (page: Page, value: string) => page.locator(".controls input[type=number]").fill(value);
  const setMethod = (page: Page, method: "wilson" | "wald") => page.getByLabel(methodLabels[method]).check();

  it("opens at the address's settings: the controls, the statistics and both charts' titles", async () => {
    const {page, errors} = await newPage();
    const cases: AnalysisSettings[] = [
      {cutoff: "2023-01-01", deff: 1.5, intervalMethod: "wald"},
      {cutoff: "2015-01-01", deff: 1, intervalMethod: "wilson"},
      {cutoff: defaultSettings.cutoff, deff: 2.5, intervalMethod: "wilson"},
      {cutoff: "2010-06-30", deff: 3, intervalMethod: "wald"},
      // Off the slider's steps: the number box holds it as a reader would type it, and the figures use it.
      {cutoff: "2024-06-01", deff: 1.55, intervalMethod: "wilson"}
    ];
    for (const settings of cases) {
      const query = searchForSettings(settings);
      await open(page, query);
      await expectShown(page, expected(settings));
      // The address was already the settings' own: nothing rewritten.
      expect(search(page)).toBe(query);
    }
    // The slider sits at the nearest of its steps to 1.55.
    expect(["1.5", "1.6"]).toContain(await page.locator(".controls input[type=range]").inputValue());
    // The one given in the brief, written out.
    await open(page, "?cutoff=2023-01-01&deff=1.5&interval=wald");
    const shown = await readPage(page);
    expect(shown.controls).toEqual({cutoff: "2023-01-01", deff: "1.5", method: "Wald (normal approximation)"});
    expect(shown.supportSubtitle).toContain("Cutoff: 1 January 2023");
    expect(shown.statistics.join("\n")).toContain("1 January 2023");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("writes the same settings written another way (case, spaces, order) back the one way, without a new history entry", async () => {
    const {page} = await newPage();
    await page.goto(new URL("troops", site.baseUrl).href, {waitUntil: "networkidle"});
    const before = await historyLength(page);
    await open(page, "?INTERVAL=Wald&deff=%201.50&Cutoff=2023-01-01", "#kosovo-nato-like-for-like-iri");
    await expectShown(page, expected({cutoff: "2023-01-01", deff: 1.5, intervalMethod: "wald"}));
    expect(new URL(page.url()).pathname).toBe(invasionPath());
    expect(search(page)).toBe("?cutoff=2023-01-01&deff=1.5&interval=wald");
    expect(new URL(page.url()).hash).toBe("#kosovo-nato-like-for-like-iri");
    // One entry for arriving, none for the rewriting.
    expect(await historyLength(page)).toBe(before + 1);
    await page.context().close();
  });

  it("keeps the address in step with the controls by replacing it: Back leaves the page, Forward and a reload bring the settings back", async () => {
    const {page, errors} = await newPage();
    await page.goto(new URL("troops", site.baseUrl).href, {waitUntil: "networkidle"});
    await open(page, "", "#kosovo-nato-support-before-after-invasion");
    await expectShown(page, expected(defaultSettings));
    const entries = await historyLength(page);
    const steps: [move: () => Promise<unknown>, settings: AnalysisSettings][] = [
      [() => setCutoff(page, "2023-01-01"), {...defaultSettings, cutoff: "2023-01-01"}],
      [() => setDeff(page, "1.5"), {cutoff: "2023-01-01", deff: 1.5, intervalMethod: "wilson"}],
      [() => setMethod(page, "wald"), {cutoff: "2023-01-01", deff: 1.5, intervalMethod: "wald"}],
      [() => page.locator(".controls input[type=range]").fill("2.2"), {cutoff: "2023-01-01", deff: 2.2, intervalMethod: "wald"}],
      // A design effect the figures cannot use: they use 3, and so does the address.
      [() => setDeff(page, "9"), {cutoff: "2023-01-01", deff: 3, intervalMethod: "wald"}],
      [() => setDeff(page, "2"), {cutoff: "2023-01-01", deff: 2, intervalMethod: "wald"}],
      [() => setCutoff(page, "2015-01-01"), {cutoff: "2015-01-01", deff: 2, intervalMethod: "wald"}]
    ];
    for (const [move, settings] of steps) {
      await move();
      await expect.poll(() => search(page)).toBe(searchForSettings(settings));
      expect(new URL(page.url()).hash).toBe("#kosovo-nato-support-before-after-invasion");
      expect(await historyLength(page)).toBe(entries);
    }
    const last = steps[steps.length - 1][1];
    await expectShown(page, expected(last));
    expect(search(page)).toBe("?cutoff=2015-01-01&deff=2&interval=wald");

    // Back leaves the page, in one step, for the one before it.
    await page.goBack({waitUntil: "networkidle"});
    expect(new URL(page.url()).pathname).toBe(new URL("troops", site.baseUrl).pathname);
    // Forward comes back to the settings last in use.
    await page.goForward({waitUntil: "networkidle"});
    expect(search(page)).toBe("?cutoff=2015-01-01&deff=2&interval=wald");
    await expectShown(page, expected(last));
    await page.reload({waitUntil: "networkidle"});
    await expectShown(page, expected(last));

    // Back at the defaults, the address is the plain one.
    await setCutoff(page, defaultSettings.cutoff);
    await setDeff(page, "1");
    await setMethod(page, "wilson");
    await expect.poll(() => page.url()).toBe(`${new URL("invasion", site.baseUrl).href}#kosovo-nato-support-before-after-invasion`);
    await expectShown(page, expected(defaultSettings));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("on Back or Forward within the page (a link to a heading), shows the settings that entry's address gives", async () => {
    const {page} = await newPage();
    await open(page, "?deff=2");
    await expectShown(page, expected({...defaultSettings, deff: 2}));
    // A link on the page adds an entry: the same settings, with a hash.
    await page.locator("#observablehq-toc a").first().click();
    await expect.poll(() => new URL(page.url()).hash).not.toBe("");
    await setDeff(page, "3");
    await expect.poll(() => search(page)).toBe("?deff=3");
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${new URL("invasion", site.baseUrl).href}?deff=2`);
    await expectShown(page, expected({...defaultSettings, deff: 2}));
    await page.goForward();
    await expect.poll(() => search(page)).toBe("?deff=3");
    await expectShown(page, expected({...defaultSettings, deff: 3}));
    await page.context().close();
  });

  for (const hostile of hostileAddresses) {
    it(`${decodeURIComponent(hostile)}: the default in use, a note naming what was ignored, and nothing from the address inserted`, async () => {
      const {page, errors, dialogs} = await newPage();
      await open(page, hostile);
      const {settings, ignored} = settingsFromSearch(hostile);
      const note = addressNote(ignored)!;
      expect(note).toContain(`${ignored[0].given[0].name.slice(0, 12)}`);
      await expectShown(page, expected(settings, [note]));
      expect(await page.locator("#address-note").isVisible()).toBe(true);
      // The address now says what the figures use.
      expect(search(page)).toBe(searchForSettings(settings));
      // Nothing from the address became an element, ran, or opened a dialog.
      const injected = await page.evaluate(() => ({
        images: Array.from(document.images, (image) => image.getAttribute("src")).filter((src) => src === "x"),
        scripts: Array.from(document.scripts, (script) => script.textContent ?? "").filter((text) => text.includes("alert(1)")),
        elementsInNote: document.querySelector("#address-note")?.children.length,
        flag: "injected" in window
      }));
      expect(injected).toEqual({images: [], scripts: [], elementsInNote: 0, flag: false});
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      // Once the reader moves a control, the address is theirs and the note goes.
      await setMethod(page, "wald");
      await expectShown(page, expected({...settings, intervalMethod: "wald"}));
      await page.context().close();
    });
  }

  for (const width of [320, 375]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`at ${width}px, ${colorScheme}: the note for a hostile address keeps the reader gate's rules`, async () => {
        const {page} = await newPage(width, colorScheme);
        // Every kind at once: the longest note, with a long unbroken parameter.
        await open(page, "?cutoff=2023-02-30&deff=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&interval=bootstrap&interval=wald&averyveryverylongparametername=averyveryverylongvalue&utm_source=x");
        await expect.poll(() => page.locator("#address-note").isVisible()).toBe(true);
        const note = (await page.locator("#address-note").textContent()) ?? "";
        expect(note).toMatch(/^Ignored cutoff=2023-02-30 from the address: there is no such day; using 24 February 2022\. Ignored deff=<img src=x onerror=alert… from the address/);
        const lines = (await page.evaluate(visibleText)).filter((line) => line.includes("from the address"));
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.flatMap((line) => writingRules.filter(({pattern}) => pattern.test(line)).map(({rule}) => `"${line}": ${rule}`))).toEqual([]);
        expect((await page.evaluate(sidewaysOverflow)).excess).toBe(0);
        // Inside the window, not cut off at its edge.
        const box = (await page.locator("#address-note").boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(describeViolations(`/invasion at ${width}px, ${colorScheme}`, await axeViolations(page))).toEqual([]);
        await page.context().close();
      });
    }
  }

  it("an embed of a chart of this page follows the same settings in its address, and its snippet and link carry them", async () => {
    const {page, errors} = await newPage(640);
    const settings: AnalysisSettings = {cutoff: "2023-01-01", deff: 2, intervalMethod: "wald"};
    const live = datasetsAtSettings(data, settings);
    for (const spec of [support, like]) {
      await page.goto(`${new URL(`embed/${spec.id}`, site.baseUrl).href}${searchForSettings(settings)}&theme=dark`, {waitUntil: "networkidle"});
      // Drawn live at once (no reach needed): the build's drawing is at the defaults.
      await expect.poll(() => page.locator("figure.chart-static").count(), {timeout: 15_000}).toBe(0);
      expect(await page.locator(".chart-subtitle").textContent()).toBe(spec.subtitle(live));
      expect(await page.locator(".chart-title").textContent()).toBe(spec.title(live));
      // ?theme= is the embed's own parameter: not named as unknown.
      expect(await page.locator(".setting-note").count()).toBe(0);
      expect(new URL((await page.locator(".embed-view-link").getAttribute("href"))!, page.url()).search).toBe(searchForSettings(settings));
    }
    // A bad setting in an embed's address: the default, and the same note as the page's.
    await page.goto(`${new URL(`embed/${like.id}`, site.baseUrl).href}?deff=9&theme=light`, {waitUntil: "networkidle"});
    await expect.poll(() => page.locator(".setting-note").textContent()).toBe(addressNote(settingsFromSearch("?deff=9").ignored));
    expect(await page.locator(".chart-subtitle").textContent()).toBe(like.subtitle(data));
    // The Embed dialog of the page at these settings gives an embed address with them.
    await open(page, searchForSettings(settings));
    await page.locator(`figure#${like.id}`).scrollIntoViewIfNeeded();
    await page.locator(`figure#${like.id} .export-menu-toggle`).click();
    await page.locator(`figure#${like.id} .export-menu-option`, {hasText: "Embed"}).click();
    const snippet = await page.locator("dialog textarea").inputValue();
    expect(snippet).toContain(`src="${new URL(`embed/${like.id}`, site.baseUrl).href}${searchForSettings(settings).replaceAll("&", "&amp;")}"`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
