// Each page's own description: the `<meta name="description">` search engines show under its title, and the text
// of its preview card when a link to it is pasted into a chat or a post (scripts/preview-cards.ts). Keyed by
// Framework's page path; test/build/preview-cards.test.ts checks that every page in src/ has one and that every entry
// names a page. Words only, no figures: a description outlives the data it would quote. An embed page
// (/embed/<chart-id>) has none here; the build describes it by its chart's subtitle.

export const pageDescriptions: Record<string, string> = {
  "/index":
    "What Kosovars think of joining NATO, how that changed after Russia invaded Ukraine, and KFOR's troop strength since 1999: every number sourced, every uncertainty shown.",
  "/opinion": "Every published poll on whether people in Kosovo support joining NATO, with its sample size, its answers and the 95% interval for support, poll by poll and over time; and beside them, Kosovo in a regional poll of the Western Balkans and whether NATO is seen as protection or a threat.",
  "/invasion":
    "Did Russia's invasion of Ukraine on 24 February 2022 change what Kosovars think of joining NATO? The polls either side of the cutoff compared, and one pollster with itself, with your own assumptions.",
  "/troops": "The strength of KFOR, NATO's force in Kosovo, from its deployment in 1999 to today, as each source states it, with the events around it, trust in KFOR and Kosovo's own planned army.",
  "/members": "NATO's members by the year each joined, and the members that do not recognise Kosovo's independence: an obstacle to membership however much Kosovars support it.",
  "/methods": "The datasets behind every chart to download as CSV or JSON, every chart as SVG, PNG and CSV at a stable address, the formulas behind every interval and test, and every source cited.",
  "/404": "There is no page at this address of the Kosovo and NATO dashboard."
};

/** The description of a page by Framework's path ("/index", "/opinion"), or null for a page the map leaves out. */
export function pageDescription(path: string): string | null {
  return Object.hasOwn(pageDescriptions, path) ? pageDescriptions[path] : null;
}

/** Text made safe inside a double-quoted HTML attribute. */
export const escapeHtmlAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The page's `<meta name="description">`, or nothing for a page without a description here (an embed). */
export function descriptionMeta(path: string): string {
  const description = pageDescription(path);
  return description === null ? "" : `<meta name="description" content="${escapeHtmlAttribute(description)}">`;
}
