// The reader-quality gate: every route as a reader meets it, at phone, tablet and desktop widths, light and dark,
// as built (scripts off) and live, with every table and Export menu open. Each check measures what is on screen:
// chart text laid over text, clipped at the drawing's edge or crossed by a mark; the contrast of chart text and marks
// (chart-legibility.ts); sideways scrolling; and one way of writing each thing. A failure lists every problem found,
// by route. Accessibility (axe) is axe.test.ts; the /invasion controls across their range, invasion-controls.test.ts.
import type {BrowserContext, Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {browserUnavailable, readerRoutesAt} from "./chromium.ts";
import {describeProblems, runLegibilityCheck} from "./chart-legibility.ts";
import {openAllDetails, sidewaysOverflow, visibleText, writingRules} from "./reader-checks.ts";
import {serveBuiltSite} from "./served-site.ts";
import {languageOfPath} from "../../src/lib/i18n.ts";
import {reachForCharts} from "./live-charts.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the reader-quality checks: ${unavailable}`);

const READER_WIDTHS = [320, 375, 768, 1280] as const;
const schemes = ["light", "dark"] as const;

describe.skipIf(unavailable !== null)("what a reader sees", () => {
  const site = serveBuiltSite();

  /** The route as a reader has it: live charts (the overview's once pointed at), or the build's drawing with scripts off. */
  async function openRoute(context: BrowserContext, route: string, live: boolean): Promise<Page> {
    const page = await context.newPage();
    await page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});
    if (live && (await page.locator(".chart-slot").count()) > 0) {
      await reachForCharts(page);
    }
    return page;
  }

  /** Each visible text that breaks one of the site's writing rules, once per rule and text. */
  function writingProblems(route: string, lines: string[]): string[] {
    const found = new Set<string>();
    // English's rules of number and word (1,000; "1 poll") are not other languages': theirs are Intl's (4500, 4.500).
    const rules = languageOfPath(route) === "en" ? writingRules : writingRules.filter((rule) => !rule.englishOnly);
    for (const line of lines) for (const {pattern, rule} of rules) if (pattern.test(line)) found.add(`${route}: "${line.slice(0, 120)}": ${rule}`);
    return [...found];
  }

  /** Problems with every table open, then with each Export menu open in turn. */
  async function sidewaysProblems(page: Page, route: string, live: boolean): Promise<string[]> {
    const problems: string[] = [];
    const record = async (state: string) => {
      const {excess, culprits} = await page.evaluate(sidewaysOverflow);
      if (excess > 0) problems.push(`${route} ${state}: the page scrolls sideways by ${excess}px (${culprits.join("; ")})`);
    };
    await page.evaluate(openAllDetails);
    await record("with every table open");
    if (live) {
      const toggles = page.locator(".export-menu-toggle:visible");
      for (let index = 0; index < (await toggles.count()); index++) {
        await toggles.nth(index).click();
        await record(`with Export menu ${index + 1} open`);
        await page.keyboard.press("Escape");
      }
    }
    return problems;
  }

  for (const live of [false, true]) {
    for (const colorScheme of schemes) {
      for (const width of READER_WIDTHS) {
        const mode = live ? "live" : "scripts off";
        it(`${mode}, ${colorScheme}, ${width}px: no route scrolls sideways with every table and menu open, chart text is legible, in contrast, over nothing and clipped by nothing, and every text keeps the writing rules`, {timeout: 600_000}, async () => {
          const context = await site.browser.newContext({viewport: {width, height: 900}, colorScheme, javaScriptEnabled: live});
          const problems: string[] = [];
          try {
            for (const route of readerRoutesAt(width)) {
              const page = await openRoute(context, route, live);
              const legibility = await runLegibilityCheck(page);
              if (legibility.length > 0) problems.push(`${route}:\n${describeProblems(legibility)}`);
              problems.push(...(await sidewaysProblems(page, route, live)));
              problems.push(...writingProblems(route, await page.evaluate(visibleText)));
              await page.close();
            }
          } finally {
            await context.close();
          }
          expect(problems, problems.join("\n")).toEqual([]);
        });
      }
    }
  }
});
