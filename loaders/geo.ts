// The NATO map's geometry (src/data/nato-map.json), built from Natural Earth's 1:50m countries as the world-atlas npm
// package ships them: read from node_modules, never fetched. Projected here, at build time, into two panels of planar
// coordinates (Europe, and North America at a smaller scale), each clipped to a fixed box, rounded to whole units and
// stripped of islands too small to see. Why planar and not TopoJSON: the page then needs no decoder and no projection
// maths (Plot draws the shapes with its identity projection), and the shapes a reader never sees (the rest of the
// world, French Guiana, Svalbard, the Canaries, Hawaii) are not shipped at all. Every page loads the datasets, so the
// file is kept small: 35 kB raw, 11.9 kB gzip (test/loaders/geo.test.ts holds it under 12 kB gzip).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {geoAzimuthalEqualArea, geoConicEqualArea, geoStream, type GeoProjection, type GeoStream} from "d3-geo";
import type {Feature, GeometryObject} from "geojson";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import type {MapPanel, MapShape, NatoMap, PlanarPoint} from "../src/lib/contracts.ts";
import {KOSOVO} from "../src/lib/places.ts";
import type {Tables} from "./dataset.ts";

/** Members whose name in data/members.csv differs from Natural Earth's. A new member spelt differently needs a line here. */
export const ATLAS_NAMES: Record<string, string> = {
  "Türkiye": "Turkey",
  "North Macedonia": "Macedonia",
  "United States": "United States of America"
};

/**
 * Territories Natural Earth draws apart from the member they belong to, shaded as that member (they are part of it,
 * and inside the alliance: Greenland and the Faroes are Denmark's, Åland is Finland's; the Crown Dependencies' defence
 * is the United Kingdom's).
 */
export const PARTS_OF_MEMBERS: Record<string, string> = {
  Greenland: "Denmark",
  "Faeroe Is.": "Denmark",
  Aland: "Finland",
  "Isle of Man": "United Kingdom",
  Jersey: "United Kingdom",
  Guernsey: "United Kingdom"
};

/** Natural Earth's abbreviations, spelt out for the tooltips of the grey countries. */
const READER_NAMES: Record<string, string> = {
  "Bosnia and Herz.": "Bosnia and Herzegovina",
  "N. Cyprus": "Northern Cyprus",
  "W. Sahara": "Western Sahara",
  Aland: "Åland",
  "Faeroe Is.": "Faroe Islands",
  "St. Pierre and Miquelon": "Saint Pierre and Miquelon",
  "Dominican Rep.": "Dominican Republic",
  "Turks and Caicos Is.": "Turks and Caicos Islands",
  "Cayman Is.": "Cayman Islands",
  "Antigua and Barb.": "Antigua and Barbuda",
  "St. Kitts and Nevis": "Saint Kitts and Nevis",
  "U.S. Virgin Is.": "US Virgin Islands",
  "British Virgin Is.": "British Virgin Islands"
};

/** Thrown when a member of data/members.csv cannot be drawn, so a new member cannot silently vanish from the map. */
export class MissingShapeError extends Error {
  override name = "MissingShapeError";
}

interface PanelFrame {
  id: MapPanel["id"];
  projection: () => GeoProjection;
  /** Geographic points the panel's box must hold (longitude, latitude), e.g. a member's farthest cape. */
  extent: PlanarPoint[];
  /** The box's width in map units: whole units are about a pixel at the panel's widest drawing. */
  width: number;
  /** How far, in degrees of latitude, a simplified border may stray from Natural Earth's: about a map unit. */
  tolerance: number;
}

/**
 * Europe in a Lambert azimuthal equal-area projection centred on 10°E 52°N (the European Union's own, EPSG:3035),
 * boxed from Iceland's west coast to Türkiye's east and from the North Cape to the Libyan coast (the open sea south of
 * Greece is where Kosovo's label goes). North America in an Albers conic, from the Aleutians to Newfoundland and from
 * Florida's keys to Ellesmere Island.
 */
const PANELS: PanelFrame[] = [
  {id: "europe", projection: () => geoAzimuthalEqualArea().rotate([-10, -52]), extent: [[-24.8, 65.2], [-10.5, 51.5], [-9.8, 38.7], [45.2, 40.5], [44.5, 37.0], [26, 71.5], [20, 31.2]], width: 1000, tolerance: 0.06},
  {id: "northAmerica", projection: () => geoConicEqualArea().parallels([50, 70]).rotate([100, 0]), extent: [[-168, 65.5], [-140, 59.5], [-124.7, 48.4], [-80.2, 25.0], [-97.3, 25.8], [-52.6, 47.5], [-70, 83.1], [-122, 76.5]], width: 640, tolerance: 0.15}
];

