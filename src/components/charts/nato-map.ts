// A map of NATO: the members in Europe and North America, shaded by whether each recognises Kosovo, Kosovo marked.
// The shapes come projected (src/data/nato-map.json, loaders/geo.ts), so Plot draws them with its identity projection
// in pixels laid out here: Europe large, North America as a second, smaller panel (side by side on a wide screen,
// below Europe on a phone), since a projection holding both would leave Europe a few dozen pixels wide at 320px.
import * as Plot from "@observablehq/plot";
import type {Datasets, MapPanel, MapShape, Member, PlanarPoint} from "../../lib/contracts.js";
import {KOSOVO} from "../../lib/places.js";
import {isNarrow, type ChartSpec} from "../chart.js";
import {notRecognising} from "../facts.js";
import {palette} from "../palette.js";
import {dataText, hasDataText, locale, t} from "../../lib/i18n.js";

const m = (key: string, vars?: Record<string, string | number>) => t(`chart-nato-map.${key}`, vars);
/**
 * A drawn country's name for the reader: the data's translation where it has one (every member, Kosovo), else this
 * chart's own (the neighbours the map draws: "country.Austria"), else as Natural Earth names it, so a shape added to
 * the map never stops it drawing.
 */
function shownName(name: string): string {
  if (hasDataText(name)) return dataText(name);
  try {
    return m(`country.${name}`);
  } catch {
    return name;
  }
}

export type MapStatus = "recognises" | "doesNotRecognise" | "notMember" | "kosovo";

/** The legend's words; the same words as the members chart's legend for the two member statuses. */
export const statusLabels: Record<Exclude<MapStatus, "kosovo">, string> = {
  get recognises() {
    return m("status.recognises");
  },
  get doesNotRecognise() {
    return m("status.not-recognising");
  },
  get notMember() {
    return m("status.not-member");
  }
};

/** Whether a shape is a member's (and which way it goes on Kosovo), Kosovo, or grey context. */
export function shapeStatus(shape: Pick<MapShape, "name" | "country">, members: Member[]): MapStatus {
  if (shape.name === KOSOVO) return "kosovo";
  const member = members.find((m) => m.country === shape.country);
  if (!member) return "notMember";
  return member.recognizesKosovo ? "recognises" : "doesNotRecognise";
}

const FONT_SIZE = 12;
const ROW = 20;
const GAP = 16;
/** An estimate of a label's width (no text measurement in Node): about 0.6 em a character, bold a little wider. */
const textWidth = (text: string, bold = false) => text.length * FONT_SIZE * (bold ? 0.66 : 0.6);

/** A panel placed on the drawing: a map unit (u, v) lands at pixel (x + u × scale, y + v × scale). */
export interface Placement {
  panel: MapPanel;
  title: string;
  x: number;
  y: number;
  scale: number;
}

export interface MapLayout {
  width: number;
  height: number;
  panels: Placement[];
  /** The legend's swatches (their centre); each label starts to the swatch's right. */
  legend: {status: Exclude<MapStatus, "kosovo">; x: number; y: number}[];
}

const europeTitle = () => m("panel.europe");
/** North America's panel title: saying it is at a smaller scale where the panel is wide enough to hold the words. */
const northAmericaTitle = (panelWidth: number) => (textWidth(m("panel.north-america.scale"), true) <= panelWidth ? m("panel.north-america.scale") : m("panel.north-america"));

/** The legend's items in rows as wide as the drawing allows. */
function legendRows(width: number): {items: MapLayout["legend"]; height: number} {
  const items: MapLayout["legend"] = [];
  let [x, y] = [0, ROW / 2];
  for (const status of Object.keys(statusLabels) as Exclude<MapStatus, "kosovo">[]) {
    const itemWidth = 18 + textWidth(statusLabels[status]);
    if (x > 0 && x + itemWidth > width) [x, y] = [0, y + ROW];
    items.push({status, x: x + 6, y});
    x += itemWidth + GAP;
  }
  return {items, height: y + ROW / 2};
}

