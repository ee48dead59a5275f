// Observable Framework configuration: the site's pages, and no request to any other host.
import {setCurrentDate} from "@observablehq/framework/dist/config.js";
import {descriptionMeta} from "./scripts/page-descriptions.ts";
import {sitePath} from "./scripts/site-url.ts";
import {lastUpdated, sourceDate} from "./scripts/source-date.ts";
import {formatDate} from "./src/components/format.ts";
import {LANGUAGES, languageInfo, languageOfPath, pathIn, t} from "./src/lib/i18n.ts";
import {pageNames} from "./loaders/pages.ts";
import {SECTIONS} from "./scripts/languages.ts";
import {useLanguageInNode} from "./loaders/messages.ts";
import {charts} from "./src/components/registry.ts";
import {tables} from "./loaders/schema.ts";
import {datasetFiles} from "./src/lib/dataset-files.ts";

// Reproducible builds. Framework stamps each data loader's output with the time the loader ran, both as the file's
// lastModified and inside the content hash of every module that reads it (components/load.js), so two clean builds
// of one commit differ. Its clock can be fixed (setCurrentDate, which its own tests use): during `observable build`
// only, every file is dated at the source date instead. The preview server keeps real times, which it needs to
// notice edits.
if (process.argv[2] === "build") {
  const date = sourceDate();
  if (date) setCurrentDate(date);
  else console.warn("No SOURCE_DATE_EPOCH and no git commit: this build is dated by the clock, so it is not reproducible.");
}

// A file of the site (Framework copies it into the build under a hashed name and links it from every page), so browsers
// never request /favicon.ico; not a data: URI, so the pages' Content-Security-Policy allows images from the site only.
const favicon = "favicon.svg";

const updated = lastUpdated();
function englishName(section: string): string {
  useLanguageInNode("en");
  return t(`site.nav.${section}`);
}

/**
 * Every page's footer: where the figures come from and the day the site was last updated (the commit's, as the build
 * is dated: never typed). Under it, a line shown only in print (src/print.css): the page's address and that day. The
 * address is the one the page was read at (a tiny script; the public address is not known to the build), or, with
 * scripts off, the page's path in the site.
 */
function footer({path}: {path: string}): string {
  const page = path.replace(/(^|\/)index$/, "$1");
  const lang = languageOfPath(path);
  useLanguageInNode(lang);
  const date = `<time datetime="${updated}">${formatDate(updated)}</time>`;
  return `<p>${t("site.footer", {methods: `<a href="${pathIn(lang, "/methods")}">${t("site.nav.methods")}</a>`, date})}</p>
<p class="print-address">${t("site.printed", {address: `<span class="print-address-url">${page}</span>`, date: formatDate(updated)})}</p>
<script>document.currentScript.previousElementSibling.firstElementChild.textContent = location.href.split(/[?#]/)[0];</script>`;
}

export default {
  title: "Kosovo and NATO",
  root: "src",
  // English's; every other language's pages get their own navigation from the build (scripts/languages.ts).
  pages: SECTIONS.map((section) => ({name: englishName(section), path: `/${section}`})),
  // The default theme links web fonts from another host; the site must load nothing from elsewhere.
  globalStylesheets: [],
  style: "style.css",
  // Each page's own description (scripts/page-descriptions.ts); the build adds the preview tags (scripts/preview-cards.ts).
  head: ({path}: {path: string}) => `<link rel="icon" href="${favicon}">${descriptionMeta(path)}`,
  footer,
  // Only the 404 page uses it, as its <base>: it is served at whatever address was not found (see scripts/site-url.ts).
  base: sitePath(),
  search: false,
  // Stable, un-hashed addresses, for downloads and citations: the source tables (src/data/[table].csv.ts) and the
  // published datasets (the same loaders the pages read through FileAttachment, whose copies are hashed).
  dynamicPaths: [
    ...Object.values(tables).map((table) => `/data/${table.file}`),
    ...Object.values(datasetFiles).map((dataset) => `/data/${dataset}.json`),
    // An embed page per chart (src/embed/[chart].md.ts) and the host page's optional script (src/embed.js.ts).
    ...charts.map((chart) => `/embed/${chart.id}`),
    // Every page and embed page in every other language (src/[lang]/[page].md.ts, src/[lang]/embed/[chart].md.ts); the
    // 404 page is one for all (src/404.md).
    ...LANGUAGES.filter((lang) => lang !== "en").flatMap((lang) => [
      ...pageNames().filter((page) => page !== "404").map((page) => `/${languageInfo[lang].prefix}/${page}`),
      ...charts.map((chart) => `/${languageInfo[lang].prefix}/embed/${chart.id}`)
    ]),
    "/embed.js"
  ]
};
