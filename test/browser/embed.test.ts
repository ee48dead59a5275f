// Embeds as a journalist uses them: the snippet the Embed dialog gives, pasted into a page on another origin, with
// /embed.js keeping each frame's height matched to its chart; and a hostile page that tries to resize the frames.
// Also the Export menu's Embed dialog and Copy link, and ?theme= on an embed page.
import {createServer, type Server} from "node:http";
import type {BrowserContext, Frame, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EMBED_HEIGHT_MESSAGE} from "../../src/components/embed-message.ts";
import {browserUnavailable} from "./chromium.ts";
import {reachForCharts} from "./live-charts.ts";
import {serveBuiltSite} from "./served-site.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the embed tests: ${unavailable}`);

/** Three charts, on two pages: each is embedded with the snippet its own Export menu gives. */
const EMBEDDED = [
  {page: "opinion", id: "kosovo-nato-support-over-time"},
  {page: "opinion", id: "kosovo-nato-answers-per-poll"},
  {page: "troops", id: "kfor-troop-strength-1999-today"}
];

/** A loopback server answering every request with one page (or, for `/frame`, a second page). */
function servePages(pages: Record<string, string>): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const body = pages[new URL(request.url ?? "/", "http://localhost").pathname];
    response.writeHead(body === undefined ? 404 : 200, {"content-type": "text/html; charset=utf-8"});
    response.end(body ?? "Not found");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({server, origin: `http://127.0.0.1:${(server.address() as {port: number}).port}`})));
}

const hostPage = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width"><title>An article</title></head><body style="margin:0"><main><h1>An article</h1>${body}</main></body></html>`;


/** Opens a chart's Embed dialog on its page and waits for the measured snippet. */
async function snippetFromDialog(page: Page, id: string): Promise<string> {
  await reachForCharts(page);
  const figure = page.locator(`figure.chart[data-chart="${id}"]`);
  await figure.locator(".export-menu-toggle").click();
  await page.locator(`figure.chart[data-chart="${id}"] .export-menu-option[data-action="embed"]`).click();
  // Waited for with the page's own waits: this runs in beforeAll, where vitest's expect.poll is not available.
  const dialog = page.locator('dialog.embed-dialog[open][data-height="measured"]');
  await dialog.waitFor();
  const snippet = await dialog.locator("textarea").inputValue();
  await page.keyboard.press("Escape");
  await page.locator("dialog.embed-dialog").waitFor({state: "detached"});
  return snippet;
}

/** The content height an embed page would post now, read in the frame. */
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.getElementById("observablehq-main")!.getBoundingClientRect().bottom + scrollY));

