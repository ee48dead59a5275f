// A legibility check for the charts on a page, run in the browser: `await page.evaluate(checkChartLegibility)`.
//
// For every chart SVG on screen (figure.chart svg[role=img] with a box: a built page's hidden narrow or wide drawing is
// skipped) it measures every SVG text (Plot's text marks, axis tick and axis labels; tooltips excluded) and reports:
//   overlap   two texts whose boxes intersect by more than `tolerance` px both ways (a text's own tspans are one box)
//   clipped   a text not wholly inside its SVG's box (Chromium clips an inline SVG at its box)
//   crossed   a mark of another group (rule or link lines, line paths, dots, bars) passing through a text's box
//   contrast  text under 4.5:1 against the chart's background (3:1 for large text: 24px, or 18.66px bold), or a mark
//             under 3:1 (WCAG 1.4.3 and 1.4.11)
// Axes and grids are not marks here, and neither is a mark fainter than `minOpacity` (Plot's grid at 0.1, the troop
// chart's event rules at 0.25): a faint reference line behind text leaves it legible, and it is decoration, not data.
// The HTML swatch legends Plot puts above an SVG are not SVG text and are not checked.
//
// The function is self-contained (its source is sent to the page): no imports, no helpers outside it. Run it with
// runLegibilityCheck(page), which also defines the `__name` helper that esbuild's keepNames (tsx) writes into it.
import type {Page} from "playwright-core";

export interface LegibilityOptions {
  /** Which SVGs to check. */
  selector?: string;
  /** Pixels two boxes may share before they count as overlapping. */
  tolerance?: number;
  /** Marks fainter than this (their opacity times fill- or stroke-opacity) are decoration, not checked. */
  minOpacity?: number;
}

export interface LegibilityProblem {
  /** The chart's figure id, which drawing ("live", or "static 296px"), and its width on screen. */
  chart: string;
  kind: "overlap" | "clipped" | "crossed" | "contrast";
  /** The text concerned (for a mark's contrast, the mark). */
  text: string;
  /** What it collides with, or the measurement. */
  detail: string;
}

