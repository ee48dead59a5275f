// axe-core's full rule set in a page: the rules it runs, and what it finds, written so a failure says what to fix.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {BrowserContext, Page} from "playwright-core";

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices: more than Lighthouse runs. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// Read once and evaluated in the page: a <script> tag would not run in a page opened with scripts off.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  /** One CSS selector per element axe flagged (a path through iframes or shadow roots joined by " > "). */
  targets: string[];
  /** What axe found wrong with the first of them. */
  summary: string;
}

/**
 * The violations axe finds in the page as it stands. The page must allow scripts: axe runs on promises and timers,
 * and a page opened with scripts off (javaScriptEnabled: false) runs neither, not even for code evaluated in it.
 * See openAsBuilt for the page as built, with no script of its own running.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as {axe: {run(context: Document, options: object): Promise<{violations: {id: string; impact: string | null; help: string; nodes: {target: unknown[]; failureSummary?: string}[]}[]}>}}).axe;
    const {violations} = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map((part) => (Array.isArray(part) ? part.join(" > ") : String(part))).join(" > ")),
      summary: (violation.nodes[0]?.failureSummary ?? "").replace(/\s+/g, " ").trim()
    }));
  }, AXE_TAGS);
}

/** One line per violation: where, which rule, how bad, what it means, and the elements. */
export function describeViolations(where: string, violations: AxeViolation[]): string[] {
  return violations.map((violation) => `${where}: ${violation.rule} (${violation.impact}) ${violation.help}; ${violation.targets.length} element(s): ${violation.targets.slice(0, 6).join(" | ")}${violation.targets.length > 6 ? " | …" : ""} (${violation.summary})`);
}

/**
 * A page in the context that shows each document as the build wrote it, to a reader with scripts off, while
 * letting axe run: every script of the page is refused (a Content-Security-Policy of script-src 'none', in place of
 * the page's own; what is evaluated from here is not the page's script and still runs), and the stylesheet's
 * (scripting: none) rules, which the browser applies only when scripts are off, are made to apply (the page's
 * inlined rules are all it has, since its script never loads the whole stylesheet).
 */
export async function openAsBuilt(context: BrowserContext): Promise<Page> {
  await context.route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    // The page's own policy goes: it allows the page's inline rules by hash, and rewriting them changes the hash.
    const html = (await response.text()).replaceAll(/\(\s*scripting\s*:\s*none\s*\)/g, "(scripting: enabled)").replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/, "");
    const {"content-encoding": _encoding, "content-length": _length, ...headers} = response.headers();
    await route.fulfill({status: response.status(), body: html, headers: {...headers, "content-security-policy": "script-src 'none'"}});
  });
  return context.newPage();
}
