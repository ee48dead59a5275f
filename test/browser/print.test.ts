// Printing (src/print.css and the footer's print-only line), in Chromium with print media emulated: nothing that
// only works on screen, charts drawn again at the paper's width, and the page's address and date on the paper.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {PRINT_WIDTH} from "../../src/components/hydrate.ts";
import {lastUpdated} from "../../scripts/source-date.ts";
import {browserUnavailable} from "./chromium.ts";
import {serveBuiltSite} from "./served-site.ts";
import {reachForCharts} from "./live-charts.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser tests of printing: ${unavailable}`);

/** How many elements matching the selector have a box (are displayed) in the page as it is now laid out. */
function displayed(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll((elements) => elements.filter((element) => element.getClientRects().length > 0).length);
}

describe.skipIf(unavailable !== null)("a printed page", () => {
  const site = serveBuiltSite();

  async function open(route: string, colorScheme: "light" | "dark" = "light"): Promise<Page> {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}, colorScheme});
    const page = await context.newPage();
    await page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
    await reachForCharts(page);
    return page;
  }

  it("/invasion shows no controls, no Export and no closed data table, but an opened one, the footer and the page's address and date", async () => {
    const page = await open("/invasion");
    // On screen, all there, and the print-only line is not.
    expect(await displayed(page, ".controls form")).toBeGreaterThan(0);
    expect(await displayed(page, ".export-menu")).toBeGreaterThan(1);
    expect(await displayed(page, "#observablehq-sidebar")).toBe(1);
    expect(await displayed(page, ".print-address")).toBe(0);
    // The reader opened one chart's data table before printing.
    await page.locator("details.chart-data summary").first().click();

    await page.emulateMedia({media: "print"});
    expect(await displayed(page, ".controls")).toBe(0);
    expect(await displayed(page, ".export-menu")).toBe(0);
    expect(await displayed(page, "#observablehq-sidebar")).toBe(0);
    expect(await displayed(page, "#observablehq-sidebar-toggle")).toBe(0);
    expect(await displayed(page, "details.chart-data:not([open])")).toBe(0);
    expect(await displayed(page, "details.chart-data[open]")).toBe(1);
    expect(await displayed(page, "figure.chart svg[role=img]")).toBeGreaterThan(1);

    const footer = page.locator("#observablehq-footer");
    expect(await footer.evaluate((element) => element.getClientRects().length)).toBeGreaterThan(0);
    expect(await page.locator("#observablehq-footer time").getAttribute("datetime")).toBe(lastUpdated());
    const address = page.locator(".print-address");
    expect(await displayed(page, ".print-address")).toBe(1);
    const text = (await address.textContent()) ?? "";
    expect(text).toContain(`Printed from ${new URL("invasion", site.baseUrl).href};`);
    const [year, month, day] = lastUpdated().split("-").map(Number);
    expect(text).toContain(`last updated ${day} ${new Date(Date.UTC(year, month - 1, day)).toLocaleDateString("en-GB", {month: "long", timeZone: "UTC"})} ${year}.`);
    await page.context().close();
  });

  it("dark text on white paper, whatever the screen's theme", async () => {
    const page = await open("/troops", "dark");
    const onScreen = await page.evaluate(() => getComputedStyle(document.body).color);
    await page.emulateMedia({media: "print"});
    const onPaper = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor]);
    expect(onScreen).not.toBe(onPaper[0]);
    expect(onPaper).toEqual(["rgb(27, 30, 35)", "rgb(255, 255, 255)"]);
    await page.context().close();
  });

  it("each chart is drawn again at the paper's width before printing, and at the screen's after; the PDF is A4 pages", async () => {
    const page = await open("/opinion");
    const widths = () => page.locator("figure.chart svg[role=img]").evaluateAll((svgs) => svgs.map((svg) => Number(svg.getAttribute("width"))));
    const onScreen = await widths();
    expect(Math.min(...onScreen)).toBeGreaterThan(PRINT_WIDTH);
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    expect(new Set(await widths())).toEqual(new Set([PRINT_WIDTH]));
    await page.evaluate(() => dispatchEvent(new Event("afterprint")));
    expect(await widths()).toEqual(onScreen);

    // Chromium's own printing: the same, and the PDF comes out (A4: 595 × 842 points).
    await page.emulateMedia({media: "print"});
    const pdf = await page.pdf({format: "A4"});
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595(\.\d+)? 841(\.\d+)?\]|\/MediaBox \[0 0 595(\.\d+)? 842(\.\d+)?\]/);
    await page.context().close();
  });
});