describe.skipIf(unavailable !== null)("embeds", () => {
  const site = serveBuiltSite();
  let dashboardOrigin = "";
  const snippets = new Map<string, string>();

  beforeAll(async () => {
    dashboardOrigin = new URL(site.baseUrl).origin;
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    for (const {page: route, id} of EMBEDDED) {
      if (!page.url().endsWith(route)) await page.goto(new URL(route, site.baseUrl).href, {waitUntil: "networkidle"});
      snippets.set(id, await snippetFromDialog(page, id));
    }
    await context.close();
  });

  it("the dialog's snippet is one frame of the chart's embed page, with a title, full width, lazy, no border, and the optional script", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL("opinion", site.baseUrl).href);
    for (const {id} of EMBEDDED) {
      const parsed = await page.evaluate((snippet) => {
        const doc = new DOMParser().parseFromString(snippet, "text/html");
        const frames = Array.from(doc.querySelectorAll("iframe"));
        const scripts = Array.from(doc.querySelectorAll("script"));
        return {
          frames: frames.map((frame) => Object.fromEntries(Array.from(frame.attributes, (attribute) => [attribute.name, attribute.value]))),
          scripts: scripts.map((script) => ({src: script.getAttribute("src"), async: script.hasAttribute("async")}))
        };
      }, snippets.get(id)!);
      expect(parsed.frames).toHaveLength(1);
      const [frame] = parsed.frames;
      expect(Object.keys(frame).sort()).toEqual(["height", "loading", "src", "style", "title", "width"]);
      expect(frame.src).toBe(new URL(`embed/${id}`, site.baseUrl).href);
      expect(frame.title.length).toBeGreaterThan(10);
      expect(frame.width).toBe("100%");
      expect(frame.loading).toBe("lazy");
      expect(frame.style).toBe("border:0");
      expect(Number(frame.height)).toBeGreaterThan(200);
      expect(parsed.scripts).toEqual([{src: new URL("embed.js", site.baseUrl).href, async: true}]);
    }
    await context.close();
  });

  describe("pasted into a page on another origin", () => {
    let host: {server: Server; origin: string};
    let foreign: {server: Server; origin: string};
    beforeAll(async () => {
      const body = [...snippets.values()].join("\n<p>Some text between the charts.</p>\n");
      // A frame of the dashboard that is not an embed (its page) and a frame from a third origin, for the hostile test.
      foreign = await servePages({"/": hostPage("<p>Another site.</p>")});
      host = await servePages({
        "/": hostPage(body),
        "/hostile": hostPage(`${body}\n<iframe id="not-an-embed" title="The dashboard's page" src="${new URL("methods", site.baseUrl).href}"></iframe>\n<iframe id="foreign" title="Another site" src="${foreign.origin}/"></iframe>`)
      });
    });
    afterAll(() => {
      host?.server.close();
      foreign?.server.close();
    });

    /** The host page, with every console error and every request's origin recorded. */
    async function openHost(context: BrowserContext, path: string, width: number) {
      const page = await context.newPage();
      await page.setViewportSize({width, height: 900});
      const errors: string[] = [];
      const origins = new Set<string>();
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (request) => origins.add(new URL(request.url()).origin));
      await page.goto(`${host.origin}${path}`, {waitUntil: "networkidle"});
      return {page, errors, origins};
    }

    /** The three embed frames, once each has loaded (lazy frames load as they are scrolled near). */
    async function embedFrames(page: Page): Promise<Frame[]> {
      for (const frame of await page.locator("iframe").all()) await frame.scrollIntoViewIfNeeded();
      const find = () => EMBEDDED.map(({id}) => page.frames().find((frame) => frame.url().endsWith(`/embed/${id}`)));
      await expect.poll(async () => {
        const frames = find();
        return Promise.all(frames.map((frame) => frame?.evaluate(() => document.readyState === "complete" && !!document.getElementById("observablehq-main")).catch(() => false) ?? false));
      }).toEqual([true, true, true]);
      return find() as Frame[];
    }
    const frameHeights = (page: Page) => page.$$eval("iframe", (frames) => frames.map((frame) => frame.getBoundingClientRect().height));

    it("each frame's height tracks its content at 320 and 800 px, with no sideways scrolling, no console error and no other host", async () => {
      const context = await site.browser.newContext();
      const {page, errors, origins} = await openHost(context, "/", 800);
      const heightsAt: Record<number, number[]> = {};
      for (const width of [800, 320]) {
        await page.setViewportSize({width, height: 900});
        const frames = await embedFrames(page);
        // Each frame ends exactly as tall as its content (the script set it from the embed's message).
        await expect.poll(async () => {
          const heights = await frameHeights(page);
          const contents = await Promise.all(frames.map(contentHeight));
          return heights.map((height, index) => Math.abs(height - contents[index]) <= 1);
        }).toEqual([true, true, true]);
        heightsAt[width] = await frameHeights(page);
        for (const frame of frames) {
          const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${frame.url()} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        }
      }
      // The narrow layout is a different height: the frames followed it.
      expect(heightsAt[320]).not.toEqual(heightsAt[800]);
      expect(errors).toEqual([]);
      expect([...origins].sort()).toEqual([dashboardOrigin, host.origin].sort());
      await context.close();
    });

    it("the snippet's height fits the chart at a 640 px article width", async () => {
      const context = await site.browser.newContext();
      const {page} = await openHost(context, "/", 640);
      const frames = await embedFrames(page);
      const stated = await page.$$eval("iframe", (iframes) => iframes.map((iframe) => Number(iframe.getAttribute("height"))));
      const contents = await Promise.all(frames.map(contentHeight));
      contents.forEach((content, index) => expect(Math.abs(content - stated[index]), `${EMBEDDED[index].id}: content ${content}px, snippet ${stated[index]}px`).toBeLessThanOrEqual(2));
      await context.close();
    });

    it("ignores messages from another origin, from the host page, from a frame not in the list, and of any other shape", async () => {
      const context = await site.browser.newContext();
      const {page} = await openHost(context, "/hostile", 800);
      const frames = await embedFrames(page);
      await expect.poll(async () => {
        const heights = await frameHeights(page);
        const contents = await Promise.all(frames.map(contentHeight));
        return contents.map((content, index) => Math.abs(heights[index] - content) <= 1);
      }).toEqual([true, true, true]);
      const before = await frameHeights(page);
      // Counted after /embed.js's listeners, so a message counted here has already been through them.
      await page.evaluate(() => {
        (window as unknown as {received: number}).received = 0;
        addEventListener("message", () => (window as unknown as {received: number}).received++);
      });
      const [first] = EMBEDDED;
      const valid = {type: EMBED_HEIGHT_MESSAGE, chart: first.id, height: 1234};
      const post = (frame: Frame, data: unknown) => frame.evaluate((message) => parent.postMessage(message, "*"), data);
      const foreignFrame = page.frames().find((frame) => frame.url().startsWith(foreign.origin))!;
      const notAnEmbed = page.frames().find((frame) => frame.url().endsWith("/methods"))!;
      let sent = 0;
      // A well-formed message from the wrong senders.
      await post(foreignFrame, valid), sent++;
      await post(page.mainFrame(), valid), sent++;
      await post(notAnEmbed, valid), sent++;
      await post(notAnEmbed, {...valid, chart: "methods"}), sent++;
      // From the right frame, in the wrong shape.
      const wrongShapes: unknown[] = [
        {...valid, extra: true},
        {type: valid.type, chart: valid.chart},
        {...valid, height: "1234"},
        {...valid, height: Number.NaN},
        {...valid, height: Number.POSITIVE_INFINITY},
        {...valid, height: -500},
        {...valid, height: 5e7},
        {...valid, chart: EMBEDDED[1].id},
        {...valid, type: "kosovo-nato-embed:resize"},
        [valid.type, valid.chart, valid.height],
        JSON.stringify(valid),
        null
      ];
      for (const data of wrongShapes) await post(frames[0], data), sent++;
      await expect.poll(() => page.evaluate(() => (window as unknown as {received: number}).received)).toBe(sent);
      expect(await frameHeights(page)).toEqual(before);
      // And the same frame, in the right shape, is believed: the checks above could have failed.
      await post(frames[0], valid);
      await expect.poll(async () => (await frameHeights(page))[0]).toBe(1234);
      await context.close();
    });
  });

  it("every embed page shows its chart with scripts off, with no sidebar, top bar, contents, pager or footer, and links out in a new tab", async () => {
    const context = await site.browser.newContext({javaScriptEnabled: false, viewport: {width: 280, height: 700}});
    const page = await context.newPage();
    for (const id of ["kosovo-nato-support-over-time", "kosovo-nato-answers-per-poll", "kosovo-nato-lead-over-time", "kfor-troop-strength-1999-today", "kosovo-nato-support-on-kfor-timeline", "nato-members-recognition-of-kosovo", "kosovo-nato-support-before-after-invasion", "kosovo-nato-like-for-like-iri"]) {
      await page.goto(new URL(`embed/${id}`, site.baseUrl).href);
      const seen = await page.evaluate(() => ({
        chrome: Array.from(document.querySelectorAll("#observablehq-sidebar, #site-bar, #observablehq-toc, #observablehq-footer, .skip-link")).length,
        plot: Array.from(document.querySelectorAll("figure.chart svg[role=img]")).some((svg) => svg.getBoundingClientRect().width > 200),
        heading: document.querySelector(".chart-title")?.getAttribute("aria-level"),
        linksInPlace: Array.from(document.querySelectorAll("main a[href]")).filter((link) => link.getAttribute("target") !== "_blank").length,
        view: document.querySelector<HTMLAnchorElement>(".embed-view-link")?.href,
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth
      }));
      expect(seen, id).toMatchObject({chrome: 0, plot: true, heading: "1", linksInPlace: 0});
      expect(seen.sideways, id).toBeLessThanOrEqual(0);
      expect(seen.view, id).toMatch(new RegExp(`/kosovo-nato/(opinion|invasion|troops|members)#${id}$`));
    }
    await context.close();
  });

  it("?theme=dark paints dark for a reader who prefers light, ?theme=light light for one who prefers dark, as the site's own schemes", async () => {
    const background = async (colorScheme: "light" | "dark", query: string, javaScriptEnabled = true) => {
      const context = await site.browser.newContext({colorScheme, javaScriptEnabled});
      const page = await context.newPage();
      await page.goto(new URL(`embed/${EMBEDDED[0].id}${query}`, site.baseUrl).href, {waitUntil: "networkidle"});
      const colours = await page.evaluate(() => {
        // The page's background, wherever the theme paints it (the root, or the body over it).
        const rootBackground = getComputedStyle(document.documentElement).backgroundColor;
        const bodyBackground = getComputedStyle(document.body).backgroundColor;
        const body = {backgroundColor: /^rgba\(0, 0, 0, 0\)$|transparent/.test(bodyBackground) ? rootBackground : bodyBackground};
        const title = getComputedStyle(document.querySelector(".chart-title")!);
        return {background: body.backgroundColor, text: title.color};
      });
      await context.close();
      return colours;
    };
    const luminance = (colour: string) => {
      const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const dark = await background("dark", "");
    const light = await background("light", "");
    expect(luminance(dark.background)).toBeLessThan(0.15);
    expect(luminance(light.background)).toBeGreaterThan(0.9);
    expect(await background("light", "?theme=dark")).toEqual(dark);
    expect(await background("dark", "?theme=light")).toEqual(light);
    expect(await background("light", "?theme=nonsense")).toEqual(light);
  });

  it("Copy link puts the chart's address on its page on the clipboard, and that address highlights the chart", async () => {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    const origin = new URL(site.baseUrl).origin;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {origin});
    const page = await context.newPage();
    await page.goto(new URL("opinion", site.baseUrl).href, {waitUntil: "networkidle"});
    await reachForCharts(page);
    const id = "kosovo-nato-lead-over-time";
    const figure = page.locator(`figure.chart[data-chart="${id}"]`);
    await figure.locator(".export-menu-toggle").click();
    await page.locator(`figure.chart[data-chart="${id}"] .export-menu-option[data-action="link"]`).click();
    await expect.poll(() => page.locator(`figure.chart[data-chart="${id}"] .export-menu-status`).textContent()).toBe("Link copied.");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(new URL(`opinion#${id}`, site.baseUrl).href);

    const arrival = await context.newPage();
    await arrival.goto(link, {waitUntil: "networkidle"});
    const target = arrival.locator(`figure.chart[data-chart="${id}"]`);
    // On arrival the drawn chart is the address's :target, outlined, in view.
    expect(await target.evaluate((node) => node.matches(".chart-static:target"))).toBe(true);
    expect(await target.evaluate((node) => getComputedStyle(node).outlineStyle)).toBe("solid");
    // Once the reader reaches for it, the live chart replaces the drawn one (no longer :target) and carries the mark.
    await reachForCharts(arrival);
    expect(await target.evaluate((node) => node.matches(".chart-linked"))).toBe(true);
    expect(await arrival.locator("figure.chart.chart-linked").count()).toBe(1);
    expect(await target.evaluate((node) => getComputedStyle(node).outlineStyle)).toBe("solid");
    const box = (await target.boundingBox())!;
    expect(box.y).toBeLessThan(900);
    expect(box.y + 40).toBeGreaterThan(0);
    await context.close();
  });

  it("the Embed dialog is a modal the keyboard can use: focus inside, Copy puts the snippet on the clipboard, Escape closes it and focus returns", async () => {
    const context = await site.browser.newContext({viewport: {width: 375, height: 800}});
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {origin: new URL(site.baseUrl).origin});
    const page = await context.newPage();
    await page.goto(new URL("troops", site.baseUrl).href, {waitUntil: "networkidle"});
    await reachForCharts(page);
    const id = "kfor-troop-strength-1999-today";
    await page.locator(`figure.chart[data-chart="${id}"] .export-menu-toggle`).click();
    await page.locator(`figure.chart[data-chart="${id}"] .export-menu-option[data-action="embed"]`).click();
    const dialog = page.locator("dialog.embed-dialog");
    expect(await dialog.evaluate((node: HTMLDialogElement) => node.open && node.matches(":modal"))).toBe(true);
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    expect(await dialog.getAttribute("aria-labelledby")).toBeTruthy();
    await expect.poll(() => dialog.getAttribute("data-height")).toBe("measured");
    await dialog.locator(".embed-dialog-copy").click();
    await expect.poll(() => dialog.locator("[role=status]").textContent()).toBe("Embed code copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await dialog.locator("textarea").inputValue());
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate((chart) => document.activeElement?.matches(`figure.chart[data-chart="${chart}"] .export-menu-toggle`), id)).toBe(true);
    await context.close();
  });
});
