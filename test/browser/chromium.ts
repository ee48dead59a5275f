// Headless Chromium for the browser tests and screenshots: Debian's package, driven by playwright-core.
import {existsSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";
import config from "../../observablehq.config.ts";
import {charts} from "../../src/components/registry.ts";
import {LANGUAGES, pathIn} from "../../src/lib/i18n.ts";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Why browser tests cannot run here, or null when they can. In CI a missing browser is a failure, not a skip. */
export function browserUnavailable(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `Chromium not found at ${chromiumPath} (install Debian's chromium package, or set CHROMIUM_PATH)`;
  if (process.env.CI === "true") throw new Error(`${reason}: required in CI`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
  });
}

/** The embed page of every chart (src/embed/[chart].md.ts). */
export const embedRoutes = charts.map((chart) => `/embed/${chart.id}`);

/** Every page of the site: the overview and the pages observablehq.config.ts lists. */
export const routes = ["/", ...config.pages.map((page) => page.path)];

/** What a reader can open, for the reader gate and axe: every page and every embed page. */
export const readerRoutes = [...routes, ...embedRoutes];

/** Every page in every language but English (src/[lang]/[page].md.ts): /sq/, /sq/opinion, … /sr-cyrl/methods. */
export const languageRoutes = LANGUAGES.filter((lang) => lang !== "en").flatMap((lang) => routes.map((route) => pathIn(lang, route)));

/**
 * The widths the other languages are checked at (the reader gate, axe): the narrowest phone, where longer Albanian
 * and Serbian words fit worst, and the desktop. English, whose layout they share, is checked at every width.
 */
export const LANGUAGE_WIDTHS: readonly number[] = [320, 1280];

/** The routes checked at a width: English's, and the other languages' at LANGUAGE_WIDTHS. */
export const readerRoutesAt = (width: number) => [...readerRoutes, ...(LANGUAGE_WIDTHS.includes(width) ? languageRoutes : [])];
