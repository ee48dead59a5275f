// Every page is locked down by its Content-Security-Policy (scripts/csp.ts) and Chromium refuses nothing on any of
// them: as built, and after the reader has used everything (every chart live, an Export menu open, a PNG and an SVG
// exported, a data table open, and on /invasion every control moved). And the policy is a <meta> straight after the
// character set, before anything it governs, listing the hash of every inline script and style the page holds, as
// the browser itself parses the page.
import {createHash} from "node:crypto";
import type {BrowserContext, Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {browserUnavailable, readerRoutes as routes} from "./chromium.ts";
import {serveBuiltSite} from "./served-site.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the Content-Security-Policy tests: ${unavailable}`);

/** Every route, and the 404 page, which has its own policy. */
const addresses = [...routes, "/no/such/page"];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A context whose pages record every violation of their policy from the first byte on, before any script of theirs. */
async function watchedContext(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as {cspViolations: string[]}).cspViolations = found;
    document.addEventListener("securitypolicyviolation", (event) => {
      found.push(`${event.effectiveDirective} refused ${event.blockedURI || "inline"}${event.sample ? ` (${JSON.stringify(event.sample)})` : ""} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return context;
}

interface Watched {
  page: Page;
  /** Violations and console messages about the policy, so far. */
  found(): Promise<string[]>;
}

async function open(context: BrowserContext, url: string): Promise<Watched> {
  const page = await context.newPage();
  const messages: string[] = [];
  page.on("console", (message) => /content.security.policy/i.test(message.text()) && messages.push(`console ${message.type()}: ${message.text()}`));
  await page.goto(url, {waitUntil: "networkidle"});
  return {page, found: async () => [...(await page.evaluate(() => (window as unknown as {cspViolations: string[]}).cspViolations)), ...messages]};
}

/** The page's own inline code as Chromium parses the HTML the server sent: no script of the page has run on it. */
async function builtInlineCode(page: Page, html: string) {
  return page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, "text/html");
    const policies = Array.from(document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]'), (meta) => meta.getAttribute("content") ?? "");
    return {
      policies,
      headBefore: Array.from(document.head.children)
        .slice(0, Array.from(document.head.children).findIndex((node) => node.matches('meta[http-equiv="Content-Security-Policy" i]')))
        .map((node) => node.outerHTML),
      scripts: Array.from(document.querySelectorAll("script:not([src])"), (node) => node.textContent ?? ""),
      styles: Array.from(document.querySelectorAll("style"), (node) => node.textContent ?? ""),
      styleAttributes: Array.from(document.querySelectorAll("[style]"), (node) => node.getAttribute("style") ?? "")
    };
  }, html);
}

// Computed here, not with scripts/csp.ts, so the build's hashing is checked against the texts Chromium parsed.
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const directive = (policy: string, name: string) => policy.split(/;\s*/).find((part) => part.startsWith(`${name} `))?.split(/\s+/).slice(1) ?? [];

/** Makes every chart live: the reader points at each in turn (the overview loads Plot only then). */
async function bringChartsToLife(page: Page): Promise<void> {
  for (const slot of await page.locator(".chart-slot").all()) await slot.hover();
  await expect.poll(() => page.locator("figure.chart-static").count(), {timeout: 30_000}).toBe(0);
}

/** Exports the first live chart as PNG and SVG through its Export menu; returns the files' first bytes. */
async function exportImages(page: Page): Promise<{png: number[]; svg: string}> {
  const figure = page.locator("figure.chart:has(.export-menu-toggle:visible)").first();
  const toggle = figure.locator(".export-menu-toggle");
  const save = async (format: string) => {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    const [download] = await Promise.all([page.waitForEvent("download"), figure.locator(`.export-menu-option[data-format="${format}"]`).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const png = await save("png");
  const svg = await save("svg");
  // The menu left open: what it shows is held to the policy too.
  await toggle.click();
  await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
  return {png: [...png.subarray(0, 8)], svg: svg.toString("utf8").slice(0, 200)};
}

/** Moves every /invasion control: the cutoff, the design effect by its box and by its slider, the interval method. */
async function moveInvasionControls(page: Page): Promise<void> {
  await page.locator("input[type=date]").fill("2023-01-01");
  await page.locator("form:has(input[type=range]) input[type=number]").fill("2");
  await page.locator("input[type=range]").fill("1.5");
  await page.getByLabel("Wald (normal approximation)").check();
  await expect.poll(() => page.locator("figure#kosovo-nato-support-before-after-invasion .chart-subtitle").textContent()).toContain("Cutoff: 1 January 2023");
}

describe.skipIf(unavailable !== null)("the Content-Security-Policy", () => {
  const site = serveBuiltSite();

  for (const address of addresses) {
    it(`on ${address}: a <meta> after the character set, before any script or style, with the hash of every inline script and style`, async () => {
      const context = await site.browser.newContext();
      try {
        const page = await context.newPage();
        const response = await page.goto(new URL(address.slice(1), site.baseUrl).href);
        const built = await builtInlineCode(page, await response!.text());
        expect(built.policies).toHaveLength(1);
        expect(built.headBefore).toEqual(['<meta charset="utf-8">']);
        const [policy] = built.policies;
        const scriptSources = directive(policy, "script-src");
        const styleSources = directive(policy, "style-src");
        expect(built.scripts.length).toBeGreaterThan(0);
        expect(built.scripts.filter((text) => !scriptSources.includes(sha256(text)))).toEqual([]);
        expect(built.styles.filter((text) => !styleSources.includes(sha256(text)))).toEqual([]);
        expect(built.styleAttributes.filter((text) => !styleSources.includes(sha256(text)))).toEqual([]);
        // Nothing is let in wholesale: no inline code but by its hash, and no other host.
        expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|frame-ancestors/);
        expect(directive(policy, "default-src")).toEqual(["'self'"]);
        expect(directive(policy, "connect-src")).toEqual(["'self'"]);
        expect(directive(policy, "object-src")).toEqual(["'none'"]);
      } finally {
        await context.close();
      }
    });

    it(`on ${address}: Chromium refuses nothing, as built and after every chart, Export, data table and control is used`, {timeout: 120_000}, async () => {
      const context = await watchedContext(await site.browser.newContext({acceptDownloads: true, viewport: {width: 1280, height: 900}}));
      try {
        const {page, found} = await open(context, new URL(address.slice(1), site.baseUrl).href);
        expect(await found(), "as built").toEqual([]);
        if (await page.locator(".chart-slot").count()) {
          await bringChartsToLife(page);
          const {png, svg} = await exportImages(page);
          expect(png, "the PNG export works under the policy").toEqual(PNG_SIGNATURE);
          expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
          await page.locator("details.chart-data summary").first().click();
          await expect.poll(() => page.locator("details.chart-data[open] table").first().isVisible()).toBe(true);
        }
        if (address === "/invasion") await moveInvasionControls(page);
        await page.waitForLoadState("networkidle");
        expect(await found(), "after use").toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("is what catches a refusal: an inline style no hash allows, added to a page, is reported", async () => {
    const context = await watchedContext(await site.browser.newContext());
    try {
      const {page, found} = await open(context, new URL("troops", site.baseUrl).href);
      expect(await found()).toEqual([]);
      await page.evaluate(() => document.head.append(Object.assign(document.createElement("style"), {textContent: "body { outline: 1px solid red }"})));
      await expect.poll(async () => (await found()).some((line) => line.startsWith("style-src-elem refused inline"))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