/**
 * The height of the wide layout's panels, whatever the width: a wide chart keeps one height, so the live chart that
 * replaces the build's 640px drawing in a wider column takes its place without moving the page (test/browser/static.test.ts).
 */
const WIDE_PANEL_HEIGHT = 440;

/**
 * Where everything goes at a width. Phone (isNarrow): Europe the drawing's full width, North America below it at
 * two-thirds. Wider: the two side by side, North America's panel about half Europe's height, Europe as large as the
 * width allows up to WIDE_PANEL_HEIGHT.
 */
export function mapLayout(europe: MapPanel, northAmerica: MapPanel, width: number): MapLayout {
  const legend = legendRows(width);
  const top = legend.height + 8;
  if (isNarrow(width)) {
    const europeScale = width / europe.width;
    const naY = top + ROW + europe.height * europeScale + 8 + ROW;
    const naScale = (width * 2) / 3 / northAmerica.width;
    return {
      width,
      height: Math.ceil(naY + northAmerica.height * naScale),
      panels: [
        {panel: europe, title: europeTitle(), x: 0, y: top + ROW, scale: europeScale},
        {panel: northAmerica, title: northAmericaTitle(width), x: 0, y: naY, scale: naScale}
      ],
      legend: legend.items
    };
  }
  // North America drawn at `ratio` times Europe's scale, so its panel is about half as tall as Europe's.
  const ratio = (0.5 * europe.height) / northAmerica.height;
  const europeScale = Math.min((width - GAP) / (europe.width + ratio * northAmerica.width), WIDE_PANEL_HEIGHT / europe.height);
  const naScale = ratio * europeScale;
  const naWidth = northAmerica.width * naScale;
  return {
    width,
    height: Math.ceil(top + ROW + WIDE_PANEL_HEIGHT),
    panels: [
      {panel: europe, title: europeTitle(), x: naWidth + GAP, y: top + ROW, scale: europeScale},
      {panel: northAmerica, title: northAmericaTitle(naWidth), x: 0, y: top + ROW, scale: naScale}
    ],
    legend: legend.items
  };
}

const place = ({x, y, scale}: Placement, [u, v]: PlanarPoint): PlanarPoint => [x + u * scale, y + v * scale];

/** A published ring (first point, then steps) as a closed GeoJSON ring in the drawing's pixels. */
function decodeRing(placement: Placement, ring: number[]): PlanarPoint[] {
  const points: PlanarPoint[] = [];
  let [u, v] = [0, 0];
  for (let i = 0; i < ring.length; i += 2) {
    [u, v] = i === 0 ? [ring[0], ring[1]] : [u + ring[i], v + ring[i + 1]];
    points.push(place(placement, [u, v]));
  }
  points.push(points[0]);
  return points;
}

interface DrawnShape {
  type: "Feature";
  geometry: {type: "MultiPolygon"; coordinates: PlanarPoint[][][]};
  properties: {name: string; country: string; status: MapStatus; at: PlanarPoint; joined: number | null};
}

function drawnShapes(placement: Placement, members: Member[]): DrawnShape[] {
  return placement.panel.shapes.map((shape) => ({
    type: "Feature",
    // Each ring its own polygon: the path is the same (Plot's identity projection draws rings as they come), and holes
    // keep their opposite winding, which SVG's nonzero fill leaves empty.
    geometry: {type: "MultiPolygon", coordinates: shape.rings.map((ring) => [decodeRing(placement, ring)])},
    properties: {
      name: shape.name === shape.country ? shownName(shape.name) : m("shape", {name: shownName(shape.name), country: shownName(shape.country)}),
      country: shape.country,
      status: shapeStatus(shape, members),
      at: place(placement, shape.label),
      joined: members.find((m) => m.country === shape.country)?.joined ?? null
    }
  }));
}

const fills: Record<MapStatus, string> = {recognises: palette.recognising, doesNotRecognise: palette.notRecognising, notMember: palette.neutral, kosovo: "currentColor"};

/**
 * The second cue besides colour, for colour-blind readers and greyscale print: white stripes over the members that do
 * not recognise Kosovo. A pattern needs a <defs>, which Plot has no mark for: this render function adds one (ids carry
 * the width, since a built page holds a narrow and a wide drawing at once).
 */
