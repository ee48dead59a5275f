// The NATO map (src/components/charts/nato-map.ts) rendered in Node with linkedom, as the build and the export draw it.
import {parseHTML} from "linkedom";
import {describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {renderPlot} from "../../src/components/figure.ts";
import {chartById} from "../../src/components/registry.ts";
import {mapLayout, natoMap, shapeStatus, statusLabels} from "../../src/components/charts/nato-map.ts";
import {palette} from "../../src/components/palette.ts";
import {NARROW_CHART_WIDTH} from "../../src/components/chart.ts";
import type {Datasets} from "../../src/lib/contracts.ts";

const {document} = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;
const data = buildDatasets(loadTables());

const draw = (width: number, datasets: Datasets = data) => renderPlot(chartById("nato-members-map"), datasets, {width, document: doc}) as SVGSVGElement;
const groups = (svg: Element, label: string) => [...svg.querySelectorAll(`g[aria-label="${label}"]`)];
/** The shapes in the order the chart draws them: Europe's, then North America's. */
const drawnOrder = (datasets: Datasets = data) => [...datasets.natoMap.europe.shapes, ...datasets.natoMap.northAmerica.shapes];
const expectedFill = {recognises: palette.recognising, doesNotRecognise: palette.notRecognising, notMember: palette.neutral, kosovo: "currentColor"};

describe("the NATO map", () => {
  it("is registered, with a title computed from the data", () => {
    expect(chartById("nato-members-map")).toBe(natoMap);
    expect(natoMap.title(data)).toBe("NATO's 32 members on the map: 4 do not recognise Kosovo");
    expect(natoMap.title(data)).not.toBe(chartById("nato-members-recognition-of-kosovo").title(data));
    const oneMore = {...data, members: data.members.map((m) => (m.country === "Portugal" ? {...m, recognizesKosovo: false} : m))};
    expect(natoMap.title(oneMore)).toBe("NATO's 32 members on the map: 5 do not recognise Kosovo");
  });

  for (const width of [320, 1280]) {
    it(`at ${width}px draws every member, in the colour of its status`, () => {
      const svg = draw(width);
      expect(Number(svg.getAttribute("width"))).toBe(width);
      // The geo marks: the panels' frames, the shapes, the stripes over the non-recognising members.
      const [, shapesGroup, stripes] = groups(svg, "geo");
      const paths = [...shapesGroup.querySelectorAll("path")];
      const order = drawnOrder();
      expect(paths).toHaveLength(order.length);
      for (const member of data.members) {
        const index = order.findIndex((shape) => shape.name === member.country);
        expect(index, member.country).toBeGreaterThanOrEqual(0);
        expect(paths[index].getAttribute("d")?.length, member.country).toBeGreaterThan(10);
        expect(paths[index].getAttribute("fill"), member.country).toBe(member.recognizesKosovo ? palette.recognising : palette.notRecognising);
      }
      for (const [i, shape] of order.entries()) expect(paths[i].getAttribute("fill"), shape.name).toBe(expectedFill[shapeStatus(shape, data.members)]);
      // The second cue: one striped overlay per non-recognising member's shape.
      const striped = [...stripes.querySelectorAll("path")];
      expect(striped).toHaveLength(data.members.filter((m) => !m.recognizesKosovo).length);
      // A fill the same for every path of a mark, Plot sets on the mark's group.
      expect(stripes.getAttribute("fill")).toMatch(/^url\(#nato-map-hatch-\d+\)$/);
      const patternId = stripes.getAttribute("fill")!.slice(5, -1);
      expect(svg.querySelector(`pattern#${patternId}`)).not.toBeNull();
    });

    it(`at ${width}px marks Kosovo: filled, ringed and labelled`, () => {
      const svg = draw(width);
      const order = drawnOrder();
      const kosovoPath = [...groups(svg, "geo")[1].querySelectorAll("path")][order.findIndex((shape) => shape.name === "Kosovo")];
      expect(kosovoPath.getAttribute("fill")).toBe("currentColor");
      const texts = groups(svg, "text").flatMap((g) => [...g.querySelectorAll("text")].map((t) => t.textContent));
      expect(texts).toContain("Kosovo");
      expect(texts).toEqual(expect.arrayContaining(Object.values(statusLabels)));
      const ring = groups(svg, "dot")[0];
      expect(ring.querySelectorAll("circle")).toHaveLength(1);
      expect(ring.getAttribute("fill")).toBe("none");
      expect(ring.getAttribute("stroke")).toBe("currentColor");
      expect(groups(svg, "link")[0].querySelectorAll("line, path")).toHaveLength(1);
    });
  }

  it("changes a member's shade when its recognition changes", () => {
    const changed = {...data, members: data.members.map((m) => (m.country === "Spain" ? {...m, recognizesKosovo: true} : m))};
    const paths = [...groups(draw(640, changed), "geo")[1].querySelectorAll("path")];
    expect(paths[drawnOrder(changed).findIndex((shape) => shape.name === "Spain")].getAttribute("fill")).toBe(palette.recognising);
    expect(groups(draw(640, changed), "geo")[2].querySelectorAll("path")).toHaveLength(3);
  });

  it("shades a member's territory as the member: Greenland as Denmark", () => {
    expect(shapeStatus({name: "Greenland", country: "Denmark"}, data.members)).toBe("recognises");
    expect(shapeStatus({name: "Serbia", country: "Serbia"}, data.members)).toBe("notMember");
    expect(shapeStatus({name: "Kosovo", country: "Kosovo"}, data.members)).toBe("kosovo");
  });

  it("keeps Europe legible on a phone: the full width, North America below; side by side on a wide screen", () => {
    const {europe, northAmerica} = data.natoMap;
    const phone = mapLayout(europe, northAmerica, 296);
    expect(europe.width * phone.panels[0].scale).toBeCloseTo(296, 5);
    expect(phone.panels[1].y).toBeGreaterThan(phone.panels[0].y + europe.height * phone.panels[0].scale);
    const wide = mapLayout(europe, northAmerica, 700);
    expect(wide.panels[0].x).toBeGreaterThan(wide.panels[1].x + northAmerica.width * wide.panels[1].scale);
    expect(wide.panels[0].y).toBe(wide.panels[1].y);
    // Both layouts fit their width, and the switch is where every chart takes its phone layout.
    for (const layout of [phone, wide, mapLayout(europe, northAmerica, NARROW_CHART_WIDTH - 1), mapLayout(europe, northAmerica, NARROW_CHART_WIDTH)]) {
      for (const p of layout.panels) expect(p.x + p.panel.width * p.scale).toBeLessThanOrEqual(layout.width + 1e-9);
    }
    expect(mapLayout(europe, northAmerica, NARROW_CHART_WIDTH - 1).panels[1].x).toBe(0);
    expect(mapLayout(europe, northAmerica, NARROW_CHART_WIDTH).panels[1].x).toBe(0);
    expect(mapLayout(europe, northAmerica, NARROW_CHART_WIDTH).panels[0].x).toBeGreaterThan(0);
    // A wide chart keeps one height, so the live chart replaces the build's 640px drawing without moving the page.
    const heights = [NARROW_CHART_WIDTH, 640, 704, 1200].map((width) => mapLayout(europe, northAmerica, width).height);
    expect(new Set(heights).size).toBe(1);
    for (const width of [NARROW_CHART_WIDTH, 640, 1200]) {
      const layout = mapLayout(europe, northAmerica, width);
      for (const p of layout.panels) expect(p.y + p.panel.height * p.scale).toBeLessThanOrEqual(layout.height + 1e-9);
    }
  });

  it("lists every member in its table, with whether it recognises Kosovo, and names the four in its description", () => {
    const table = natoMap.table(data);
    expect(table.columns.map((c) => c.label)).toEqual(["Country", "Recognises Kosovo", "Joined NATO"]);
    expect(table.rows).toHaveLength(data.members.length);
    expect(table.rows.filter((row) => row.recognizesKosovo === "no").map((row) => row.country)).toEqual(["Greece", "Romania", "Slovakia", "Spain"]);
    expect(natoMap.description(data)).toMatch(/Greece, Spain, Romania, Slovakia\./);
  });
});
