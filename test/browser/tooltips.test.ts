// Tooltips in Chromium: each names its channels in a reader's words, one shows at a time (mouse and touch), and the
// first tap on the overview's chart, which loads the live chart, already shows a tooltip.
import type {Locator, Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {browserUnavailable} from "./chromium.ts";
import {serveBuiltSite} from "./served-site.ts";
import {reachForCharts} from "./live-charts.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the tooltip tests: ${unavailable}`);

/** Each line of the tooltips a chart shows now, as "Name value". */
const tipLines = (svg: Locator) =>
  svg.locator('g[aria-label="tip"]').evaluateAll((tips) => tips.flatMap((tip) => Array.from(tip.querySelectorAll("text > tspan"), (line) => (line.textContent ?? "").replace(/\u200b/g, "").trim())).filter(Boolean));
const shownTips = (svg: Locator) => svg.locator('g[aria-label="tip"]').evaluateAll((tips) => tips.filter((tip) => tip.querySelector("text")).length);

/** The centre of an element, scrolled into view. */
async function centreOf(element: Locator): Promise<{x: number; y: number}> {
  await element.scrollIntoViewIfNeeded();
  const box = (await element.boundingBox())!;
  return {x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 10)};
}

describe.skipIf(unavailable !== null)("tooltips", () => {
  const site = serveBuiltSite();

  async function open(route: string, options: {width?: number; touch?: boolean} = {}): Promise<Page> {
    const context = await site.browser.newContext({viewport: {width: options.width ?? 1280, height: 900}, hasTouch: options.touch ?? false, isMobile: options.touch ?? false});
    const page = await context.newPage();
    await page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
    // The overview's test taps the built chart itself; elsewhere the tests are about live charts.
    if (route !== "/") await reachForCharts(page);
    return page;
  }
  const liveChart = (page: Page, id: string) => page.locator(`figure#${id}:not(.chart-static) svg[role=img]`);

  const charts = {
    "/opinion": ["kosovo-nato-support-over-time", "kosovo-nato-answers-per-poll", "kosovo-nato-lead-over-time", "western-balkans-nato-support", "nato-protection-or-threat"],
    "/troops": ["kfor-troop-strength-1999-today", "kosovo-nato-support-on-kfor-timeline", "kfor-trust"],
    "/members": ["nato-members-recognition-of-kosovo"]
  };
  /** Plot's own channel names, which mean nothing to a reader. */
  const rawChannel = /^(x|y|x1|x2|y1|y2|z|r|fill|stroke|symbol|opacity|fillOpacity|strokeOpacity|n)\b/;

  for (const [route, ids] of Object.entries(charts)) {
    it(`${route}: every tooltip names its channels for a reader, with % on shares and years as written`, async () => {
      const page = await open(route);
      for (const id of ids) {
        const svg = liveChart(page, id);
        await svg.waitFor();
        const marks = svg.locator('g[aria-label="dot"] > *, g[aria-label="bar"] > *');
        const count = await marks.count();
        const seen: string[] = [];
        for (let i = 0; i < count; i += Math.max(1, Math.floor(count / 5))) {
          const at = await centreOf(marks.nth(i));
          await page.mouse.move(at.x, at.y);
          await expect.poll(() => shownTips(svg), {timeout: 5000, message: `${id}: no tooltip over mark ${i}`}).toBeGreaterThan(0);
          // One tooltip at a time, even where marks of several kinds meet.
          expect(await shownTips(svg), `${id}: several tooltips at once`).toBe(1);
          // The chart is one described image: a named group it draws (the tip, drawn anew) is hidden, as ARIA requires.
          await expect.poll(() => svg.locator("g[aria-label]:not([aria-hidden=true])").count(), {message: `${id}: a named group left exposed`}).toBe(0);
          seen.push(...(await tipLines(svg)));
        }
        expect(seen.length, id).toBeGreaterThan(0);
        for (const line of seen) {
          expect(line, `${id}: a raw channel name`).not.toMatch(rawChannel);
          expect(line, `${id}: a year with a thousands separator`).not.toMatch(/^(Joined|Date|Fieldwork|As stated) .*\b[12],\d{3}\b/);
          if (/^(Support|Share|Opposed) /.test(line)) expect(line, `${id}: a share without %`).toMatch(/%$/);
        }
        if (id === "nato-members-recognition-of-kosovo") expect(seen.join("\n")).toMatch(/Joined 1949\nRecognises Kosovo Yes/);
        // The earlier edition's share is never published: the tooltip says it is derived, as the chart and table do.
        if (id === "western-balkans-nato-support") expect(seen).toEqual(expect.arrayContaining(["2022, derived 75%", "2022, derived not derivable"]));
        if (id === "kfor-trust") expect(seen).toEqual(expect.arrayContaining(["Trust 67%", "95% interval 64.1–69.8%"]));
      }
      await page.context().close();
    });
  }

  it("the first tap on the overview's chart brings the live chart with its tooltip showing", async () => {
    const page = await open("/", {width: 375, touch: true});
    const staticFigure = page.locator("figure#kosovo-nato-support-before-after-invasion.chart-static");
    await staticFigure.waitFor();
    const dot = staticFigure.locator('svg[role=img]:visible g[aria-label="dot"] circle').nth(2);
    const at = await centreOf(dot);
    await page.touchscreen.tap(at.x, at.y);
    const live = liveChart(page, "kosovo-nato-support-before-after-invasion");
    await live.waitFor({timeout: 20_000});
    await expect.poll(() => tipLines(live), {timeout: 10_000}).toEqual(expect.arrayContaining([expect.stringMatching(/^Pollster IRI/)]));
    await page.context().close();
  });

  it("on a touch screen, a tap on a second chart clears the first chart's tooltip", async () => {
    const page = await open("/opinion", {width: 375, touch: true});
    const first = liveChart(page, "kosovo-nato-support-over-time");
    const second = liveChart(page, "kosovo-nato-lead-over-time");
    await second.waitFor({timeout: 20_000});
    const a = await centreOf(first.locator('g[aria-label="dot"] circle').nth(1));
    await page.touchscreen.tap(a.x, a.y);
    await expect.poll(() => shownTips(first), {timeout: 5000}).toBe(1);
    const b = await centreOf(second.locator('g[aria-label="dot"] circle').nth(1));
    await page.touchscreen.tap(b.x, b.y);
    await expect.poll(() => shownTips(second), {timeout: 5000}).toBe(1);
    expect(await shownTips(first)).toBe(0);
    await page.context().close();
  });
});
