// The charts and blocks the build writes into each page (scripts/postbuild.ts), in Chromium: all there with scripts
// off, the same as what the page's scripts draw, replaced without moving anything, dark with a dark page; and no
// route loads Plot or the chart code until the reader reaches for a chart, and little JavaScript at all before that.
import {gzipSync} from "node:zlib";
import type {BrowserContextOptions, Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {charts} from "../../src/components/registry.ts";
import {blocks} from "../../src/components/blocks.ts";
import {browserUnavailable, readerRoutes, routes} from "./chromium.ts";
import {reachForCharts} from "./live-charts.ts";
import {serveBuiltSite} from "./served-site.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser tests of the static pages: ${unavailable}`);

/** What a reader sees of a chart: its texts and the drawn SVG's size on screen. */
interface ChartView {
  id: string;
  isStatic: boolean;
  title: string;
  subtitle: string;
  source: string;
  tableRows: string[];
  /** Width × height of each SVG chart with a box on screen (the other static drawing is display: none). */
  drawn: {width: number; height: number}[];
}

function readCharts(page: Page): Promise<ChartView[]> {
  return page.locator(".chart-slot").evaluateAll((slots) =>
    slots.map((slot) => {
      const figure = slot.querySelector("figure.chart");
      const text = (selector: string) => figure?.querySelector(selector)?.textContent ?? "";
      const drawn = Array.from(figure?.querySelectorAll("svg[role=img]") ?? [])
        .map((svg) => svg.getBoundingClientRect())
        .filter((box) => box.width > 0)
        .map((box) => ({width: Math.round(box.width), height: Math.round(box.height)}));
      return {
        id: (slot as HTMLElement).dataset.chart ?? "",
        isStatic: figure?.classList.contains("chart-static") ?? false,
        title: text(".chart-title"),
        subtitle: text(".chart-subtitle"),
        source: text(".chart-source"),
        tableRows: Array.from(figure?.querySelectorAll(".chart-table tr") ?? [], (row) => row.textContent ?? ""),
        drawn
      };
    })
  );
}

function readBlocks(page: Page): Promise<{name: string; text: string}[]> {
  return page.locator(".block-slot").evaluateAll((slots) => slots.map((slot) => ({name: (slot as HTMLElement).dataset.block ?? "", text: slot.textContent ?? ""})));
}

describe.skipIf(unavailable !== null)("pages as the build writes them", () => {
  const site = serveBuiltSite();

  async function open(route: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}, ...options});
    const page = await context.newPage();
    await page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
    return page;
  }

  /** The page once the reader has reached for every chart, so all are live. */
  async function openLive(route: string, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await open(route, options);
    await reachForCharts(page);
    return page;
  }

  const staticViews = new Map<string, {charts: ChartView[]; blocks: {name: string; text: string}[]}>();

  for (const width of [1280, 375]) {
    it(`with scripts off, at ${width}px, every page shows each chart drawn, with title, subtitle, source and data table, and every block`, async () => {
      const shown = new Set<string>();
      for (const route of routes) {
        const page = await open(route, {javaScriptEnabled: false, viewport: {width, height: 900}});
        const views = await readCharts(page);
        for (const view of views) {
          shown.add(view.id);
          expect(view.isStatic, view.id).toBe(true);
          expect(view.title.length, view.id).toBeGreaterThan(5);
          expect(view.subtitle.length, view.id).toBeGreaterThan(5);
          expect(view.source, view.id).toMatch(/^Sources?: \S/);
          expect(view.tableRows.length, view.id).toBeGreaterThan(1);
          // One drawing on screen, the one that fits: never wider than the page.
          expect(view.drawn, view.id).toHaveLength(1);
          expect(view.drawn[0].width, view.id).toBeLessThanOrEqual(width - 32);
          expect(view.drawn[0].height, view.id).toBeGreaterThan(100);
        }
        // Export works only with scripts, so its button is not offered without them.
        expect(await page.locator(".export-menu-toggle").evaluateAll((buttons) => buttons.filter((button) => button.getBoundingClientRect().width > 0).length)).toBe(0);
        const blockViews = await readBlocks(page);
        for (const block of blockViews) expect(block.text.length, `${route} ${block.name}`).toBeGreaterThan(20);
        if (width === 1280) staticViews.set(route, {charts: views, blocks: blockViews});
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.context().close();
      }
      // Every chart of the registry is on some page.
      expect([...shown].sort()).toEqual(charts.map((chart) => chart.id).sort());
    });
  }

  // The type scale of src/style.css. Each size and weight of a face is a font instance the browser sets up before
  // its first frame (on Linux, a round trip to the browser process each), so a stray size costs every reader time.
  for (const width of [1280, 375]) {
    it(`with scripts off, at ${width}px, the text outside the charts' drawings is set in the type scale: 14, 17, 25.5 or 34px, regular or bold`, async () => {
      for (const route of routes) {
        const page = await open(route, {javaScriptEnabled: false, viewport: {width, height: 900}});
        const offScale = await page.evaluate(() => {
          const sizes = ["14px", "17px", "25.5px", "34px"];
          const weights = ["400", "700"];
          const found: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (!element || !node.textContent?.trim() || element.closest("svg, .chart-plot") || element.getClientRects().length === 0) continue;
            const {fontSize, fontWeight} = getComputedStyle(element);
            if (!sizes.includes(fontSize) || !weights.includes(fontWeight)) found.push(`<${element.localName} class="${element.className}"> "${node.textContent.trim().slice(0, 40)}": ${fontSize} ${fontWeight}`);
          }
          return found;
        });
        expect(offScale, route).toEqual([]);
        await page.context().close();
      }
    });
  }

  it("every block the pages use is in the registry, and every registered block is used", () => {
    const used = [...staticViews.values()].flatMap((view) => view.blocks.map((block) => block.name));
    expect(new Set(used)).toEqual(new Set(Object.keys(blocks)));
  });

  it("the page's scripts draw the same charts and blocks as the build did: the same texts, the same heights", async () => {
    expect(staticViews.size).toBe(routes.length);
    for (const route of routes) {
      const page = await openLive(route);
      const live = await readCharts(page);
      const before = staticViews.get(route)!;
      expect(live.map((view) => view.id)).toEqual(before.charts.map((view) => view.id));
      for (const [index, view] of live.entries()) {
        const {drawn, isStatic, ...texts} = view;
        const {drawn: staticDrawn, isStatic: wasStatic, ...staticTexts} = before.charts[index];
        expect(isStatic).toBe(false);
        expect(wasStatic).toBe(true);
        expect(texts).toEqual(staticTexts);
        // At this width both use the wide layout: the live chart is wider, never taller or shorter.
        expect(drawn[0].height, view.id).toBe(staticDrawn[0].height);
        expect(drawn[0].width, view.id).toBeGreaterThanOrEqual(staticDrawn[0].width);
      }
      expect(await readBlocks(page)).toEqual(before.blocks);
      await page.context().close();
    }
  });

  for (const width of [1280, 375]) {
    it(`at ${width}px nothing on the page moves when the live charts and blocks replace the built ones`, async () => {
      for (const route of routes) {
        const context = await site.browser.newContext({viewport: {width, height: 900}});
        const page = await context.newPage();
        await page.addInitScript(() => {
          const shifts: number[] = [];
          (window as unknown as {layoutShifts: number[]}).layoutShifts = shifts;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) shifts.push((entry as unknown as {value: number}).value);
          }).observe({type: "layout-shift", buffered: true});
        });
        await page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
        await reachForCharts(page);
        const shifts = await page.evaluate(() => (window as unknown as {layoutShifts: number[]}).layoutShifts);
        // Sub-pixel rounding registers as shifts of about 1e-6; a visible jump of one line is over 0.001.
        expect(shifts.reduce((sum, value) => sum + value, 0), route).toBeLessThan(0.001);
        await context.close();
      }
    });
  }

  it("no script or stylesheet is fetched before the page's first frame: the page script and whole stylesheet come after it", async () => {
    for (const route of routes) {
      const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
      const page = await context.newPage();
      await page.addInitScript({content: "requestAnimationFrame(() => { window.firstFrameAt = performance.now(); });"});
      await page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
      const {firstFrameAt, scriptStarts, stylesheetStarts} = await page.evaluate(() => ({
        firstFrameAt: (window as unknown as {firstFrameAt: number}).firstFrameAt,
        scriptStarts: performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith(".js")).map((entry) => entry.startTime),
        stylesheetStarts: performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith(".css")).map((entry) => entry.startTime)
      }));
      expect(scriptStarts.length, route).toBeGreaterThan(3);
      expect(Math.min(...scriptStarts), route).toBeGreaterThanOrEqual(firstFrameAt);
      // The page carries the rules it uses; the whole stylesheet, for what scripts add, is fetched once, after.
      expect(stylesheetStarts, route).toHaveLength(1);
      expect(stylesheetStarts[0], route).toBeGreaterThanOrEqual(firstFrameAt);
      await context.close();
    }
  });

  it("what the page script adds is styled by the whole stylesheet, whose rules the page itself does not carry", async () => {
    const page = await open("/invasion");
    const form = page.locator("#observablehq-main .controls form").first();
    await form.waitFor();
    // Inputs lays its label and control out in a row (display: flex), a rule the built page does not inline.
    expect(await form.evaluate((element) => getComputedStyle(element).display)).toBe("flex");
    const inlined = await page.evaluate(() => [...document.head.querySelectorAll("style")].map((style) => style.textContent).join(""));
    const inputsClass = await form.evaluate((element) => element.classList[0]);
    expect(inlined).not.toContain(inputsClass);
    await page.context().close();
  });

  it("the built chart draws in the page's own text colour, so it follows a dark page", async () => {
    const colours: Record<string, string> = {};
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await open("/troops", {javaScriptEnabled: false, colorScheme});
      colours[colorScheme] = await page.locator("figure.chart-static .chart-static-wide svg[role=img] text").first().evaluate((text) => {
        const body = getComputedStyle(document.body).color;
        const fill = getComputedStyle(text).fill;
        return fill === body ? fill : `text ${fill} but page ${body}`;
      });
      await page.context().close();
    }
    const lightness = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, channel) => sum + Number(channel), 0) / 3;
    expect(colours.light).toMatch(/^rgb/);
    expect(colours.dark).toMatch(/^rgb/);
    expect(lightness(colours.light)).toBeLessThan(100);
    expect(lightness(colours.dark)).toBeGreaterThan(160);
  });

  /** Plot, d3, arquero, and the chart code that only the live charts need (src/components/hydrate.ts imports it lazily). */
  const CHART_CODE = /\/_node\/(@observablehq\/plot|d3|d3-[a-z-]+|arquero)@|\/_import\/components\/(charts\/|registry\.|figure\.|export-menu\.|export-svg\.|csv\.)/;
  /** The most JavaScript (gzip, as the server sends it) a route fetches before any interaction: /invasion's controls are there at once. */
  const budget = (route: string) => (route === "/invasion" ? 45_000 : 30_000);

  /** A fresh page at `route` recording every script it fetches, with the script's size gzipped. */
  async function openCountingScripts(route: string): Promise<{page: Page; scripts: {url: string; gzipBytes: number}[]; settled: () => Promise<unknown>}> {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    const scripts: {url: string; gzipBytes: number}[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(response.body().then((body) => void scripts.push({url: response.url(), gzipBytes: gzipSync(body).length})));
    });
    await page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
    await Promise.all(pending);
    return {page, scripts, settled: () => Promise.all(pending)};
  }

  for (const route of readerRoutes) {
    it(`${route} loads no Plot or chart code, and at most ${budget(route) / 1000} kB of JavaScript (gzip), until the reader reaches for a chart; pointing at one brings Plot and the live chart`, async () => {
      const {page, scripts, settled} = await openCountingScripts(route);
      // The page script ran (its modules are in), and nothing of the charts' code came with it.
      expect(scripts.some((script) => script.url.includes("/_import/components/hydrate.")), route).toBe(true);
      expect(scripts.filter((script) => CHART_CODE.test(script.url)).map((script) => script.url), route).toEqual([]);
      const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
      expect(total, `${route}: ${scripts.map((script) => `${new URL(script.url).pathname} ${script.gzipBytes}`).join(", ")}`).toBeLessThanOrEqual(budget(route));
      const slots = await page.locator(".chart-slot").count();
      expect(await page.locator("figure.chart-static").count(), route).toBe(slots);
      if (slots > 0) {
        await page.locator(".chart-slot").first().hover();
        await page.locator(".chart-slot").first().locator("figure.chart:not(.chart-static) svg[role=img]").waitFor({timeout: 20_000});
        await settled();
        expect(scripts.some((script) => script.url.includes("/_node/@observablehq/plot@")), route).toBe(true);
      }
      await page.context().close();
    });
  }

  it("/invasion: the controls are there before any interaction, and moving one redraws both charts live with the new figures", async () => {
    const {page, scripts, settled} = await openCountingScripts("/invasion");
    await expect.poll(() => page.locator(".controls input[type=number]").count()).toBe(1);
    expect(scripts.filter((script) => CHART_CODE.test(script.url))).toEqual([]);
    const builtTable = await page.locator("figure#kosovo-nato-like-for-like-iri .chart-table").textContent();
    const deff = page.locator(".controls input[type=number]");
    await deff.fill("2");
    await deff.dispatchEvent("input");
    await expect.poll(() => page.locator("figure.chart-static").count(), {timeout: 20_000}).toBe(0);
    await settled();
    expect(scripts.some((script) => script.url.includes("/_node/@observablehq/plot@"))).toBe(true);
    // A design effect of 2 widens every interval: the live chart's table is not the one built at the defaults.
    await expect.poll(() => page.locator("figure#kosovo-nato-like-for-like-iri:not(.chart-static) .chart-table").textContent()).not.toBe(builtTable);
    await page.context().close();
  });

  it("a pointer already resting on the overview's chart when the page script starts brings the live chart, without moving", async () => {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    // Hold the page's modules back until the pointer is on the chart, so it is there before the script arms.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/*.js", async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(site.baseUrl, {waitUntil: "domcontentloaded"});
    await page.locator(".chart-slot").hover();
    release();
    await page.locator("figure.chart:not(.chart-static) .export-menu-toggle").waitFor({timeout: 20_000});
    await context.close();
  });

  it("pressing the overview's Export before the chart is live opens the live chart's menu", async () => {
    const page = await open("/");
    const toggle = page.locator("figure.chart .export-menu-toggle");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("figure.chart:not(.chart-static) .export-menu-toggle").getAttribute("aria-expanded")).toBe("true");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.format)).toBe("svg");
    await page.context().close();
  });
});
