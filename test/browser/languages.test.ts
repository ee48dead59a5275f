// The site in each language, as a reader moves between them: each page says its language, links to itself in every
// other (named in that language), offers the reader's language in one line without ever redirecting, remembers a
// choice, and shows no English on a page in another language (source titles, cited as published, aside).
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {browserUnavailable, languageRoutes, routes} from "./chromium.ts";
import {serveBuiltSite} from "./served-site.ts";
import {reachForCharts} from "./live-charts.ts";
import {LANGUAGES, languageInfo, languageOfPath, pathIn} from "../../src/lib/i18n.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the language tests: ${unavailable}`);

/**
 * English words no Albanian or Serbian sentence has; any of them on such a page is English left untranslated. Not
 * "interval" (Albanian and Serbian write it too) but English's order, "95% interval"; not "data" (Albanian: date) nor
 * "table" (Serbian: of the board).
 */
const ENGLISH = /\b(the|and|of|with|poll|polls|support|supported|source|sources|troops|members|before|after|chart|download)\b|95% interval/i;

/**
 * Every visible text of the page that is in the page's own language. Skipped: elements marked with another lang,
 * code (file and field names), and citations: a link to a source names its publisher as published ("The Irish
 * Times") and carries the source's title, as published, in its title.
 */
function textsInPageLanguage(): string[] {
  const pageLang = document.documentElement.lang;
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement!;
    if (!node.textContent?.trim() || element.closest('script, style, [hidden], code, .fields dt, a[href^="http"]')) continue;
    if ((element.closest("[lang]")?.getAttribute("lang") ?? pageLang) !== pageLang) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0 && !element.closest("svg, details")) continue;
    texts.push(node.textContent.trim());
  }
  // The names of things a chart or an attribute gives a screen reader are read in the page's language too.
  for (const element of document.querySelectorAll("[aria-label], [title], img[alt]")) {
    if ((element.closest("[lang]")?.getAttribute("lang") ?? pageLang) !== pageLang) continue;
    for (const name of ["aria-label", "title", "alt"]) if (element.getAttribute(name) && !(name === "title" && element.matches("a"))) texts.push(element.getAttribute(name)!);
  }
  return texts;
}

describe.skipIf(unavailable !== null)("the site in every language", () => {
  const site = serveBuiltSite();
  const open = async (page: Page, route: string) => page.goto(new URL(route.slice(1), site.baseUrl).href, {waitUntil: "networkidle"});

  it("every page says its language, links to itself in every language by that language's own name, and lists the alternates", async () => {
    const page = await site.browser.newPage();
    try {
      for (const route of [...routes, ...languageRoutes]) {
        await open(page, route);
        const lang = languageOfPath(route);
        expect(await page.getAttribute("html", "lang"), route).toBe(languageInfo[lang].tag);
        const switcher = page.locator("nav.language-switcher ul a");
        expect(await switcher.allTextContents(), route).toEqual(LANGUAGES.map((code) => languageInfo[code].name));
        expect(await switcher.evaluateAll((links) => links.map((link) => link.getAttribute("lang"))), route).toEqual(LANGUAGES.map((code) => languageInfo[code].tag));
        expect(await page.locator('nav.language-switcher a[aria-current="page"]').textContent(), route).toBe(languageInfo[lang].name);
        const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((link) => [link.getAttribute("hreflang"), (link as HTMLLinkElement).href]));
        const english = route.replace(/^\/(sq|sr-latn|sr-cyrl)\//, "/");
        const expected = LANGUAGES.map((code) => [languageInfo[code].tag, new URL(pathIn(code, english).slice(1), site.baseUrl).href]);
        expect(alternates, route).toEqual([...expected, ["x-default", new URL(english.slice(1), site.baseUrl).href]]);
      }
    } finally {
      await page.close();
    }
  });

  it("following a switcher link opens the same page in that language, and the choice is offered back on an English page, never forced", async () => {
    const context = await site.browser.newContext({locale: "en-GB"});
    const page = await context.newPage();
    try {
      await open(page, "/troops");
      expect(await page.locator(".language-offer").isHidden()).toBe(true);
      await page.locator("nav.language-switcher a", {hasText: "Српски"}).click();
      await page.waitForLoadState("networkidle");
      expect(new URL(page.url()).pathname).toMatch(/\/sr-cyrl\/troops$/);
      expect(await page.getAttribute("html", "lang")).toBe("sr-Cyrl");
      // Back on an English page: the address is kept, and one line offers the page in the chosen language.
      await open(page, "/members");
      expect(new URL(page.url()).pathname).toMatch(/\/members$/);
      const offer = page.locator(".language-offer");
      expect(await offer.isVisible()).toBe(true);
      expect(await offer.getAttribute("lang")).toBe("sr-Cyrl");
      expect(await offer.locator("a").getAttribute("href")).toBe("./sr-cyrl/members");
      expect((await offer.textContent())!.trim()).toMatch(/^[\u0400-\u04ff ]+$/);
    } finally {
      await context.close();
    }
  });

  it("a browser that prefers Albanian is offered the Albanian page in Albanian, and stays where it is", async () => {
    const context = await site.browser.newContext({locale: "sq-AL"});
    const page = await context.newPage();
    try {
      await open(page, "/opinion");
      expect(new URL(page.url()).pathname).toMatch(/\/opinion$/);
      const offer = page.locator(".language-offer");
      expect(await offer.getAttribute("lang")).toBe("sq");
      expect(await offer.locator("a").getAttribute("href")).toBe("./sq/opinion");
      await open(page, "/sq/opinion");
      expect(await offer.isHidden()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("no page in Albanian or Serbian shows English, as built or with its charts live and tables open", async () => {
    // Source titles are cited as published, in their own language (a table cell names "publisher, title"), and so are
    // publications' own names ("The Irish Times"); the datasets' files (data/polls.json) are names, not words.
    const sources = (await (await fetch(new URL("data/sources.json", site.baseUrl))).json()) as {title: string}[];
    const titles = sources.map((source) => source.title).sort((a, b) => b.length - a.length);
    const withoutCitations = (text: string) =>
      /^[a-z][a-z/-]*(\.(json|csv|svg|png))?$/.test(text) ? "" : titles.reduce((rest, title) => rest.split(title).join(""), text).replace(/\bThe(?: [A-Z][\w.]*)+/g, "");
    const context = await site.browser.newContext({locale: "en-GB", viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    const found: string[] = [];
    try {
      for (const route of languageRoutes) {
        await open(page, route);
        if ((await page.locator(".chart-slot").count()) > 0) await reachForCharts(page);
        await page.evaluate(() => {
          for (const details of document.querySelectorAll("details")) details.open = true;
        });
        for (const text of await page.evaluate(textsInPageLanguage)) if (ENGLISH.test(withoutCitations(text))) found.push(`${route}: "${text.slice(0, 100)}"`);
      }
    } finally {
      await context.close();
    }
    expect([...new Set(found)], [...new Set(found)].join("\n")).toEqual([]);
  });
});