export function checkChartLegibility({selector = "figure.chart svg[role=img]", tolerance = 1, minOpacity = 0.5}: LegibilityOptions = {}): LegibilityProblem[] {
  type Box = {left: number; right: number; top: number; bottom: number};
  const problems: LegibilityProblem[] = [];
  const boxOf = (element: Element): Box => {
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  };
  const shared = (a: Box, b: Box) => [Math.min(a.right, b.right) - Math.max(a.left, b.left), Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)];
  const inside = (box: Box, x: number, y: number) => x > box.left && x < box.right && y > box.top && y < box.bottom;
  const words = (element: Element) => {
    const lines = Array.from(element.querySelectorAll("tspan"), (tspan) => tspan.textContent ?? "");
    return (lines.length > 0 ? lines.join(" / ") : (element.textContent ?? "")).trim();
  };
  const groupOf = (element: Element) => element.closest("g[aria-label]")?.getAttribute("aria-label") ?? element.parentElement?.tagName ?? "";
  const isAxis = (element: Element) => /axis|tick|grid|frame/.test(groupOf(element));
  const inTip = (element: Element) => element.closest('g[aria-label="tip"]') !== null;

  // Colours as the browser resolved them (CSS variables, currentColor), composited over the background.
  // Computed colours come as rgb()/rgba(), or color(srgb …) where the theme mixes them (color-mix).
  const parseColor = (value: string): [number, number, number, number] | null => {
    const rgb = /rgba?\(([^)]+)\)/.exec(value);
    const srgb = /color\(srgb ([^)]+)\)/.exec(value);
    if (!rgb && !srgb) return null;
    const parts = (rgb ?? srgb)![1].split(/[\s,/]+/).filter(Boolean).map(Number);
    const scale = srgb ? 255 : 1;
    return [parts[0] * scale, parts[1] * scale, parts[2] * scale, parts.length > 3 ? parts[3] : 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const channel = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a: number[], b: number[]) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
  const over = (color: number[], alpha: number, background: number[]) => [0, 1, 2].map((i) => color[i] * alpha + background[i] * (1 - alpha));
  const backgroundOf = (element: Element): number[] => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const color = parseColor(getComputedStyle(node).backgroundColor);
      if (color && color[3] > 0) return color.slice(0, 3);
    }
    return [255, 255, 255];
  };
  /** The element's opacity times its ancestors'. */
  const opacityOf = (element: Element) => {
    let opacity = 1;
    for (let node: Element | null = element; node && node.tagName.toLowerCase() !== "svg"; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  /** How opaque the element's fill and stroke are, 0 where it has none. */
  const paintOf = (element: Element) => {
    const style = getComputedStyle(element);
    const opacity = opacityOf(element);
    const fill = style.fill === "none" ? null : parseColor(style.fill);
    const stroke = style.stroke === "none" || parseFloat(style.strokeWidth) === 0 ? null : parseColor(style.stroke);
    return {
      fill,
      stroke,
      fillAlpha: fill ? opacity * Number(style.fillOpacity) * fill[3] : 0,
      strokeAlpha: stroke ? opacity * Number(style.strokeOpacity) * stroke[3] : 0
    };
  };

  const svgs = Array.from(document.querySelectorAll<SVGSVGElement>(selector)).filter((svg) => {
    const r = svg.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
  for (const svg of svgs) {
    const figure = svg.closest("figure.chart");
    const drawing = figure?.classList.contains("chart-static") ? `static ${svg.getAttribute("width")}px` : "live";
    const chart = `${figure?.id ?? "chart"} (${drawing}, ${Math.round(svg.getBoundingClientRect().width)}px wide)`;
    const frame = boxOf(svg);
    const background = backgroundOf(svg);
    const texts = Array.from(svg.querySelectorAll("text"))
      .filter((text) => !inTip(text) && words(text) !== "")
      .map((text) => ({element: text, box: boxOf(text), label: `"${words(text)}" (${groupOf(text)})`}))
      .filter(({box}) => box.right - box.left > 0);

    // Overlap and clipping.
    texts.forEach((a, i) => {
      for (const b of texts.slice(i + 1)) {
        const [width, height] = shared(a.box, b.box);
        if (width > tolerance && height > tolerance) problems.push({chart, kind: "overlap", text: a.label, detail: `overlaps ${b.label} by ${width.toFixed(1)}×${height.toFixed(1)}px`});
      }
      const out = [frame.left - a.box.left, a.box.right - frame.right, frame.top - a.box.top, a.box.bottom - frame.bottom];
      if (out.some((px) => px > 0.5)) problems.push({chart, kind: "clipped", text: a.label, detail: `runs ${Math.max(...out).toFixed(1)}px past the drawing's edge`});
    });

    // Text contrast: 4.5:1, or 3:1 for large text.
    for (const {element, label} of texts) {
      const {fill, fillAlpha} = paintOf(element);
      if (!fill) continue;
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const measured = ratio(over(fill, fillAlpha, background), background);
      if (measured < (large ? 3 : 4.5)) problems.push({chart, kind: "contrast", text: label, detail: `${measured.toFixed(2)}:1 against the background (needs ${large ? 3 : 4.5}:1), fill ${style.fill}`});
    }

    // Marks: what crosses a text, and each mark's own contrast.
    const marks = Array.from(svg.querySelectorAll("line, path, circle, rect, polyline, polygon")).filter((mark) => !isAxis(mark) && !inTip(mark) && !mark.closest("text, defs, clipPath"));
    for (const mark of marks) {
      const paint = paintOf(mark);
      if (Math.max(mark.tagName.toLowerCase() === "line" ? 0 : paint.fillAlpha, paint.strokeAlpha) < minOpacity) continue;
      const name = `${groupOf(mark)} ${mark.tagName.toLowerCase()}`;
      // A line has no inside (its computed fill, black by default, paints nothing); a filled shape covers its whole box.
      const solid = mark.tagName.toLowerCase() !== "line" && paint.fill !== null && paint.fillAlpha >= minOpacity;
      const color = solid ? over(paint.fill!, paint.fillAlpha, background) : over(paint.stroke!, paint.strokeAlpha, background);
      const markContrast = ratio(color, background);
      if (markContrast < 3) problems.push({chart, kind: "contrast", text: name, detail: `mark at ${markContrast.toFixed(2)}:1 against the background (needs 3:1)`});

      // Points along the mark, in the page's coordinates: its outline or stroke every 2px, or its whole box when filled.
      const markBox = boxOf(mark);
      const geometry = mark as SVGGeometryElement;
      const matrix = geometry.getScreenCTM();
      let points: [number, number][] = [];
      if (!solid && matrix && typeof geometry.getTotalLength === "function") {
        const length = geometry.getTotalLength();
        for (let at = 0; at <= length; at += 2) {
          const p = geometry.getPointAtLength(at).matrixTransform(matrix);
          points.push([p.x, p.y]);
        }
      }
      for (const text of texts) {
        const box = {left: text.box.left + tolerance, right: text.box.right - tolerance, top: text.box.top + tolerance, bottom: text.box.bottom - tolerance};
        const [width, height] = shared(box, markBox);
        if (width < 0 || height < 0 || (solid && (width === 0 || height === 0))) continue;
        if (solid ? true : points.some(([x, y]) => inside(box, x, y))) problems.push({chart, kind: "crossed", text: text.label, detail: `crossed by a ${name}`});
      }
      points = [];
    }
  }
  return problems;
}

/** Runs checkChartLegibility in the page and returns what it found. */
export function runLegibilityCheck(page: Page, options: LegibilityOptions = {}): Promise<LegibilityProblem[]> {
  return page.evaluate(`(() => { const __name = (target) => target; return (${checkChartLegibility.toString()})(${JSON.stringify(options)}); })()`) as Promise<LegibilityProblem[]>;
}

/** Problems as lines a failing test can print: one per problem, grouped by chart. */
export function describeProblems(problems: LegibilityProblem[]): string {
  return problems.map((p) => `${p.chart}: ${p.kind}: ${p.text} ${p.detail}`).join("\n");
}
