// Charts that travel, as files of the built site: every chart at a stable address, /charts/<chart-id>.svg, .png and
// .csv (the very files `npm run export` writes, so a report can link an image that stays put; listed on /methods),
// beside its preview card (/charts/<chart-id>-card.png), and every page's preview tags (scripts/preview-cards.ts).
// Deterministic, like the rest of the build: the same commit gives the same bytes.
import {join} from "node:path";
import type {ChartSpec, Datasets} from "../src/components/chart.ts";
import {charts as registeredCharts} from "../src/components/registry.ts";
import {CHARTS_FOLDER} from "../src/components/methods.ts";
import {exportCharts} from "./export.ts";
import {tagPages, writePreviewCards} from "./preview-cards.ts";
import {siteUrl} from "./site-url.ts";
import {languageInfo} from "../src/lib/i18n.ts";
import {inEveryLanguage} from "../loaders/messages.ts";

/**
 * Writes every chart's three files into the built site's charts/ folder, through `npm run export`'s own function; their
 * addresses are chartFileAddress's (src/components/methods.ts), which /methods links.
 */
export function writeChartFiles(outDir: string, data: Datasets, charts: ChartSpec[] = registeredCharts): void {
  exportCharts({outDir: join(outDir, CHARTS_FOLDER), data, charts});
}

/**
 * Every language's chart files and cards: English's at /charts/, each other's in its own folder (/sq/charts/…), each
 * drawn from the datasets as that language's readers see them, as its /methods lists them.
 */
export function writeChartFilesInEveryLanguage(outDir: string, data: Datasets): void {
  inEveryLanguage(data, (lang, localized) => {
    writeChartFiles(join(outDir, languageInfo[lang].prefix), localized);
    writePreviewCards(outDir, localized, registeredCharts, lang);
  });
}

/**
 * The post-build step (scripts/postbuild.ts): the stable chart files, the preview cards, and the preview tags of every
 * page, with absolute addresses when the build knows the site's (SITE_URL).
 */
export function publishCharts(outDir: string, data: Datasets, env: NodeJS.ProcessEnv = process.env): void {
  writeChartFilesInEveryLanguage(outDir, data);
  tagPages(outDir, data, siteUrl(env));
}
