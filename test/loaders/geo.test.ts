// The NATO map's geometry (loaders/geo.ts → src/data/nato-map.json): every member drawn, Kosovo present, a clear
// failure when a member has no shape, the frame held to Europe and North America, and the file kept small.
import {gzipSync} from "node:zlib";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildNatoMap, MissingShapeError, simplifyArc} from "../../loaders/geo.ts";
import {natoMapSchema, type MapPanel} from "../../src/lib/contracts.ts";
import {KOSOVO} from "../../src/lib/places.ts";
import {dataCopy, replaceCell, runTsx} from "../helpers.ts";

/** What the published file may weigh, gzip, since every page fetches it with the other datasets (src/components/load.ts). */
const GZIP_BUDGET_BYTES = 12 * 1024;

const tables = loadTables();
const map = buildNatoMap(tables);
const shapeNames = (panel: MapPanel) => panel.shapes.map((shape) => shape.name);

/** A shape's rings decoded to whole map-unit points (each ring is its first point, then steps). */
const points = (rings: number[][]) =>
  rings.flatMap((ring) => {
    const out: [number, number][] = [];
    for (let i = 0; i < ring.length; i += 2) out.push(i === 0 ? [ring[0], ring[1]] : [out[out.length - 1][0] + ring[i], out[out.length - 1][1] + ring[i + 1]]);
    return out;
  });

describe("the map dataset", () => {
  it("matches its contract", () => {
    expect(() => natoMapSchema.strict().parse(map)).not.toThrow();
  });

  it("draws every member of data/members.csv under its own name, each in one panel: the two in North America there", () => {
    const europe = new Set(shapeNames(map.europe));
    const northAmerica = new Set(shapeNames(map.northAmerica));
    for (const member of tables.members) expect(europe.has(member.country) || northAmerica.has(member.country), member.country).toBe(true);
    expect(tables.members.filter((m) => !europe.has(m.country)).map((m) => m.country)).toEqual(["Canada", "United States"]);
    // The names that differ in Natural Earth ("Turkey", "Macedonia") are published as data/members.csv spells them.
    expect(europe.has("Türkiye") && europe.has("North Macedonia") && !europe.has("Turkey") && !europe.has("Macedonia")).toBe(true);
  });

  it("has Kosovo in the Europe panel, its label in open sea to the south, clear of every member's shape", () => {
    const kosovo = map.europe.shapes.find((shape) => shape.name === KOSOVO);
    expect(kosovo).toBeDefined();
    const [x, y] = map.kosovoCallout;
    expect(y).toBeGreaterThan(kosovo!.label[1]);
    const members = new Set(tables.members.map((m) => m.country));
    for (const shape of map.europe.shapes.filter((s) => members.has(s.country))) {
      const ps = points(shape.rings);
      const [minX, maxX, minY, maxY] = [Math.min(...ps.map((p) => p[0])), Math.max(...ps.map((p) => p[0])), Math.min(...ps.map((p) => p[1])), Math.max(...ps.map((p) => p[1]))];
      // "Kosovo" at 12px is about 50 by 14 px; at the widest drawing a map unit is under a pixel.
      const clear = x + 30 < minX || x - 30 > maxX || y + 10 < minY || y - 10 > maxY;
      expect(clear, `the callout lies inside ${shape.name}'s bounds`).toBe(true);
    }
  });

  it("keeps every shape inside its panel's box: overseas parts are clipped, not allowed to stretch the frame", () => {
    for (const panel of [map.europe, map.northAmerica]) {
      for (const shape of panel.shapes) {
        for (const [x, y] of points(shape.rings)) {
          expect(x >= 0 && x <= panel.width && y >= 0 && y <= panel.height, `${panel.id}: ${shape.name} at ${x},${y}`).toBe(true);
        }
      }
    }
    // The Europe box runs from Iceland to Türkiye, not to French Guiana or Svalbard: wider than tall, but not by much.
    expect(map.europe.width / map.europe.height).toBeGreaterThan(0.9);
    expect(map.europe.width / map.europe.height).toBeLessThan(1.3);
    // France is drawn with Corsica but without French Guiana: every ring of it lies in the box's middle band.
    const france = map.europe.shapes.find((shape) => shape.name === "France")!;
    for (const [x, y] of points(france.rings)) expect(x > 100 && x < 600 && y > 300 && y < 800, `France at ${x},${y}`).toBe(true);
  });

  it("shades Greenland as Denmark's, and names the grey countries in full", () => {
    const greenland = map.northAmerica.shapes.find((shape) => shape.name === "Greenland");
    expect(greenland?.country).toBe("Denmark");
    expect(shapeNames(map.europe)).toContain("Bosnia and Herzegovina");
    expect(shapeNames(map.europe)).not.toContain("Bosnia and Herz.");
    expect(map.europe.shapes.find((shape) => shape.name === "Serbia")?.country).toBe("Serbia");
  });

  it(`stays under ${GZIP_BUDGET_BYTES / 1024} kB gzip`, () => {
    const json = JSON.stringify(map);
    expect(gzipSync(json).length).toBeLessThan(GZIP_BUDGET_BYTES);
    // Raw, too: the budget is about what every page downloads, and a decoder must not have to wade through megabytes.
    expect(json.length).toBeLessThan(60 * 1024);
  });

  it("is the same, byte for byte, on a second build", () => {
    expect(JSON.stringify(buildNatoMap(tables))).toBe(JSON.stringify(map));
  });
});

describe("a member without a shape fails the build, naming it", () => {
  it("a member the atlas does not know", () => {
    const members = [...tables.members, {country: "Atlantis", joined: 2030, recognizesKosovo: true, source: "nato-members-public-record"}];
    expect(() => buildNatoMap({members})).toThrow(MissingShapeError);
    expect(() => buildNatoMap({members})).toThrow(/No shape for NATO member Atlantis .*ATLAS_NAMES in loaders\/geo\.ts/);
  });

  it("a member outside both panels", () => {
    const members = [...tables.members, {country: "Australia", joined: 2030, recognizesKosovo: true, source: "nato-members-public-record"}];
    expect(() => buildNatoMap({members})).toThrow(/NATO member Australia lies outside the map's two panels/);
  });

  it("through the data loader, as the build runs it: exit 1 and the message", () => {
    const dir = dataCopy({"members.csv": replaceCell(32, "country", "Nowhereland")});
    const {status, stderr, stdout} = runTsx("src/data/nato-map.json.ts", {DATA_DIR: dir});
    expect(status).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/No shape for NATO member Nowhereland/);
  });

  it("the loader prints the map when the data are valid", () => {
    const {status, stdout} = runTsx("src/data/nato-map.json.ts");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(map);
  });
});

describe("simplifyArc", () => {
  it("keeps the ends and any point farther than the tolerance, drops the rest", () => {
    const arc = [
      [0, 0],
      [1, 0.001],
      [2, 0],
      [3, 1],
      [4, 0]
    ];
    expect(simplifyArc(arc, 0.01)).toEqual([
      [0, 0],
      [2, 0],
      [3, 1],
      [4, 0]
    ]);
    expect(simplifyArc(arc, 2)).toEqual([
      [0, 0],
      [4, 0]
    ]);
  });
});
