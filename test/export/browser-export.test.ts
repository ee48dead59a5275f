// The Export menu in the built site, in Chromium: every chart on every page downloads a valid SVG, PNG and CSV,
// and the menu works from the keyboard. The site is built into a temporary folder, so the test never reads a stale dist/.
import {readFileSync} from "node:fs";
import {Resvg} from "@resvg/resvg-js";
import {csvParseRows} from "d3-dsv";
import {parseHTML} from "linkedom";
import type {Download, Locator, Page} from "playwright-core";
import {PNG} from "pngjs";
import {describe, expect, it} from "vitest";
import {darkTheme} from "../../src/components/export-svg.ts";
import {charts} from "../../src/components/registry.ts";
import {browserUnavailable, routes} from "../browser/chromium.ts";
import {serveBuiltSite, type ServedSite} from "../browser/served-site.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser export tests: ${unavailable}`);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
async function openPage({browser, baseUrl}: ServedSite, route: string, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({acceptDownloads: true, colorScheme, viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  await page.goto(new URL(route.slice(1), baseUrl).href);
  return page;
}

/**
 * The charts a page draws: its chart placeholders and figures (data-chart), and the ids its own code names
 * (Framework inlines each page's cells), for charts that appear only once the page has loaded its data.
 */
async function chartIds(page: Page): Promise<string[]> {
  await page.waitForLoadState("load");
  const inDom = await page.locator("[data-chart]").evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.chart ?? ""));
  const inCode = [...(await page.content()).matchAll(/chartById\(\\?"([a-z0-9-]+)\\?"/g)].map((match) => match[1]);
  return [...new Set([...inDom, ...inCode].filter(Boolean))];
}

/**
 * The live figure of a chart, once drawn. A build may first show a static drawing of the chart (class chart-static)
 * that turns live on load or on the reader's first interaction; hovering its slot covers both.
 */
async function liveFigure(page: Page, id: string): Promise<Locator> {
  await page.locator(`[data-chart="${id}"]`).first().hover();
  const live = page.locator(`figure.chart#${id}:not(.chart-static)`);
  await live.locator(".export-menu-toggle").waitFor({timeout: 30_000});
  return live;
}

async function download(page: Page, chartId: string, format: string): Promise<{download: Download; bytes: Buffer}> {
  const figure = await liveFigure(page, chartId);
  await figure.locator(".export-menu-toggle").click();
  const [file] = await Promise.all([page.waitForEvent("download"), figure.locator(`.export-menu-option[data-format="${format}"]`).click()]);
  const path = await file.path();
  return {download: file, bytes: readFileSync(path)};
}

/** The SVG's text lines joined as a reader reads them: wrapping spreads the title and source over several. */
function visibleSvgText(svg: string): string {
  const {document} = parseHTML(`<!doctype html><html><body>${svg.replace(/^<\?xml[^>]*>/, "")}</body></html>`);
  return Array.from(document.querySelectorAll("svg > text"))
    .map((text) => text.textContent)
    .join(" ");
}

const svgWidth = (svg: string) => Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
const svgHeight = (svg: string) => Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);

function pixel(png: PNG, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4;
  return [...png.data.subarray(i, i + 4)];
}

function inkInTitleArea(png: PNG, background: number[]): number {
  let ink = 0;
  for (let y = 28; y < 96; y++) for (let x = 0; x < png.width / 2; x++) if (pixel(png, x, y).some((value, channel) => Math.abs(value - background[channel]) > 100)) ink++;
  return ink;
}

const rgb = (hex: string) => [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));