/** Where "Kosovo" is written: the open sea south of Greece, clear of every member's shape (see the Europe panel's extent). */
const KOSOVO_CALLOUT: PlanarPoint = [21.5, 33.4];

/** Islands and slivers under this many square units (about 150 km² in Europe) are dropped: under a pixel on any screen. */
const MIN_RING_AREA = 6;

/** Room around the extent's points, in map units. */
const PADDING = 8;

let atlas: Topology | undefined;
function loadAtlas(): Topology {
  atlas ??= JSON.parse(readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-50m.json"), "utf8")) as Topology;
  return atlas;
}


/**
 * Douglas–Peucker on one arc of lon/lat points, distances measured with longitude shrunk by the cosine of latitude (so
 * a degree counts the same east–west as north–south). Simplifying the topology's arcs, not each country's rings, keeps
 * a border shared by two countries the same line for both: no gaps or overlaps between neighbours.
 */
export function simplifyArc(points: number[][], tolerance: number): number[][] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const k = Math.cos((((points[first][1] + points[last][1]) / 2) * Math.PI) / 180);
    const [ax, ay, bx, by] = [points[first][0] * k, points[first][1], points[last][0] * k, points[last][1]];
    const [dx, dy] = [bx - ax, by - ay];
    const length = Math.hypot(dx, dy);
    let [farthest, distance] = [-1, tolerance];
    for (let i = first + 1; i < last; i++) {
      const [px, py] = [points[i][0] * k, points[i][1]];
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** The atlas's arcs decoded (quantized, delta-encoded) to lon/lat and simplified: a topology without a transform. */
function simplifiedTopology(topology: Topology, tolerance: number): Topology {
  const {scale, translate} = topology.transform!;
  const arcs = topology.arcs.map((arc) => {
    let [x, y] = [0, 0];
    const points = arc.map(([dx, dy]) => {
      [x, y] = [x + dx, y + dy];
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
    return simplifyArc(points, tolerance) as [number, number][];
  });
  return {...topology, transform: undefined, arcs};
}

/** Simplified once per tolerance: buildDatasets runs many times in one test run or export. */
const featuresByTolerance = new Map<number, Feature<GeometryObject, {name: string}>[]>();
function atlasFeatures(tolerance: number): Feature<GeometryObject, {name: string}>[] {
  let features = featuresByTolerance.get(tolerance);
  if (!features) {
    const topology = simplifiedTopology(loadAtlas(), tolerance);
    features = feature(topology, topology.objects.countries as GeometryCollection<{name: string}>).features as Feature<GeometryObject, {name: string}>[];
    featuresByTolerance.set(tolerance, features);
  }
  return features;
}

/** The projection scaled so the extent spans `width` units, with its box's top-left corner at 0,0. */
function fitPanel(frame: PanelFrame): {projection: GeoProjection; height: number} {
  const projection = frame.projection().scale(1).translate([0, 0]);
  const projected = frame.extent.map((point) => projection(point)!);
  const [x0, x1] = [Math.min(...projected.map(([x]) => x)), Math.max(...projected.map(([x]) => x))];
  const [y0, y1] = [Math.min(...projected.map(([, y]) => y)), Math.max(...projected.map(([, y]) => y))];
  const scale = (frame.width - 2 * PADDING) / (x1 - x0);
  const height = Math.round((y1 - y0) * scale + 2 * PADDING);
  projection
    .scale(scale)
    .translate([PADDING - x0 * scale, PADDING - y0 * scale])
    .clipExtent([
      [0, 0],
      [frame.width, height]
    ])
    .precision(1);
  return {projection, height};
}

const ringArea = (ring: number[]) => {
  let area = 0;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) area += ring[j] * ring[i + 1] - ring[i] * ring[j + 1];
  return area / 2;
};

/** The centroid of a ring given as x0, y0, x1, y1 …: where a shape's tooltip points. */
function ringCentroid(ring: number[]): PlanarPoint {
  let [x, y, twiceArea] = [0, 0, 0];
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const cross = ring[j] * ring[i + 1] - ring[i] * ring[j + 1];
    twiceArea += cross;
    x += (ring[j] + ring[i]) * cross;
    y += (ring[j + 1] + ring[i + 1]) * cross;
  }
  return [Math.round(x / (3 * twiceArea)), Math.round(y / (3 * twiceArea))];
}

/**
 * A geometry as the projection draws it inside its box: rings of whole units, flat (x0, y0, x1, y1 …), not closed
 * (the chart closes them), without repeated points or rings too small to see. Rounding every shared border point the
 * same way keeps neighbours' borders identical, so no gaps open between countries.
 */
function planarRings(projection: GeoProjection, geometry: GeometryObject): number[][] {
  const rings: number[][] = [];
  let ring: number[] = [];
  const sink: GeoStream = {
    point(x, y) {
      const [px, py] = [Math.round(x), Math.round(y)];
      if (ring.length > 0 && ring[ring.length - 2] === px && ring[ring.length - 1] === py) return;
      ring.push(px, py);
    },
    lineStart() {
      ring = [];
    },
    lineEnd() {
      if (ring.length >= 4 && ring[0] === ring[ring.length - 2] && ring[1] === ring[ring.length - 1]) ring.length -= 2;
      if (ring.length >= 6 && Math.abs(ringArea(ring)) >= MIN_RING_AREA) rings.push(ring);
    },
    polygonStart() {},
    polygonEnd() {},
    sphere() {}
  };
  geoStream(geometry, projection.stream(sink));
  return rings;
}

/** The name a shape goes by on the map: a member's as data/members.csv spells it, otherwise a reader's spelling of the atlas's. */
function shapeNames(atlasName: string, memberByAtlasName: Map<string, string>): {name: string; country: string} {
  const member = memberByAtlasName.get(atlasName);
  if (member) return {name: member, country: member};
  const name = READER_NAMES[atlasName] ?? atlasName;
  return {name, country: PARTS_OF_MEMBERS[atlasName] ?? name};
}

/** A ring as published: its first point, then the step to each next point (x0, y0, dx1, dy1 …), which compresses to a third. */
function deltaEncode(ring: number[]): number[] {
  return ring.map((value, i) => (i < 2 ? value : value - ring[i - 2]));
}

function buildPanel(frame: PanelFrame, memberByAtlasName: Map<string, string>): MapPanel {
  const {projection, height} = fitPanel(frame);
  const shapes: MapShape[] = [];
  for (const f of atlasFeatures(frame.tolerance)) {
    if (!f.geometry) continue;
    const rings = planarRings(projection, f.geometry);
    if (rings.length === 0) continue;
    const largest = rings.reduce((a, b) => (Math.abs(ringArea(b)) > Math.abs(ringArea(a)) ? b : a));
    shapes.push({...shapeNames(f.properties.name, memberByAtlasName), label: ringCentroid(largest), rings: rings.map(deltaEncode)});
  }
  // Drawn in a fixed order (by name), so two builds write the same bytes whatever the atlas's order.
  shapes.sort((a, b) => a.name.localeCompare(b.name, "en"));
  return {id: frame.id, width: frame.width, height, shapes};
}

/**
 * The map dataset: each panel's shapes (members under their data/members.csv names), and where Kosovo's label goes.
 * Throws MissingShapeError naming every member of data/members.csv that has no shape in the atlas, or none inside
 * either panel's box.
 */
export function buildNatoMap({members}: Pick<Tables, "members">): NatoMap {
  const memberByAtlasName = new Map(members.map((m) => [ATLAS_NAMES[m.country] ?? m.country, m.country]));
  const countries = loadAtlas().objects.countries as GeometryCollection<{name: string}>;
  const atlasNames = new Set(countries.geometries.map((g) => (g.properties as {name: string} | undefined)?.name));
  const unknown = members.filter((m) => !atlasNames.has(ATLAS_NAMES[m.country] ?? m.country)).map((m) => m.country);
  if (unknown.length > 0) {
    throw new MissingShapeError(
      `No shape for NATO member${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} in Natural Earth's countries (world-atlas/countries-50m.json): ` +
        `add the atlas's spelling to ATLAS_NAMES in loaders/geo.ts.`
    );
  }
  const [europe, northAmerica] = PANELS.map((frame) => buildPanel(frame, memberByAtlasName));
  const drawn = new Set([...europe.shapes, ...northAmerica.shapes].map((shape) => shape.name));
  const outside = members.filter((m) => !drawn.has(m.country)).map((m) => m.country);
  if (outside.length > 0) {
    throw new MissingShapeError(`NATO member${outside.length > 1 ? "s" : ""} ${outside.join(", ")} lie${outside.length > 1 ? "" : "s"} outside the map's two panels: widen a panel's extent in loaders/geo.ts.`);
  }
  if (!drawn.has(KOSOVO)) throw new MissingShapeError(`Kosovo has no shape in the Europe panel (loaders/geo.ts)`);
  const europeFrame = fitPanel(PANELS[0]);
  const [cx, cy] = europeFrame.projection(KOSOVO_CALLOUT)!;
  return {boundaries: "Natural Earth 1:50m (public domain), via the world-atlas package", kosovoCallout: [Math.round(cx), Math.round(cy)], europe, northAmerica};
}
