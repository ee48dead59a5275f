// Label placement for charts drawn where text cannot be measured (linkedom at build time): estimated boxes in the
// drawing's pixels, and the first side of each marker where a label covers nothing else.

/** Plot's text at 10px, 1.2em a line. */
export const LABEL_LINE_HEIGHT = 12;

/** A box in the drawing's pixels. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Where a label may go around its marker, in order of preference, as Plot's dx, dy and textAnchor. */
export const labelSides = [
  {side: "right", dx: 8, dy: 0, textAnchor: "start"},
  {side: "below", dx: 0, dy: 14, textAnchor: "middle"},
  {side: "left", dx: -8, dy: 0, textAnchor: "end"},
  {side: "above", dx: 0, dy: -14, textAnchor: "middle"}
] as const;
export type LabelSide = (typeof labelSides)[number];

/**
 * Average advance of a 10px label, generous: DejaVu Sans (Linux's system-ui, among the widest) runs 6.4px a digit;
 * there is no text measurement where the build draws the chart (linkedom), so the layout estimates.
 */
export const LABEL_CHAR_WIDTH = 6.4;

/** The box a label's text covers on a side of its marker at (x, y). */
export function labelBox(text: string, x: number, y: number, {dx, dy, textAnchor}: LabelSide): Box {
  const lines = text.split("\n");
  const width = Math.max(...lines.map((line) => line.length)) * LABEL_CHAR_WIDTH;
  const height = lines.length * LABEL_LINE_HEIGHT;
  const left = textAnchor === "start" ? x + dx : textAnchor === "end" ? x + dx - width : x + dx - width / 2;
  return {left, right: left + width, top: y + dy - height / 2, bottom: y + dy + height / 2};
}

/** Whether a segment from (x1, y1) to (x2, y2) passes through a box: sampled every 2px, ample at these sizes. */
export function segmentCrosses(box: Box, [x1, y1, x2, y2]: readonly [number, number, number, number]): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 2));
  for (let i = 0; i <= steps; i++) {
    const [x, y] = [x1 + ((x2 - x1) * i) / steps, y1 + ((y2 - y1) * i) / steps];
    if (x > box.left && x < box.right && y > box.top && y < box.bottom) return true;
  }
  return false;
}

/**
 * Each label on the first side of its marker (right, below, left, above) where it covers no marker, no segment of the
 * line or other solid rule, no label placed before it, and stays inside the drawing; a label with no such side is left
 * out (its tooltip still gives the figure).
 */
export function placeLabels<T>(
  items: {item: T; text: string; x: number; y: number}[],
  obstacles: {boxes: Box[]; segments: (readonly [number, number, number, number])[]; bounds: Box}
): {item: T; text: string; side: LabelSide}[] {
  const taken = [...obstacles.boxes];
  const placed: {item: T; text: string; side: LabelSide}[] = [];
  for (const {item, text, x, y} of items) {
    const side = labelSides.find((candidate) => {
      const box = labelBox(text, x, y, candidate);
      const inside = box.left >= obstacles.bounds.left && box.right <= obstacles.bounds.right && box.top >= obstacles.bounds.top && box.bottom <= obstacles.bounds.bottom;
      return inside && !taken.some((other) => overlaps(box, other)) && !obstacles.segments.some((segment) => segmentCrosses(box, segment));
    });
    if (!side) continue;
    taken.push(labelBox(text, x, y, side));
    placed.push({item, text, side});
  }
  return placed;
}
