// Charts that travel, in the built site: with SITE_URL set, every page and embed carries its own description and its
// preview tags with absolute addresses under SITE_URL, and each og:image is a 1200×630 PNG in the build; without it,
// no tag needs an address and the build says so once. And every chart's stable files (/charts/<chart-id>.svg, .png,
// .csv) are in the build, the very bytes `npm run export` writes, and /methods links each of them.
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {csvParseRows} from "d3-dsv";
import {parseHTML} from "linkedom";
import {PNG} from "pngjs";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import config from "../../observablehq.config.ts";
import {buildSite} from "../../scripts/build-site.ts";
import {exportCharts} from "../../scripts/export.ts";
import {pageDescription, pageDescriptions} from "../../scripts/page-descriptions.ts";
import {useLanguageInNode} from "../../loaders/messages.ts";
import {localizeDatasets} from "../../src/components/localize.ts";
import {LANGUAGES, languageInfo, languageOfPath, t} from "../../src/lib/i18n.ts";
import {NO_SITE_URL_MESSAGE} from "../../scripts/preview-cards.ts";
import type {Datasets} from "../../src/components/chart.ts";
import {PNG_SCALE} from "../../src/components/export-menu.ts";
import {CHART_FILE_KINDS, chartFileAddress} from "../../src/components/methods.ts";
import {chartById, charts} from "../../src/components/registry.ts";

const SITE = "https://example.org/kosovo-nato/";
const data: Datasets = JSON.parse(JSON.stringify(buildDatasets(loadTables())));

interface BuiltPage {
  /** Path in the site: "" for the overview, "opinion", "embed/<chart-id>". */
  path: string;
  document: Document;
}

