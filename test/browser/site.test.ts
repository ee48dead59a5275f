// The built site in headless Chromium: every route renders its charts, with no console error,
// no failed request and no request to any other host; the /invasion controls recompute the numbers.
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {browserUnavailable, routes} from "./chromium.ts";
import {serveBuiltSite} from "./served-site.ts";
import {reachForCharts} from "./live-charts.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser tests of the site: ${unavailable}`);

interface Visit {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

describe.skipIf(unavailable !== null)("the built site in Chromium", () => {
  const site = serveBuiltSite();

  /** Opens a route (served under a sub-path, as GitHub Pages would) and records every problem a reader could hit. */
  async function visit(route: string, width = 1280): Promise<Visit> {
    const context = await site.browser.newContext({viewport: {width, height: 900}});
    const page = await context.newPage();
    const visit: Visit = {page, consoleErrors: [], failedRequests: [], foreignRequests: []};
    const origin = new URL(site.baseUrl).origin;
    page.on("console", (message) => message.type() === "error" && visit.consoleErrors.push(message.text()));
    page.on("pageerror", (error) => visit.consoleErrors.push(String(error)));
    page.on("request", (request) => !request.url().startsWith(origin) && !request.url().startsWith("data:") && visit.foreignRequests.push(request.url()));
    page.on("requestfailed", (request) => visit.failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
    page.on("response", (response) => response.status() >= 400 && visit.failedRequests.push(`${response.url()} ${response.status()}`));
    await page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
    return visit;
  }

  for (const route of routes) {
    for (const width of [1280, 375]) {
      it(`${route} at ${width}px renders its charts with titles and sources, cleanly`, async () => {
        const {page, consoleErrors, failedRequests, foreignRequests} = await visit(route, width);
        if (route !== "/methods") {
          await page.locator("figure.chart svg[role=img]:visible").first().waitFor();
          // The charts the build drew turn live when the reader reaches for them.
          await reachForCharts(page);
          const figures = await page.locator("figure.chart").evaluateAll((nodes) =>
            nodes.map((figure) => ({
              title: figure.querySelector(".chart-title")?.textContent ?? "",
              source: figure.querySelector(".chart-source")?.textContent ?? "",
              // The SVG on screen: a built figure also holds a drawing for the other layout, not displayed.
              svgWidth: Math.max(...Array.from(figure.querySelectorAll("svg[role=img]"), (svg) => svg.getBoundingClientRect().width))
            }))
          );
          expect(figures.length).toBeGreaterThan(0);
          for (const figure of figures) {
            expect(figure.title.length).toBeGreaterThan(5);
            expect(figure.source).toMatch(/^Sources?: /);
            expect(figure.svgWidth).toBeLessThanOrEqual(width);
          }
        } else {
          await expect.poll(() => page.locator(".sources li").count()).toBeGreaterThan(10);
        }
        // Nothing wider than a phone screen: the page must not scroll sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(consoleErrors).toEqual([]);
        expect(failedRequests).toEqual([]);
        expect(foreignRequests).toEqual([]);
        await page.context().close();
      });
    }
  }

  it("a chart shows a tooltip when the pointer is over a poll", async () => {
    const {page} = await visit("/opinion");
    await reachForCharts(page);
    const chart = page.locator("figure#kosovo-nato-support-over-time:not(.chart-static) svg[role=img]");
    await chart.waitFor();
    const dot = chart.locator('g[aria-label="dot"] circle').nth(1);
    const box = (await dot.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = chart.locator('g[aria-label="tip"]');
    await expect.poll(() => tip.textContent()).toMatch(/IRI.*September 2021/s);
    await page.context().close();
  });

  it("/invasion: the controls recompute the numbers and the charts", async () => {
    const {page, consoleErrors} = await visit("/invasion");
    const stats = page.locator(".stat-list");
    await stats.waitFor();
    const initial = await stats.textContent();
    expect(initial).toMatch(/Before 24 February 2022 \(2 polls, n = 2,300\)/);
    expect(initial).toMatch(/z = 5\.42/);

    // A design effect of 2 halves the effective sample size: z shrinks by √2 (5.42 → 3.83).
    const deff = page.locator("input[type=number]").first();
    await deff.fill("2");
    await deff.dispatchEvent("input");
    await expect.poll(() => stats.textContent()).toMatch(/z = 3\.83/);

    // Wald instead of Wilson: at n_eff = 600, 89% gets 86.5–91.5 (Wilson: 86.2–91.3) in the like-for-like table.
    const likeForLikeTable = page.locator("figure#kosovo-nato-like-for-like-iri .chart-table");
    await expect.poll(() => likeForLikeTable.textContent()).toMatch(/86\.2/);
    await page.getByLabel("Wald (normal approximation)").check();
    await expect.poll(() => likeForLikeTable.textContent()).toMatch(/86\.5/);

    // Moving the cutoff before 2021 leaves one poll before it and three after.
    const cutoff = page.locator("input[type=date]");
    await cutoff.fill("2016-01-01");
    await cutoff.dispatchEvent("input");
    await expect.poll(() => stats.textContent()).toMatch(/Before 1 January 2016 \(1 poll, n = 1,100\)/);
    await expect.poll(() => page.locator("figure#kosovo-nato-support-before-after-invasion .chart-subtitle").textContent()).toMatch(/1 January 2016/);
    // No pollster then polled on both sides, and the page says so instead of comparing unlike polls.
    await expect.poll(() => stats.textContent()).toMatch(/no pollster polled on both sides/);

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
