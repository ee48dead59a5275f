// Which page of the site shows each chart: read from the pages themselves (their chart-slot placeholders), so an
// embed's link back to its chart can never point at a page that dropped it. Node only (the build and the tests).
import {readdirSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

const SOURCE_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The site's top-level pages (src/*.md, the 404 page aside) and the charts each has a placeholder for. */
export function chartsByPage(root = SOURCE_ROOT): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const file of readdirSync(root).filter((name) => name.endsWith(".md") && name !== "404.md").sort()) {
    const name = file.slice(0, -".md".length);
    const ids = [...readFileSync(`${root}/${file}`, "utf8").matchAll(/<div class="chart-slot" data-chart="([a-z0-9-]+)"><\/div>/g)].map(([, id]) => id);
    pages.set(name === "index" ? "/" : `/${name}`, ids);
  }
  return pages;
}

/**
 * The page a chart is shown on, as a site path ("/opinion"). A chart on the overview and on a page of its own (the
 * before/after chart) belongs to its own page, where it is explained.
 */
export function pageOfChart(id: string, pages = chartsByPage()): string {
  const holding = [...pages].filter(([, ids]) => ids.includes(id)).map(([path]) => path);
  if (holding.length === 0) throw new Error(`no page has a placeholder for the chart ${JSON.stringify(id)}`);
  return holding.find((path) => path !== "/") ?? holding[0];
}

/** The chart on its page, relative to an embed page (/embed/<id>), so it holds at any site address. */
export function chartLinkFromEmbed(id: string, pages = chartsByPage()): string {
  const page = pageOfChart(id, pages);
  return `..${page === "/" ? "/" : page}#${id}`;
}
