// Checks of what a reader sees, run inside the page (page.evaluate), beside chart-legibility.ts (chart text over text,
// clipped, crossed by marks, and contrast). Every function here is serialised into the page, so each is
// self-contained: no imports, no shared helpers.

/** Sideways scrolling: how much wider than the window the page is (0 when it fits), and the widest culprits. */
export function sidewaysOverflow(): {excess: number; culprits: string[]} {
  const width = document.documentElement.clientWidth;
  const excess = document.documentElement.scrollWidth - width;
  if (excess <= 0) return {excess: 0, culprits: []};
  const culprits = Array.from(document.body.querySelectorAll("*"))
    .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest(".table-scroll"))
    .filter((element) => !Array.from(element.children).some((child) => child.getBoundingClientRect().right > width + 1))
    .slice(0, 5)
    .map((element) => `<${element.localName} class="${element.getAttribute("class") ?? ""}"> right edge at ${Math.round(element.getBoundingClientRect().right)}px`);
  return {excess, culprits};
}

/** Opens every <details> on the page: data tables, field lists, anything a reader can open. */
export function openAllDetails(): number {
  const all = Array.from(document.querySelectorAll("details"));
  for (const details of all) details.open = true;
  return all.length;
}

/**
 * Every text a reader can see on the page, as lines: page text (tables opened first count too) and chart text, but
 * not the /methods formulas, whose parentheses are mathematics.
 */
export function visibleText(): string[] {
  const lines: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent?.replace(/\s+/g, " ").trim();
    if (!element || !text || element.closest("script, style, .formulas, [hidden]") || element.getClientRects().length === 0) continue;
    lines.push(text);
  }
  // Block elements' text, whole, so a phrase split across inline elements (a link inside a sentence) is seen whole.
  for (const block of document.querySelectorAll("p, li, dd, dt, td, th, caption, h1, h2, h3, figcaption")) {
    if (block.closest(".formulas") || block.getClientRects().length === 0) continue;
    // innerText, not textContent: it keeps the break between a heading and the paragraph after it.
    const text = (block as HTMLElement).innerText?.replace(/\s+/g, " ").trim();
    if (text) lines.push(text);
  }
  return lines;
}

/** One way of writing each thing across the site: each rule is a pattern no visible text may match, and the fix. */
export const writingRules: {pattern: RegExp; rule: string; englishOnly?: boolean}[] = [
  {pattern: /\b95% CI\b/, rule: 'write "95% interval", not "95% CI"'},
  // Not a count: a year, a page range, an ISBN, a UN resolution's number.
  {pattern: /(^|[^\d.,–-])(?<!Resolution )(?!19\d\d\b|20\d\d\b)\d{4,}(?![\d–-])/, rule: "write counts with a thousands separator (1,000); only years go without", englishOnly: true},
  // A count the source qualifies ("about 2,000", "more than 2,000") is never a year.
  {pattern: /(?<!(about|some|more than|under) )\b(1,9\d\d|2,0\d\d)\b(?! (troops|polls|respondents|people))/, rule: "write a year without a thousands separator (1949, not 1,949)", englishOnly: true},
  {pattern: /(^|[^\d.,])1 (polls|problems|pollsters|rows|members|figures|sources|events|records)\b/, rule: "one of a thing is singular", englishOnly: true},
  {pattern: /[+−±]\d+ points?\b/, rule: 'write a change in points with one decimal, as formatPoints does ("+6.0 points")', englishOnly: true},
  {pattern: /\([^()]*\([^()]*\)[^()]*\)/, rule: "no parentheses inside parentheses"},
  {pattern: /\b(kcss|iri)-\d{4}-\d{2}\b/, rule: "name a poll by pollster and fieldwork, not by its id"},
  {pattern: /\b(NaN|undefined|Infinity)\b/, rule: "a number that could not be computed is shown as one"}
];
