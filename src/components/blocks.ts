// Page blocks other than charts that the build also writes into the HTML (scripts/postbuild.ts), so the first paint
// already has them and nothing below them moves when the page's script redraws them. Each entry draws exactly what
// the page's own cell draws (test/browser/static.test.ts compares the two).
import type {Datasets} from "../lib/contracts.js";
import {caveatParagraph, headlineCards, pollTable, sentenceList, statisticList} from "./cards.js";
import {findings, headlines, invasionStatistics, recordCaveat} from "./headlines.js";
import {catalogTable, chartFilesTable, citationBlock, sourceList, type CatalogEntry, type ChartEntry, type Edition} from "./methods.js";

/** What the build knows about a page: the datasets, a document to build in, and the page's registered files. */
export interface BlockContext {
  data: Datasets;
  document: Document;
  /** The address of a file the page registers (a FileAttachment name as the page writes it, e.g. "./data/polls.json"). */
  fileHref(name: string): string;
  /** The contents of such a file, parsed as JSON. */
  fileJson(name: string): unknown;
}

export const blocks: Record<string, (context: BlockContext) => HTMLElement> = {
  "headline-cards": ({data, document}) => headlineCards(headlines(data), document),
  findings: ({data, document}) => sentenceList(findings(data), undefined, document),
  "record-caveat": ({data, document}) => caveatParagraph(recordCaveat(data), document),
  "poll-table": ({data, document}) => pollTable(data, document),
  // At the default settings: the same numbers as the live controls' first values.
  "invasion-statistics": ({data, document}) => statisticList(invasionStatistics(data), document),
  "dataset-catalog": ({document, fileJson}) => catalogTable(fileJson("./data/catalog.json") as CatalogEntry[], document),
  "chart-files": ({document, fileJson}) => chartFilesTable(fileJson("./data/charts.json") as ChartEntry[], document),
  "how-to-cite": ({document, fileJson}) => citationBlock(fileJson("./data/edition.json") as Edition, document),
  sources: ({data, document}) => sourceList(data.sources, document)
};
