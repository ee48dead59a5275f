// The Export menu as built into every chart figure, in linkedom: structure, names, open and close, and the files it offers.
import {parseHTML} from "linkedom";
import {beforeAll, describe, expect, it} from "vitest";
import {buildDatasets} from "../../loaders/datasets.ts";
import {loadTables} from "../../loaders/dataset.ts";
import type {Datasets} from "../../src/components/chart.ts";
import {exportFile, exportMenu, pageTheme} from "../../src/components/export-menu.ts";
import {darkTheme, lightTheme} from "../../src/components/export-svg.ts";
import {chartFigure} from "../../src/components/figure.ts";
import {charts} from "../../src/components/registry.ts";

let data: Datasets;
beforeAll(() => {
  data = buildDatasets(loadTables());
});

function freshDocument() {
  const window = parseHTML("<!doctype html><html><body></body></html>");
  return {window, document: window.document as unknown as Document};
}

function keydown(window: ReturnType<typeof parseHTML>, target: Element, key: string) {
  const event = new window.Event("keydown", {bubbles: true});
  Object.defineProperty(event, "key", {value: key});
  target.dispatchEvent(event);
}

describe("every chart figure", () => {
  it.each(charts.map((chart) => [chart.id, chart] as const))("%s has an Export button that controls a list of SVG, PNG and CSV buttons", (_id, chart) => {
    const {document} = freshDocument();
    const figure = chartFigure(chart, data, {width: 640, document});
    const toggle = figure.querySelector(".export-menu > button.export-menu-toggle")!;
    expect(toggle.getAttribute("type")).toBe("button");
    expect(toggle.textContent).toBe("Export");
    expect(toggle.getAttribute("aria-label")).toBe(`Export: ${chart.title(data)}`);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    const list = figure.querySelector(`#${toggle.getAttribute("aria-controls")}`)!;
    expect(list.hasAttribute("hidden")).toBe(true);
    const options = Array.from(list.querySelectorAll("button"));
    expect(options.map((option) => option.getAttribute("data-format") ?? option.getAttribute("data-action"))).toEqual(["svg", "png", "csv", "embed", "link"]);
    expect(options.every((option) => option.getAttribute("type") === "button")).toBe(true);
  });
});

describe("opening and closing", () => {
  const setUp = () => {
    const {window, document} = freshDocument();
    const menu = exportMenu(charts[0], data, {width: 640, document});
    document.body.append(menu);
    const toggle = menu.querySelector<HTMLButtonElement>(".export-menu-toggle")!;
    const list = menu.querySelector<HTMLUListElement>(".export-menu-options")!;
    return {window, document, menu, toggle, list};
  };

  it("opens on a click of the button and closes on a second", () => {
    const {toggle, list} = setUp();
    toggle.click();
    expect(list.hidden).toBe(false);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    toggle.click();
    expect(list.hidden).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes on Escape", () => {
    const {window, toggle, list} = setUp();
    toggle.click();
    keydown(window, list.querySelector("button")!, "Escape");
    expect(list.hidden).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes on a press outside the menu, and stays open on a press inside it", () => {
    const {window, document, toggle, list} = setUp();
    const outside = document.createElement("p");
    document.body.append(outside);
    toggle.click();
    list.querySelector("button")!.dispatchEvent(new window.Event("pointerdown", {bubbles: true}));
    expect(list.hidden).toBe(false);
    outside.dispatchEvent(new window.Event("pointerdown", {bubbles: true}));
    expect(list.hidden).toBe(true);
  });
});

describe("exportFile", () => {
  const chart = charts[0];

  it("names files <chart-id>.<format> and gives them the right type", async () => {
    const {document} = freshDocument();
    const svg = await exportFile(chart, data, "svg", {width: 640, document});
    expect(svg.filename).toBe(`${chart.id}.svg`);
    expect(svg.blob.type).toBe("image/svg+xml;charset=utf-8");
    const text = await svg.blob.text();
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain(`<title>${chart.title(data)}</title>`);
    const csv = await exportFile(chart, data, "csv", {width: 640, document});
    expect(csv.filename).toBe(`${chart.id}.csv`);
    const bytes = new Uint8Array(await csv.blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("draws the chart at the width it has on screen", async () => {
    const {document} = freshDocument();
    const narrow = await (await exportFile(chart, data, "svg", {width: 360, document})).blob.text();
    const wide = await (await exportFile(chart, data, "svg", {width: 1000, document})).blob.text();
    const rootWidth = (svg: string) => Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    expect(rootWidth(narrow)).toBeLessThan(400);
    expect(rootWidth(wide)).toBeGreaterThan(1000);
  });
});

describe("pageTheme", () => {
  const viewPreferring = (dark: boolean) => ({matchMedia: (query: string) => ({matches: dark && query === "(prefers-color-scheme: dark)"})}) as unknown as Window;

  it("is light by default and dark when the reader's system prefers dark", () => {
    expect(pageTheme(null)).toBe(lightTheme);
    expect(pageTheme(viewPreferring(false))).toBe(lightTheme);
    expect(pageTheme(viewPreferring(true))).toBe(darkTheme);
  });
});
