// axe-core with its full rule set (WCAG 2.0–2.2 A and AA, and best practices) finds nothing on any route: at phone,
// tablet and desktop widths, light and dark, as the build writes the page (scripts off) and once its charts are live;
// with every <details> open and, live, an Export menu open; on a phone also with the menu open. And on a phone, the
// top bar and skip link that the fixes to Framework's template add (scripts/postbuild.ts) work, scripts on or off.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {axeViolations, describeViolations, openAsBuilt} from "./axe.ts";
import {browserUnavailable, readerRoutesAt} from "./chromium.ts";
import {serveBuiltSite} from "./served-site.ts";
import {reachForCharts} from "./live-charts.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the accessibility tests: ${unavailable}`);

const widths = [320, 375, 768, 1280];
/** Below this width Framework's sidebar is closed until the reader opens the menu. */
const SIDEBAR_OPEN_WIDTH = 1008;
/** The page whose open menu is checked: an inner page, whose top bar carries the site's name. */
const MENU_ROUTE = "/troops";

type Variant = "as built" | "live";

/** Opens a route as a reader would find it, then opens everything that can be opened and stays open. */
async function prepare(page: Page, url: string, route: string, variant: Variant): Promise<void> {
  await page.goto(url, {waitUntil: "networkidle"});
  if (variant === "as built") {
    // No script ran: the charts are the ones the build drew, and the Export buttons, which need scripts, are hidden.
    if (!route.endsWith("/methods")) expect(await page.locator("figure.chart-static").count(), route).toBeGreaterThan(0);
    expect(await page.locator(".export-menu-toggle:visible").count(), route).toBe(0);
  } else {
    // The charts go live only when the reader reaches for them.
    await reachForCharts(page);
  }
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  if (variant === "live") {
    const toggle = page.locator("figure.chart .export-menu-toggle:visible").first();
    if ((await toggle.count()) > 0) {
      await toggle.click();
      await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
    }
  }
}

describe.skipIf(unavailable !== null)("axe-core's full rule set", () => {
  const site = serveBuiltSite();


  for (const variant of ["as built", "live"] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of widths) {
        it(`finds no violation on any route ${variant}, ${colorScheme}, at ${width}px`, {timeout: 600_000}, async () => {
          const browserContext = await site.browser.newContext({viewport: {width, height: 900}, colorScheme, reducedMotion: "reduce"});
          const found: string[] = [];
          try {
            const page = variant === "live" ? await browserContext.newPage() : await openAsBuilt(browserContext);
            for (const route of readerRoutesAt(width)) {
              const url = new URL(route.slice(1), site.baseUrl).href;
              await prepare(page, url, route, variant);
              found.push(...describeViolations(`${route} ${variant} ${colorScheme} ${width}px`, await axeViolations(page)));
            }
            // On a phone or tablet the menu is closed at first: its open state is checked on one inner page.
            if (width < SIDEBAR_OPEN_WIDTH) {
              await prepare(page, new URL(MENU_ROUTE.slice(1), site.baseUrl).href, MENU_ROUTE, variant);
              await page.locator("#observablehq-sidebar-toggle").click();
              await expect.poll(() => page.locator("#observablehq-sidebar").evaluate((nav) => getComputedStyle(nav).visibility)).toBe("visible");
              found.push(...describeViolations(`${MENU_ROUTE} ${variant} ${colorScheme} ${width}px, menu open`, await axeViolations(page)));
            }
          } finally {
            await browserContext.close();
          }
          expect(found, found.join("\n")).toEqual([]);
        });
      }
    }
  }

  for (const width of [320, 375]) {
    it(`at ${width}px an inner page opens with a top bar: the site's name, linking home, and a Menu button that opens the sidebar; the skip link comes first, seen when focused`, async () => {
      for (const javaScriptEnabled of [true, false]) {
        const browserContext = await site.browser.newContext({viewport: {width, height: 700}, javaScriptEnabled});
        const page = await browserContext.newPage();
        await page.goto(new URL(MENU_ROUTE.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
        const bar = page.getByRole("banner");
        const home = bar.getByRole("link", {name: "Kosovo and NATO"});
        expect(await home.getAttribute("href")).toBe("./");
        const menu = bar.getByText("Menu", {exact: true});
        for (const control of [home, menu]) {
          const box = (await control.boundingBox())!;
          expect(box.y, `${javaScriptEnabled}`).toBeLessThan(48);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
        const menuBox = (await menu.boundingBox())!;
        expect(menuBox.height).toBeGreaterThanOrEqual(40);
        expect(menuBox.width).toBeGreaterThanOrEqual(44);
        // The Menu label names the toggle, which keeps its place in the keyboard's order.
        expect(await page.getByRole("checkbox", {name: "Menu"}).count()).toBe(1);
        // The bar stays at the top as the page scrolls.
        await page.mouse.wheel(0, 2000);
        await expect.poll(async () => (await home.boundingBox())!.y).toBeLessThan(48);
        const sidebar = page.locator("#observablehq-sidebar");
        expect(await sidebar.evaluate((nav) => getComputedStyle(nav).visibility)).toBe("hidden");
        // A tap where the button is drawn (the checkbox, transparent, lies over its label there).
        const tapAt = (await menu.boundingBox())!;
        await page.mouse.click(tapAt.x + tapAt.width / 2, tapAt.y + tapAt.height / 2);
        await expect.poll(() => sidebar.evaluate((nav) => getComputedStyle(nav).visibility)).toBe("visible");
        await expect.poll(async () => (await sidebar.boundingBox())!.x).toBe(0);
        // A fresh load: the first Tab reaches the skip link, shown on screen, which leads to the main content.
        await page.goto(new URL(MENU_ROUTE.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
        await page.keyboard.press("Tab");
        const skip = page.locator(":focus");
        expect(await skip.textContent()).toBe("Skip to main content");
        const skipBox = (await skip.boundingBox())!;
        expect(skipBox.width).toBeGreaterThan(100);
        expect(skipBox.y).toBeGreaterThanOrEqual(0);
        await page.keyboard.press("Enter");
        await expect.poll(() => page.evaluate(() => location.hash)).toBe("#observablehq-main");
        await browserContext.close();
      }
    });
  }
});