const hatchDefs = (id: string) => (_index: number[], _scales: unknown, _values: unknown, _dimensions: unknown, context: {document: Document}) => {
  const svgNs = "http://www.w3.org/2000/svg";
  const defs = context.document.createElementNS(svgNs, "defs");
  const pattern = context.document.createElementNS(svgNs, "pattern");
  for (const [name, value] of Object.entries({id, width: 5, height: 5, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"})) pattern.setAttribute(name, String(value));
  const stripe = context.document.createElementNS(svgNs, "rect");
  for (const [name, value] of Object.entries({x: 0, y: 0, width: 2, height: 5, fill: "white"})) stripe.setAttribute(name, String(value));
  pattern.append(stripe);
  defs.append(pattern);
  return defs as unknown as SVGElement;
};

/** Members of the dataset that have no shape on the map: none, unless the geometry is stale (the loader refuses new gaps). */
export const unmappedMembers = (data: Datasets) => {
  const drawn = new Set([...data.natoMap.europe.shapes, ...data.natoMap.northAmerica.shapes].map((s) => s.name));
  return data.members.filter((m) => !drawn.has(m.country));
};

/** The credit loaders/geo.ts gives the boundaries, said in the page's language. */
const NATURAL_EARTH = "Natural Earth 1:50m (public domain), via the world-atlas package";

const yesNo = (value: boolean) => t(value ? "chart-common.tip.yes" : "chart-common.tip.no");

export const natoMap: ChartSpec = {
  id: "nato-members-map",
  // Not the members chart's title: the two charts share a page, and each data table is a region named by its title.
  title: (data) => m("title", {members: data.members.length, count: notRecognising(data).length}),
  subtitle: (data) => m("subtitle", {boundaries: data.natoMap.boundaries === NATURAL_EARTH ? m("boundaries.natural-earth") : data.natoMap.boundaries}),
  description: (data) =>
    m("description", {
      members: data.members.length,
      countries: notRecognising(data)
        .map((member) => dataText(member.country))
        .join(", ")
    }),
  sourceIds: (data) => data.members.map((m) => m.source.id),
  table: (data) => ({
    columns: [
      {key: "country", label: m("column.country")},
      {key: "recognizesKosovo", label: m("column.recognises")},
      {key: "joined", label: m("column.joined"), year: true}
    ],
    rows: data.members
      .map((member) => ({country: dataText(member.country), recognizesKosovo: t(member.recognizesKosovo ? "chart-common.yes" : "chart-common.no"), joined: member.joined}))
      .sort((a, b) => a.country.localeCompare(b.country, locale() === "en-GB" ? "en" : locale()))
  }),
  plot: (data, {width, document}) => {
    const layout = mapLayout(data.natoMap.europe, data.natoMap.northAmerica, width);
    const shapes = layout.panels.flatMap((placement) => drawnShapes(placement, data.members));
    const europe = layout.panels[0];
    const kosovo = shapes.find((s) => s.properties.status === "kosovo")!.properties.at;
    const callout = place(europe, data.natoMap.kosovoCallout);
    const ringRadius = 8;
    const hatchId = `nato-map-hatch-${Math.round(width)}`;
    const panelFrames = layout.panels.map((p) => {
      const [x0, y0, x1, y1] = [p.x, p.y, p.x + p.panel.width * p.scale, p.y + p.panel.height * p.scale];
      return {type: "Polygon", coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]};
    });
    const legendSwatches = layout.legend.map((item) => ({...item, label: statusLabels[item.status]}));
    const svg = Plot.plot({
      document,
      width: layout.width,
      height: layout.height,
      margin: 0,
      // The shapes are already in this drawing's pixels: the domain's corners are the drawing's, so nothing is rescaled.
      projection: {type: "identity", domain: {type: "MultiPoint", coordinates: [[0, 0], [layout.width, layout.height]]}},
      marks: [
        hatchDefs(hatchId),
        // The sea and the panels' edges: faint, decoration rather than data.
        Plot.geo(panelFrames, {stroke: "currentColor", strokeOpacity: 0.3, fill: "none"}),
        Plot.geo(shapes, {
          fill: (s: DrawnShape) => fills[s.properties.status],
          // Grey context is faint: it says where Europe is without competing with the members.
          fillOpacity: (s: DrawnShape) => (s.properties.status === "notMember" ? 0.35 : 1),
          stroke: "currentColor",
          strokeOpacity: 0.35,
          strokeWidth: 0.5,
          x: (s: DrawnShape) => s.properties.at[0],
          y: (s: DrawnShape) => s.properties.at[1],
          channels: {
            [m("tip.country")]: (s: DrawnShape) => s.properties.name,
            [m("tip.member")]: (s: DrawnShape) => (s.properties.joined === null ? t("chart-common.tip.no") : m("tip.member.since", {joined: String(s.properties.joined)})),
            [m("tip.recognises")]: (s: DrawnShape) => (s.properties.status === "recognises" || s.properties.status === "doesNotRecognise" ? yesNo(s.properties.status === "recognises") : null)
          },
          tip: {format: {x: false, y: false, fill: false, fillOpacity: false}, fontSize: FONT_SIZE}
        }),
        Plot.geo(
          shapes.filter((s) => s.properties.status === "doesNotRecognise"),
          {fill: `url(#${hatchId})`}
        ),
        // Kosovo: filled in the text colour, ringed, and named in the open sea south of Greece, with a leader line.
        Plot.dot([kosovo], {x: ([x]: PlanarPoint) => x, y: ([, y]: PlanarPoint) => y, r: ringRadius, stroke: "currentColor", strokeWidth: 1.5, fill: "none"}),
        Plot.link([{from: kosovo, to: callout}], {
          x1: (d: {from: PlanarPoint}) => d.from[0],
          y1: (d: {from: PlanarPoint}) => d.from[1] + ringRadius,
          x2: (d: {to: PlanarPoint}) => d.to[0],
          y2: (d: {to: PlanarPoint}) => d.to[1] - FONT_SIZE,
          stroke: "currentColor",
          strokeWidth: 1
        }),
        Plot.text([callout], {x: ([x]: PlanarPoint) => x, y: ([, y]: PlanarPoint) => y, text: () => dataText(KOSOVO), fontSize: FONT_SIZE, fontWeight: "bold", fill: "currentColor"}),
        // Panel titles, above each panel.
        Plot.text(layout.panels, {x: (p: Placement) => p.x, y: (p: Placement) => p.y - ROW / 2, text: "title", textAnchor: "start", fontSize: FONT_SIZE, fontWeight: "bold", fill: "currentColor"}),
        // The legend: swatches drawn like the shapes (the stripes too), each label to its right.
        Plot.dot(legendSwatches, {x: "x", y: "y", symbol: "square", r: 6, fill: (d: {status: MapStatus}) => fills[d.status], fillOpacity: (d: {status: MapStatus}) => (d.status === "notMember" ? 0.35 : 1), stroke: "currentColor", strokeOpacity: 0.35}),
        Plot.dot(
          legendSwatches.filter((d) => d.status === "doesNotRecognise"),
          {x: "x", y: "y", symbol: "square", r: 6, fill: `url(#${hatchId})`}
        ),
        Plot.text(legendSwatches, {x: (d: {x: number}) => d.x + 12, y: "y", text: "label", textAnchor: "start", fontSize: FONT_SIZE, fill: "currentColor"})
      ]
    });
    roundShapePaths(svg);
    return svg;
  }
};

/**
 * The shapes' outlines to a tenth of a pixel: Plot writes three decimals, which made the page's two built drawings of
 * the map (wide and narrow) 185 kB of path data; a tenth of a pixel is finer than any screen draws the coastline.
 */
function roundShapePaths(svg: Element): void {
  for (const path of Array.from(svg.querySelectorAll('g[aria-label="geo"] path'))) {
    const d = path.getAttribute("d");
    if (d) path.setAttribute("d", d.replace(/-?\d+\.\d+/g, (value) => String(Math.round(Number(value) * 10) / 10)));
  }
}
