// Observable Framework configuration: the site's pages, and no request to any other host.
import {setCurrentDate} from "@observablehq/framework/dist/config.js";
import {sourceDate} from "./scripts/source-date.ts";

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

// Inline, so browsers never request /favicon.ico; base64, because Framework re-encodes the % of a percent-encoded URI.
const favicon =
  "data:image/svg+xml;base64," +
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0072B2"/><path d="M8 22 16 8l8 14z" fill="#fff"/></svg>').toString("base64");

export default {
  title: "Kosovo and NATO",
  root: "src",
  pages: [
    {name: "Public opinion", path: "/opinion"},
    {name: "Before and after 24 February 2022", path: "/invasion"},
    {name: "KFOR troops", path: "/troops"},
    {name: "NATO members", path: "/members"},
    {name: "Data and methods", path: "/methods"}
  ],
  // The default theme links web fonts from another host; the site must load nothing from elsewhere.
  globalStylesheets: [],
  style: "style.css",
  head: `<link rel="icon" href="${favicon}"><meta name="description" content="What Kosovars think of joining NATO, how that changed after Russia invaded Ukraine, and KFOR's troop strength since 1999: every number sourced, every uncertainty shown.">`,
  footer: "Kosovo and NATO dashboard. Every figure cites its source; see Data and methods.",
  search: false,
  // Stable, un-hashed download addresses for the source tables (see src/data/[table].csv.ts).
  dynamicPaths: ["/data/polls.csv", "/data/troops.csv", "/data/events.csv", "/data/members.csv", "/data/sources.csv"]
};
