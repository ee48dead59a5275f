// Checks of what a reader sees, run inside the page (page.evaluate): each returns a list of problems, empty when
// the page passes, each problem a sentence that names the chart and the text or mark at fault.
// Every function here is serialised into the page, so each is self-contained: no imports, no shared helpers.

/**
 * Chart text under 4.5:1 against what is behind it (3:1 for large text: 24px, or 18.66px bold), and marks that carry
 * meaning (dots, interval rules, bars, lines, links) under 3:1 against the background, in the scheme the page is in.
 * Colours are read as the browser computed them (currentColor, CSS variables and opacity resolved), and a
 * translucent colour is blended over the background first, as the reader sees it.
 */
export function chartContrastProblems(): string[] {
  type Rgba = [number, number, number, number];
  const probe = document.createElement("canvas").getContext("2d", {willReadFrequently: true})!;
  /** Any CSS colour (rgb(), color(srgb …), color-mix results) to RGBA 0–255, through a canvas. */
  const toRgba = (color: string): Rgba | null => {
    if (!color || color === "none" || color.startsWith("url(")) return null;
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = "#000";
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = ([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba => [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];
  const luminance = ([r, g, b]: Rgba) => {
    const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
  /** The first opaque background behind an element, blending translucent ones on the way up. */
  const backgroundOf = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const color = toRgba(getComputedStyle(node).backgroundColor);
      if (color && color[3] > 0) {
        layers.push(color);
        if (color[3] >= 1) break;
      }
    }
    let background: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) background = over(layer, background);
    return background;
  };
  /** Opacity of the element and its ancestors inside the SVG, multiplied. */
  const opacityOf = (element: Element, svg: Element) => {
    let opacity = 1;
    for (let node: Element | null = element; node && node !== svg.parentElement; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  const shown = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const problems: string[] = [];
  for (const figure of document.querySelectorAll("figure.chart")) {
    for (const svg of figure.querySelectorAll("svg")) {
      if (!shown(svg)) continue;
      const background = backgroundOf(svg);
      const where = `${figure.id}${svg.getAttribute("role") === "img" ? "" : " (legend)"}`;
      for (const text of svg.querySelectorAll("text")) {
        if (!shown(text) || !text.textContent?.trim() || text.closest('[aria-label="tip"]')) continue;
        const style = getComputedStyle(text);
        const fill = toRgba(style.fill);
        if (!fill) continue;
        const color = over([fill[0], fill[1], fill[2], fill[3] * Number(style.fillOpacity) * opacityOf(text, svg)], background);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const needed = large ? 3 : 4.5;
        const measured = ratio(color, background);
        if (measured < needed) problems.push(`${where}: text "${text.textContent.trim().slice(0, 40)}" is ${measured.toFixed(2)}:1 (${style.fill} on the background), under ${needed}:1`);
      }
      for (const group of svg.querySelectorAll(':scope > g[aria-label="dot"], :scope > g[aria-label="rule"], :scope > g[aria-label="bar"], :scope > g[aria-label="line"], :scope > g[aria-label="link"]')) {
        const mark = group.getAttribute("aria-label");
        for (const shape of group.querySelectorAll("circle, path, line, rect")) {
          if (!shown(shape)) continue;
          const style = getComputedStyle(shape);
          const stroke = toRgba(style.stroke);
          const fill = toRgba(style.fill);
          // A hollow marker or a line is seen by its stroke; a filled dot or bar by its fill.
          const paint = fill && fill[3] > 0 && mark !== "line" && mark !== "link" && mark !== "rule" ? {color: fill, opacity: Number(style.fillOpacity), css: style.fill} : stroke ? {color: stroke, opacity: Number(style.strokeOpacity), css: style.stroke} : null;
          if (!paint) continue;
          const color = over([paint.color[0], paint.color[1], paint.color[2], paint.color[3] * paint.opacity * opacityOf(shape, svg)], background);
          const measured = ratio(color, background);
          if (measured < 3) {
            problems.push(`${where}: a ${mark} mark is ${measured.toFixed(2)}:1 (${paint.css} at opacity ${(paint.opacity * opacityOf(shape, svg)).toFixed(2)}) against the background, under 3:1`);
            break; // one problem per mark group is enough to say what to fix
          }
        }
      }
    }
  }
  return problems;
}

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
    const text = block.textContent?.replace(/\s+/g, " ").trim();
    if (text) lines.push(text);
  }
  return lines;
}

/** One way of writing each thing across the site: each rule is a pattern no visible text may match, and the fix. */
export const writingRules: {pattern: RegExp; rule: string}[] = [
  {pattern: /\b95% CI\b/, rule: 'write "95% interval", not "95% CI"'},
  {pattern: /(^|[^\d.,–-])(?!19\d\d\b|20\d\d\b)\d{4,}(?![\d–-])/, rule: "write counts with a thousands separator (1,000); only years go without"},
  {pattern: /\b(1,9\d\d|2,0\d\d)\b(?! (troops|polls|respondents|people))/, rule: "write a year without a thousands separator (1949, not 1,949)"},
  {pattern: /(^|[^\d.,])1 (polls|problems|pollsters|rows|members|figures|sources|events|records)\b/, rule: "one of a thing is singular"},
  {pattern: /[+−±]\d+ points?\b/, rule: 'write a change in points with one decimal, as formatPoints does ("+6.0 points")'},
  {pattern: /\([^()]*\([^()]*\)[^()]*\)/, rule: "no parentheses inside parentheses"},
  {pattern: /\b(kcss|iri)-\d{4}-\d{2}\b/, rule: "name a poll by pollster and fieldwork, not by its id"},
  {pattern: /\b(NaN|undefined|Infinity)\b/, rule: "a number that could not be computed is shown as one"}
];
