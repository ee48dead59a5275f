// The embed page of one chart (/embed/<chart-id>, one per chart of the registry: observablehq.config.ts lists them):
// the chart alone, with its title, subtitle and source line, and a link to it on its page; no site chrome. The build
// draws the chart into the placeholder (scripts/postbuild.ts) and gives the page its theme and frame rules
// (scripts/embed-postbuild.ts); the live chart loads only when the reader reaches for it.
import {parseArgs} from "node:util";
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {useLanguageInNode} from "../../loaders/messages.ts";
import {chartById} from "../components/registry.ts";
import {isLang, t} from "../lib/i18n.ts";
import {chartLinkFromEmbed, pageOfChart} from "./chart-pages.ts";

// The page's words are in its language (--lang, English unless given), its chart's title and link among them.
const {values} = parseArgs({options: {chart: {type: "string"}, lang: {type: "string"}}});
const lang = values.lang ?? "en";
if (!isLang(lang)) throw new Error(`unknown language ${JSON.stringify(lang)}`);
useLanguageInNode(lang);
const spec = chartById(values.chart ?? "");
const title = spec.title(buildDatasets(loadTables()));
const id = JSON.stringify(spec.id);
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// The charts of /invasion follow its settings, given in the embed's address as in the page's (embed-settings.ts).
const followsSettings = pageOfChart(spec.id) === "/invasion";

process.stdout.write(`---
title: ${JSON.stringify(title)}
sidebar: false
toc: false
pager: false
footer: false
---

\`\`\`js
import {loadDatasets} from "../components/load.js";
import {hydrateChartById} from "../components/hydrate.js";
import {startEmbedPage} from "../components/embed-page.js";
const data = await loadDatasets();
\`\`\`

<div class="embed-page" data-embed="${spec.id}">
<div class="chart-slot" data-chart="${spec.id}"></div>
<p class="embed-view"><a class="embed-view-link" href="${chartLinkFromEmbed(spec.id)}" target="_blank">${escapeHtml(t("ui.embed.view"))}</a></p>
</div>

\`\`\`js
startEmbedPage(${id});
${
  followsSettings
    ? `import {followPageSettings} from "../components/embed-settings.js";
const live = followPageSettings(document, data);
hydrateChartById(${id}, live.data, live.options);`
    : `hydrateChartById(${id}, data);`
}
\`\`\`
`);
