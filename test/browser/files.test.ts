// The built site's stable addresses, "Last updated" and 404 page: /data/*.json and *.csv at un-hashed addresses (the
// CSVs with a byte-order mark), listed on /methods with How to cite, and every chart's files under /charts/; every
// page dated by the commit; and a 404 page with the site's look, no script, no failed request and no place in the
// sidebar.
import {readdirSync, readFileSync} from "node:fs";
import type {Server} from "node:http";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {startStaticServer} from "../../scripts/static-server.ts";
import {lastUpdated} from "../../scripts/source-date.ts";
import {CHART_FILE_KINDS, chartFileAddress} from "../../src/components/methods.ts";
import {charts} from "../../src/components/registry.ts";
import {browserUnavailable, routes} from "./chromium.ts";
import {serveBuiltSite} from "./served-site.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the browser tests of the site's files: ${unavailable}`);

// In the catalogue's order: the national datasets, the analysis, then the other surveys.
const datasets = ["polls", "troops", "events", "members", "sources", "invasion", "surveys", "regional-support", "protection-threat", "institution-trust", "nato-map"];
const tables = datasets.filter((name) => name !== "invasion" && name !== "nato-map");

describe.skipIf(unavailable !== null)("the site's files and addresses", () => {
  const site = serveBuiltSite();
  const siteDir = () => inject("siteDir");

  it("every dataset has a stable address holding the same bytes as the hashed copy the pages load", () => {
    const hashed = readdirSync(join(siteDir(), "_file/data"));
    for (const name of datasets) {
      const copy = hashed.find((file) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.json$`).test(file));
      expect(copy, name).toBeDefined();
      const stable = readFileSync(join(siteDir(), "data", `${name}.json`));
      expect(stable.equals(readFileSync(join(siteDir(), "_file/data", copy!))), name).toBe(true);
      expect(() => JSON.parse(stable.toString("utf8")), name).not.toThrow();
    }
  });

  it("every source table's CSV starts with one byte-order mark, then the table as maintained", () => {
    for (const name of tables) {
      const bytes = readFileSync(join(siteDir(), "data", `${name}.csv`));
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      const source = readFileSync(join("data", `${name}.csv`), "utf8").replace(/^\uFEFF/, "");
      expect(bytes.subarray(3).toString("utf8"), name).toBe(source);
    }
  });

  it("/methods links every stable address (rel=external, so not rewritten) and says how to cite, with the date", async () => {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    await page.goto(new URL("methods", site.baseUrl).href, {waitUntil: "networkidle"});
    const links = await page.locator(".catalog a[download]").evaluateAll((anchors) => anchors.map((a) => [a.getAttribute("href"), a.getAttribute("rel")]));
    expect(links).toEqual([...datasets.map((name) => `./data/${name}.json`), ...tables.map((name) => `./data/${name}.csv`)].sort(order).map((href) => [href, "external"]));
    for (const [href] of links) expect((await page.request.get(new URL(href!, page.url()).href)).status(), href!).toBe(200);
    const cite = page.locator(".how-to-cite");
    expect(await cite.locator("time").getAttribute("datetime")).toBe(lastUpdated());
    expect(await cite.locator(".citation a").getAttribute("href")).toBe("./data/polls.json");
    expect(await cite.textContent()).toMatch(/Kosovo and NATO dashboard \(\d{4}\)\. .* version of \d{1,2} [A-Z][a-z]+ \d{4}\./);
    await context.close();
  });

  it("/methods links every chart's SVG, PNG and CSV at its stable address, with scripts on, and each answers with its type", async () => {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    await page.goto(new URL("methods", site.baseUrl).href, {waitUntil: "networkidle"});
    // The live table, drawn by the page's script once the built one is replaced.
    await expect.poll(() => page.locator(".block-slot[data-block=chart-files] .chart-files a").count()).toBe(charts.length * CHART_FILE_KINDS.length);
    const links = await page.locator(".chart-files a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    expect(links).toEqual(charts.flatMap((chart) => CHART_FILE_KINDS.map((kind) => `./${chartFileAddress(chart.id, kind)}`)));
    const types = {svg: "image/svg+xml", png: "image/png", csv: "text/csv; charset=utf-8"};
    for (const href of links) {
      const response = await page.request.get(new URL(href!, page.url()).href);
      expect(response.status(), href!).toBe(200);
      expect(response.headers()["content-type"], href!).toBe(types[href!.split(".").pop() as keyof typeof types]);
    }
    await context.close();
  });

  it("every page, the 404 included, says when it was last updated: the commit's date", () => {
    const pages = [...routes.map((route) => (route === "/" ? "index" : route.slice(1))), "404"];
    for (const name of pages) {
      const html = readFileSync(join(siteDir(), `${name}.html`), "utf8");
      expect(html, name).toContain(`Last updated <time datetime="${lastUpdated()}">`);
    }
  });

  describe("the 404 page", () => {
    let server: Server | undefined;
    let rootUrl = "";
    beforeAll(async () => {
      // Served at a domain's root, where Framework's <base href="/"> is right (a sub-path needs SITE_URL at build).
      const served = await startStaticServer({root: siteDir()});
      server = served.server;
      rootUrl = served.url;
    });
    afterAll(() => server?.close());

    for (const [where, base] of [["at a domain's root", () => rootUrl], ["under a sub-path the build was not told", () => site.baseUrl]] as const) {
      for (const width of [1280, 375]) {
        it(`${where}, at ${width}px: any missing address gets it, styled, with no script, no other request and no console error`, async () => {
          const context = await site.browser.newContext({viewport: {width, height: 900}});
          const page = await context.newPage();
          const consoleErrors: string[] = [];
          const requests: string[] = [];
          page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
          page.on("pageerror", (error) => consoleErrors.push(String(error)));
          page.on("request", (request) => requests.push(request.url()));
          const address = new URL("no/such/page", base()).href;
          const response = await page.goto(address, {waitUntil: "networkidle"});
          expect(response?.status()).toBe(404);
          expect(await page.locator("h1").textContent()).toBe("Page not found");
          expect(await page.title()).toBe("Page not found | Kosovo and NATO");
          // The site's type and colours, from rules inlined into the page: the heading in the scale, the text themed.
          expect(await page.locator("h1").evaluate((h1) => getComputedStyle(h1).fontSize)).toBe("34px");
          expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/system-ui/);
          expect(await page.locator("#observablehq-footer").textContent()).toMatch(/Last updated \d{1,2} [A-Z][a-z]+ \d{4}\./);
          expect(await page.locator("script[type=module]").evaluateAll((scripts) => scripts.filter((script) => script.textContent?.includes("import")).length)).toBe(0);
          expect(requests).toEqual([address]);
          // The only error Chromium logs is the page's own 404 status.
          expect(consoleErrors.filter((error) => !/status of 404/.test(error))).toEqual([]);
          expect(consoleErrors.length).toBeLessThanOrEqual(1);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          await context.close();
        });
      }
    }

    it("links home, and from a domain's root the link leads there", async () => {
      const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
      const page = await context.newPage();
      await page.goto(new URL("no/such/page", rootUrl).href, {waitUntil: "networkidle"});
      await page.getByRole("link", {name: "Go to the overview"}).click();
      await page.waitForURL(rootUrl);
      expect(await page.locator("h1").first().textContent()).toMatch(/\S/);
      expect(await page.title()).not.toMatch(/not found/i);
      await context.close();
    });

    it("is in no page's sidebar", () => {
      for (const route of routes) {
        const html = readFileSync(join(siteDir(), `${route === "/" ? "index" : route.slice(1)}.html`), "utf8");
        const start = html.search(/<nav id="observablehq-sidebar"[ >]/);
        expect(start, route).toBeGreaterThan(-1);
        const sidebar = html.slice(start, html.indexOf("</nav>", start));
        expect(sidebar, route).toContain("Data and methods");
        expect(sidebar, route).not.toMatch(/404|not found/i);
      }
    });
  });
});

/** The catalogue's order: per dataset its JSON, then its table's CSV. */
function order(a: string, b: string): number {
  const key = (href: string) => {
    const [, name, extension] = /data\/([\w-]+)\.(json|csv)$/.exec(href)!;
    return datasets.indexOf(name) * 2 + (extension === "csv" ? 1 : 0);
  };
  return key(a) - key(b);
}
