// What changes in a chart's figure when it is the whole page, framed in someone else's article (/embed/<chart-id>):
// applied by the build to the drawn figure and, in the page, to each live figure that replaces it.

/**
 * Adapts a figure for its embed page:
 * - its title is the page's main heading (aria-level 1): the embed page has no other;
 * - its links open a new tab, so a reader following one does not lose the article around the frame;
 * - links written for a page at the site's top level (`./methods#source-…`) are made to hold one level down.
 */
export function adaptFigureForEmbed(figure: Element): void {
  figure.querySelector(".chart-title")?.setAttribute("aria-level", "1");
  for (const link of Array.from(figure.querySelectorAll("a[href]"))) {
    const href = link.getAttribute("href")!;
    if (href.startsWith("./")) link.setAttribute("href", `.${href}`);
    link.setAttribute("target", "_blank");
    const rel = new Set((link.getAttribute("rel") ?? "").split(/\s+/).filter(Boolean)).add("noopener");
    link.setAttribute("rel", [...rel].join(" "));
  }
}