function builtPages(siteDir: string): BuiltPage[] {
  return readdirSync(siteDir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((file) => ({
      path: relative(siteDir, file)
        .replace(/\.html$/, "")
        .replace(/(^|\/)index$/, "$1"),
      document: parseHTML(readFileSync(file, "utf8")).document as unknown as Document
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Every meta tag of a page by its name or property, each with all its values (a tag given twice would show). */
function metaTags(document: Document): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const meta of Array.from(document.head.querySelectorAll("meta[name], meta[property]"))) {
    const key = meta.getAttribute("property") ?? meta.getAttribute("name")!;
    tags.set(key, [...(tags.get(key) ?? []), meta.getAttribute("content") ?? ""]);
  }
  return tags;
}

const one = (tags: Map<string, string[]>, key: string, where: string) => {
  const values = tags.get(key) ?? [];
  expect(values, `${where}: ${key}`).toHaveLength(1);
  return values[0];
};

const NEEDS_ADDRESS = ["og:url", "og:image", "og:image:width", "og:image:height", "og:image:alt", "og:image:type", "twitter:image", "twitter:image:alt"];

/** The embed pages, when the sources have them (src/embed/): one per chart of the registry. */
const embedsInSources = existsSync(join("src", "embed"));

/** Every build's folder, removed once all the file's tests have run (the last compares two builds). */
const builds: string[] = [];
afterAll(() => {
  for (const work of builds) rmSync(work, {recursive: true, force: true});
});

/** A build into a temporary folder with SITE_URL as given (or unset), and every line it warned. */
function buildWith(siteUrl: string | undefined) {
  const build = {dir: "", warnings: [] as string[]};
  const work = mkdtempSync(join(tmpdir(), "kosovo-cards-"));
  beforeAll(() => {
    const saved = process.env.SITE_URL;
    const warn = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void build.warnings.push(args.join(" ")));
    if (siteUrl === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = siteUrl;
    try {
      build.dir = join(work, "dist");
      // Fresh: a cached loader output (the How to cite address) from a build with another SITE_URL would be reused.
      buildSite(build.dir, {fresh: true});
    } finally {
      if (saved === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved;
      warn.mockRestore();
    }
  }, 600_000);
  builds.push(work);
  return build;
}

/** Kept to compare with the build without SITE_URL. */
let withSiteUrl: {dir: string};

describe("a build with SITE_URL", () => {
  const build = buildWith(SITE);
  withSiteUrl = build;
  /** Every page but the 404 page, which is served at any address and previews nothing. */
  const pages = () => builtPages(build.dir).filter((page) => page.path !== "404");

  it("has every page of the config, and an embed for every chart when the sources have embeds", () => {
    const paths = pages().map((page) => page.path);
    for (const page of config.pages) expect(paths).toContain(page.path.slice(1));
    expect(paths).toContain("");
    const embeds = paths.filter((path) => path.startsWith("embed/"));
    if (embedsInSources) expect(embeds.sort()).toEqual(charts.map((chart) => `embed/${chart.id}`).sort());
    else expect(embeds).toEqual([]);
    // And each in every other language, under its folder.
    for (const lang of LANGUAGES.filter((code) => code !== "en")) {
      const prefix = languageInfo[lang].prefix;
      for (const page of config.pages) expect(paths).toContain(`${prefix}${page.path}`);
      expect(paths).toContain(`${prefix}/`);
      if (embedsInSources) expect(paths.filter((path) => path.startsWith(`${prefix}/embed/`)).sort()).toEqual(charts.map((chart) => `${prefix}/embed/${chart.id}`).sort());
    }
  });

  it("gives every page and embed a canonical link and preview tags with absolute addresses under SITE_URL", () => {
    for (const {path, document} of pages()) {
      const tags = metaTags(document);
      const address = `${SITE}${path}`;
      const canonical = Array.from(document.head.querySelectorAll('link[rel="canonical"]')).map((link) => link.getAttribute("href"));
      expect(canonical, path).toEqual([address]);
      expect(one(tags, "og:url", path)).toBe(address);
      expect(one(tags, "og:type", path)).toBe("website");
      expect(one(tags, "twitter:card", path)).toBe("summary_large_image");
      const image = one(tags, "og:image", path);
      // Each language's pages preview its own cards (/sq/charts/…).
      const prefix = languageInfo[languageOfPath(`/${path}`)].prefix;
      expect(image.startsWith(`${SITE}${prefix ? `${prefix}/` : ""}charts/`), `${path}: ${image}`).toBe(true);
      expect(one(tags, "twitter:image", path)).toBe(image);
      expect(one(tags, "og:image:width", path)).toBe("1200");
      expect(one(tags, "og:image:height", path)).toBe("630");
      expect(one(tags, "og:image:alt", path)).toMatch(/^\p{L}+: .{10,}/u);
    }
  });

  it("previews each page by the card of its main chart (the first on the page; the overview's for a page without one)", () => {
    const firstChart = (document: Document) => document.querySelector(".chart-slot[data-chart]")?.getAttribute("data-chart") ?? null;
    const overview = firstChart(pages().find((page) => page.path === "")!.document);
    expect(overview).not.toBeNull();
    for (const {path, document} of pages()) {
      const chart = firstChart(document) ?? overview!;
      // In the page's language: its own card, and the chart's title in its words.
      const lang = languageOfPath(`/${path}`);
      const prefix = languageInfo[lang].prefix;
      expect(one(metaTags(document), "og:image", path)).toBe(`${SITE}${prefix ? `${prefix}/` : ""}charts/${chart}-card.png`);
      useLanguageInNode(lang);
      const alt = t("ui.card.alt", {title: chartById(chart).title(localizeDatasets(data))});
      useLanguageInNode("en");
      expect(one(metaTags(document), "og:image:alt", path).startsWith(alt), path).toBe(true);
    }
    expect(firstChart(pages().find((page) => page.path === "methods")!.document)).toBeNull();
  });

  it("points each og:image at a file in the build: a valid 1200×630 PNG", () => {
    const images = new Set(pages().map(({path, document}) => one(metaTags(document), "og:image", path)));
    expect(images.size).toBeGreaterThan(3);
    for (const image of images) {
      const file = join(build.dir, image.slice(SITE.length));
      expect(existsSync(file), image).toBe(true);
      const png = PNG.sync.read(readFileSync(file));
      expect([png.width, png.height], image).toEqual([1200, 630]);
    }
    // Every chart has its card, whether or not a page leads with it (an embed would).
    for (const chart of charts) expect(existsSync(join(build.dir, "charts", `${chart.id}-card.png`)), chart.id).toBe(true);
  });

  it("gives each page its own title and description, the same in its og: and twitter: tags", () => {
    const descriptions = new Map<string, string>();
    for (const {path, document} of pages()) {
      const tags = metaTags(document);
      const title = document.title;
      expect(one(tags, "og:title", path)).toBe(title);
      expect(one(tags, "twitter:title", path)).toBe(title);
      const description = one(tags, "description", path);
      expect(one(tags, "og:description", path)).toBe(description);
      expect(one(tags, "twitter:description", path)).toBe(description);
      const lang = languageOfPath(`/${path}`);
      const inLanguage = lang === "en" ? path : path.slice(languageInfo[lang].prefix.length + 1);
      useLanguageInNode(lang);
      if (inLanguage.startsWith("embed/")) {
        // An embed is described by its chart's subtitle, as drawn from the data, in the embed's language.
        const chart = chartById(inLanguage.slice("embed/".length));
        const localized = localizeDatasets(data);
        expect(description, path).toBe(chart.subtitle(localized) || chart.title(localized));
      } else {
        expect(description, path).toBe(pageDescription(`/${inLanguage || "index"}`, lang));
      }
      useLanguageInNode("en");
      descriptions.set(path, description);
    }
    // No two pages share a title or a description.
    expect(new Set(descriptions.values()).size).toBe(descriptions.size);
    expect(new Set(pages().map((page) => page.document.title)).size).toBe(pages().length);
  });

  it("says nothing about SITE_URL", () => {
    expect(build.warnings.filter((line) => line.includes("SITE_URL"))).toEqual([]);
  });

  it("leaves the 404 page without preview tags: it is served at any address", () => {
    const notFound = builtPages(build.dir).find((page) => page.path === "404")!;
    expect(notFound.document.head.querySelector('link[rel="canonical"], meta[property^="og:"]')).toBeNull();
    expect(one(metaTags(notFound.document), "description", "404")).toBe(pageDescriptions["/404"]);
  });

  describe("the stable chart files", () => {
    const exported = mkdtempSync(join(tmpdir(), "kosovo-cards-export-"));
    beforeAll(() => void exportCharts({outDir: exported, data}));
    afterAll(() => rmSync(exported, {recursive: true, force: true}));

    it.each(charts.map((chart) => [chart.id]))("%s: its SVG, PNG and CSV, byte for byte what npm run export writes", (id) => {
      for (const kind of CHART_FILE_KINDS) {
        const built = readFileSync(join(build.dir, chartFileAddress(id, kind)));
        expect(built.equals(readFileSync(join(exported, `${id}.${kind}`))), `${id}.${kind}`).toBe(true);
      }
    });

    it.each(charts.map((chart) => [chart.id]))("%s: the PNG decodes at twice the SVG's size", (id) => {
      const svg = readFileSync(join(build.dir, chartFileAddress(id, "svg")), "utf8");
      const root = /<svg [^>]*>/.exec(svg)![0];
      const [width, height] = ["width", "height"].map((name) => Number(new RegExp(` ${name}="(\\d+)"`).exec(root)![1]));
      const png = PNG.sync.read(readFileSync(join(build.dir, chartFileAddress(id, "png"))));
      expect([png.width, png.height]).toEqual([width * PNG_SCALE, height * PNG_SCALE]);
      expect(width).toBeGreaterThan(300);
    });

    it.each(charts.map((chart) => [chart.id]))("%s: the CSV is the chart's data table, header and every row", (id) => {
      const table = chartById(id).table(data);
      const text = readFileSync(join(build.dir, chartFileAddress(id, "csv")), "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      const [header, ...rows] = csvParseRows(text.slice(1));
      expect(header).toEqual(table.columns.map((column) => column.label));
      expect(rows).toHaveLength(table.rows.length);
      rows.forEach((row, index) => {
        // Cells as a spreadsheet-safe CSV writes them: empty for null, text that could start a formula behind a quote.
        const expected = table.columns.map(({key}) => {
          const value = table.rows[index][key];
          if (value === null || value === undefined) return "";
          return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
        });
        expect(row, `${id} row ${index + 1}`).toEqual(expected);
      });
    });

    it("/methods links each chart's three files, relative to the page, and each link leads to the file in the build", () => {
      const methods = builtPages(build.dir).find((page) => page.path === "methods")!.document;
      const rows = Array.from(methods.querySelectorAll(".chart-files tbody tr"));
      expect(rows.map((row) => row.querySelector("th")?.textContent)).toEqual(charts.map((chart) => chart.title(data)));
      rows.forEach((row, index) => {
        const id = charts[index].id;
        const links = Array.from(row.querySelectorAll("a")).map((a) => [a.textContent, a.getAttribute("href")]);
        expect(links).toEqual(CHART_FILE_KINDS.map((kind) => [kind.toUpperCase(), `./${chartFileAddress(id, kind)}`]));
        for (const [, href] of links) expect(existsSync(join(build.dir, new URL(href!, "https://site/").pathname)), href!).toBe(true);
      });
    });
  });
});

describe("a build without SITE_URL", () => {
  const build = buildWith(undefined);
  const pages = () => builtPages(build.dir).filter((page) => page.path !== "404");

  it("leaves out every tag that needs an absolute address, and keeps the rest", () => {
    for (const {path, document} of pages()) {
      expect(document.head.querySelector('link[rel="canonical"]'), path).toBeNull();
      const tags = metaTags(document);
      for (const key of NEEDS_ADDRESS) expect(tags.has(key), `${path}: ${key}`).toBe(false);
      for (const values of tags.values()) for (const value of values) expect(value, path).not.toMatch(/^https?:\/\//);
      expect(one(tags, "og:title", path)).toBe(document.title);
      expect(one(tags, "og:description", path)).toBe(one(tags, "description", path));
      expect(one(tags, "twitter:card", path)).toBe("summary_large_image");
    }
  });

  it("writes the same chart files and cards as the build with SITE_URL, byte for byte (they need no address)", () => {
    const files = (dir: string) => new Map(readdirSync(join(dir, "charts")).map((name) => [name, readFileSync(join(dir, "charts", name))]));
    const withAddress = files(withSiteUrl.dir);
    const without = files(build.dir);
    expect([...without.keys()].sort()).toEqual([...withAddress.keys()].sort());
    expect(without.size).toBe(charts.length * 4);
    expect([...without].filter(([name, bytes]) => !bytes.equals(withAddress.get(name)!)).map(([name]) => name)).toEqual([]);
  });

  it("says so, once", () => {
    expect(build.warnings.filter((line) => line.includes("SITE_URL"))).toEqual([NO_SITE_URL_MESSAGE]);
  });

  it("still writes the chart files and the cards", () => {
    for (const chart of charts) {
      for (const kind of CHART_FILE_KINDS) expect(existsSync(join(build.dir, chartFileAddress(chart.id, kind))), `${chart.id}.${kind}`).toBe(true);
      expect(existsSync(join(build.dir, "charts", `${chart.id}-card.png`)), chart.id).toBe(true);
    }
  });
});

describe("the page descriptions", () => {
  it("cover every page in src/ (the embeds aside, which their charts describe), and name no page that is not there", () => {
    const sources = readdirSync("src", {withFileTypes: true, recursive: true})
      .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
      .map((entry) => `/${relative("src", join(entry.parentPath, entry.name)).replace(/\.md$/, "")}`)
      .filter((path) => !path.startsWith("/embed/") && !path.includes("/."));
    expect(Object.keys(pageDescriptions).sort()).toEqual(sources.sort());
    for (const [path, description] of Object.entries(pageDescriptions)) expect(description.length, path).toBeGreaterThan(50);
  });
});
