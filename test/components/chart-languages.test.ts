// Every chart in Albanian and Serbian: its title, subtitle, screen-reader description and table speak the language,
// with no English word left over from a sentence glued together in code.
import {parseHTML} from "linkedom";
import {afterAll, describe, expect, it} from "vitest";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {useLanguageInNode} from "../../loaders/messages.ts";
import {localizeDatasets} from "../../src/components/localize.ts";
import {charts} from "../../src/components/registry.ts";
import type {Datasets} from "../../src/lib/contracts.ts";

const {document} = parseHTML("<!doctype html><html><body></body></html>");
const doc = document as unknown as Document;
const tables = loadTables();

/**
 * English that a translated chart must not contain. "interval" alone is Serbian too ("interval od 95%"): the
 * English order "95% interval" is what would give one away.
 */
const ENGLISH = [" the ", " and ", " of ", "support", "poll", "95% interval", "source"];

/** Table columns whose cells are published titles, kept as published in every language. */
const AS_PUBLISHED = new Set(["source"]);

const englishIn = (text: string) => ENGLISH.filter((word) => ` ${text.toLowerCase()} `.includes(word));

afterAll(() => useLanguageInNode("en"));

for (const lang of ["sq", "sr-latn"] as const) {
  describe(`every chart in ${lang}`, () => {
    let data: Datasets;
    const inLanguage = <T>(draw: () => T): T => {
      useLanguageInNode(lang);
      try {
        data ??= localizeDatasets(buildDatasets(tables));
        return draw();
      } finally {
        useLanguageInNode("en");
      }
    };

    for (const chart of charts) {
      it(`${chart.id}: title, subtitle, description and table have no English words`, () => {
        const texts = inLanguage(() => {
          const table = chart.table(data);
          return {
            title: chart.title(data),
            subtitle: chart.subtitle(data),
            description: chart.description(data),
            columns: table.columns.map((column) => column.label).join(" | "),
            cells: table.rows
              .flatMap((row) => Object.entries(row).filter(([key, cell]) => typeof cell === "string" && !AS_PUBLISHED.has(key)).map(([, cell]) => cell as string))
              .join(" | ")
          };
        });
        for (const [part, text] of Object.entries(texts)) expect.soft(englishIn(text), `${part}: ${text}`).toEqual([]);
      });

      it(`${chart.id}: draws at 375 and 1280px the same marks, in the same colours, as in English`, () => {
        /** Each mark's element count and every colour it paints: words change between languages, marks do not. */
        const marks = (figure: Element) =>
          [...figure.querySelectorAll("[aria-label]")]
            .filter((group) => /^(dot|line|rule|bar|rect|area|link|geo|tick|cell)/.test(group.getAttribute("aria-label")!))
            .map((group) => `${group.getAttribute("aria-label")} ×${group.querySelectorAll("circle, path, line, rect").length} ${[...new Set([...group.querySelectorAll("[fill], [stroke]")].flatMap((shape) => [shape.getAttribute("fill"), shape.getAttribute("stroke")]).concat(group.getAttribute("fill"), group.getAttribute("stroke")).filter(Boolean))].sort().join(",")}`);
        const english = Object.fromEntries([375, 1280].map((width) => [width, marks(chart.plot(buildDatasets(tables), {width, document: doc}) as Element)]));
        inLanguage(() => {
          for (const width of [375, 1280]) expect(marks(chart.plot(data, {width, document: doc}) as Element), `${width}px`).toEqual(english[width]);
        });
      });
    }
  });
}
