// For one describe block of browser tests: the site built by the global setup, served under a sub-path as GitHub
// Pages would, and a Chromium to open it; both closed after the block.
import type {Server} from "node:http";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, inject} from "vitest";
import {startStaticServer} from "../../scripts/static-server.ts";
import {launchChromium} from "./chromium.ts";

export interface ServedSite {
  browser: Browser;
  baseUrl: string;
}

export function serveBuiltSite(): ServedSite {
  const site = {} as ServedSite;
  let server: Server | undefined;
  beforeAll(async () => {
    const served = await startStaticServer({root: inject("siteDir"), base: "/kosovo-nato/"});
    server = served.server;
    site.baseUrl = served.url;
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    server?.close();
  });
  return site;
}
