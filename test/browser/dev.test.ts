// `npm run dev` as an analyst uses it: editing a CSV updates the open page, and a mistake shows its validation error there.
import {spawn, type ChildProcess} from "node:child_process";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {dataCopy, projectCopy} from "../helpers.ts";
import {browserUnavailable, launchChromium} from "./chromium.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the dev-server test: ${unavailable}`);

const PORT = 3317;

describe.skipIf(unavailable !== null)("npm run dev", () => {
  let dev: ChildProcess;
  let browser: Browser;
  let log = "";
  const dataDir = dataCopy();
  const pollsFile = join(dataDir, "polls.csv");
  const editPolls = (from: string, to: string) => writeFileSync(pollsFile, readFileSync(pollsFile, "utf8").replace(from, to));

  beforeAll(async () => {
    // detached: the preview server is a grandchild; killing the group stops it too.
    dev = spawn("npm", ["run", "dev", "--", "--port", String(PORT), "--no-open"], {cwd: projectCopy(), env: {...process.env, DATA_DIR: dataDir}, detached: true});
    dev.stdout?.on("data", (chunk) => (log += chunk));
    dev.stderr?.on("data", (chunk) => (log += chunk));
    // Ready when Framework prints its address.
    for (const started = Date.now(); !log.includes(`127.0.0.1:${PORT}`); ) {
      if (Date.now() - started > 60_000) throw new Error(`npm run dev did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
  });

  it("shows an edited poll, then a validation error, in the open page", async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/opinion`);
    const lastRow = page.locator(".poll-table tbody tr").last();
    await expect.poll(() => lastRow.textContent(), {timeout: 60_000}).toMatch(/May 2024.*94%/);

    editPolls(",1200,94,3,3,", ",1200,93,4,3,");
    await expect.poll(() => lastRow.textContent(), {timeout: 20_000}).toMatch(/May 2024.*93%/);

    editPolls(",1200,93,4,3,", ",1200,104,4,3,");
    await expect.poll(() => page.locator("body").textContent(), {timeout: 20_000}).toMatch(/polls\.csv line 5, column support: 104 is above 100/);
    expect(log).toMatch(/polls\.csv line 5, column support: 104 is above 100/);
  });
});