describe.skipIf(unavailable !== null)("Export menu in the built site (Chromium)", () => {
  const site = serveBuiltSite();

  it("every chart on every page downloads <chart-id>.svg, .png and .csv, each valid", async () => {
    const tested = new Set<string>();
    for (const route of routes) {
      const page = await openPage(site, route);
      for (const id of (await chartIds(page)).filter((chartId) => !tested.has(chartId))) {
        tested.add(id);
        const figure = await liveFigure(page, id);
        const title = (await figure.locator(".chart-title").textContent())!;
        const source = (await figure.locator(".chart-source").textContent())!;

        const svg = await download(page, id, "svg");
        expect(svg.download.suggestedFilename()).toBe(`${id}.svg`);
        const svgText = svg.bytes.toString("utf8");
        expect(() => new Resvg(svgText), `${id}.svg is well-formed XML`).not.toThrow();
        expect(svgText).toContain(`<title>${title.replace(/&/g, "&amp;")}</title>`);
        expect(visibleSvgText(svgText)).toContain(source);

        const png = await download(page, id, "png");
        expect(png.download.suggestedFilename()).toBe(`${id}.png`);
        expect(png.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
        const image = PNG.sync.read(png.bytes);
        expect([image.width, image.height]).toEqual([svgWidth(svgText) * 2, svgHeight(svgText) * 2]);
        expect(pixel(image, 2, 2)).toEqual([255, 255, 255, 255]);
        expect(inkInTitleArea(image, [255, 255, 255]), `${id}.png has its title drawn`).toBeGreaterThan(300);

        const csv = await download(page, id, "csv");
        expect(csv.download.suggestedFilename()).toBe(`${id}.csv`);
        expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = csvParseRows(csv.bytes.toString("utf8").slice(1));
        // The CSV holds exactly the table shown under the chart: same headers, same number of rows.
        expect(rows[0]).toEqual(await figure.locator(".chart-table thead th").allTextContents());
        expect(rows.length - 1).toBe(await figure.locator(".chart-table tbody tr").count());
      }
      await page.context().close();
    }
    // Every chart in the registry is on some page, so each one's menu was exercised in a real browser.
    expect([...tested].sort()).toEqual(charts.map((chart) => chart.id).sort());
  });

  it("works from the keyboard: Enter opens, arrows move, Escape closes and returns focus, Enter downloads", async () => {
    const page = await openPage(site, "/");
    const [id] = await chartIds(page);
    const figure = await liveFigure(page, id);
    const toggle = figure.getByRole("button", {name: /^Export/});
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
    const focusedFormat = () =>
      page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return active?.dataset.format ?? active?.dataset.action ?? active?.className;
      });
    expect(await focusedFormat()).toBe("svg");
    await page.keyboard.press("ArrowDown");
    expect(await focusedFormat()).toBe("png");
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await figure.locator(".export-menu-options").isHidden()).toBe(true);
    expect(await focusedFormat()).toBe("export-menu-toggle");
    await page.keyboard.press("Enter");
    // End reaches the last option (Copy link, or Share… where the browser has a share sheet); the formats come first.
    await page.keyboard.press("End");
    expect(await focusedFormat()).toBe(await figure.locator(".export-menu-option").last().evaluate((option) => (option as HTMLElement).dataset.action));
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await focusedFormat()).toBe("csv");
    const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(file.suggestedFilename()).toBe(`${id}.csv`);
    await page.context().close();
  });

  it("names each Export button after its chart", async () => {
    const page = await openPage(site, "/");
    const ids = await chartIds(page);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const figure = await liveFigure(page, id);
      const title = (await figure.locator(".chart-title").textContent())!;
      expect(await figure.getByRole("button", {name: `Export: ${title}`, exact: true}).count()).toBe(1);
    }
    await page.context().close();
  });

  it("makes a dark PNG when the page is dark", async () => {
    const page = await openPage(site, "/", "dark");
    const [id] = await chartIds(page);
    const png = PNG.sync.read((await download(page, id, "png")).bytes);
    const background = [...rgb(darkTheme.background), 255];
    expect(pixel(png, 2, 2)).toEqual(background);
    expect(inkInTitleArea(png, background)).toBeGreaterThan(300);
    await page.context().close();
  });
});
