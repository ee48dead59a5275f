// Text from data is shown as text: a pollster named like an HTML injection appears literally on the built page,
// in the build-time HTML and after the page's scripts have run, and nothing in it executes.
import {mkdtempSync, rmSync} from "node:fs";
import type {Server} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildSite} from "../../scripts/build-site.ts";
import {startStaticServer} from "../../scripts/static-server.ts";
import {dataCopy} from "../helpers.ts";
import {browserUnavailable, launchChromium} from "./chromium.ts";
import {reachForCharts} from "./live-charts.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the hostile-text browser test: ${unavailable}`);

const HOSTILE = "<img src=x onerror=alert(1)>";

describe.skipIf(unavailable !== null)("a pollster named <img src=x onerror=alert(1)>", () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  const workDir = mkdtempSync(join(tmpdir(), "kosovo-hostile-"));

  beforeAll(async () => {
    const dataDir = dataCopy({"polls.csv": (text) => text.replace("iri-2024-05,IRI,", `iri-2024-05,${HOSTILE},`)});
    const previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir; // read by the fresh build's loaders and by its post-build step
    try {
      buildSite(join(workDir, "dist"), {fresh: true});
    } finally {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
    }
    ({server, url} = await startStaticServer({root: join(workDir, "dist")}));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(workDir, {recursive: true, force: true});
  });

  it("appears literally on /opinion, with no image element and no script run", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      return dialog.dismiss();
    });
    await page.goto(`${url}opinion`, {waitUntil: "networkidle"});
    // In the build-time HTML, then once the live figures have replaced the build-time ones (figure.chart-static).
    await expect.poll(() => page.locator(".poll-table").textContent()).toContain(HOSTILE);
    await reachForCharts(page);
    expect(await page.locator("figure#kosovo-nato-support-over-time .chart-table").textContent()).toContain(HOSTILE);
    expect(await page.locator("main").textContent()).toContain(HOSTILE);
    expect(await page.locator('main img[src="x"], main img[onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
