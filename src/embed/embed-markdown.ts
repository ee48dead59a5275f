// The embed page of one chart (/embed/<chart-id>, and /sq/embed/<chart-id> … in each other language; one per chart of
// the registry: observablehq.config.ts lists them): the chart alone, with its title, subtitle and source line, and a
// link to it on its page; no site chrome. The build draws the chart into the placeholder (scripts/postbuild.ts) and
// gives the page its theme and frame rules (scripts/embed-postbuild.ts); the live chart loads only when the reader
// reaches for it. Node only: the page loaders src/embed/[chart].md.ts and src/[lang]/embed/[chart].md.ts call it.
import {loadTables} from "../../loaders/dataset.ts";
import {buildDatasets} from "../../loaders/datasets.ts";
import {useLanguageInNode} from "../../loaders/messages.ts";
import {localizeDatasets} from "../components/localize.ts";
import {chartById} from "../components/registry.ts";
import {t, type Lang} from "../lib/i18n.ts";
import {chartLinkFromEmbed, pageOfChart} from "./chart-pages.ts";

/** The embed page's Markdown, in its language: its chart's title and the link back among its words. */
export function embedPageMarkdown(chart: string, lang: Lang): string {
  useLanguageInNode(lang);
  const spec = chartById(chart);
  const title = spec.title(localizeDatasets(buildDatasets(loadTables())));
  const id = JSON.stringify(spec.id);
  const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // The charts of /invasion follow its settings, given in the embed's address as in the page's (embed-settings.ts).
  const followsSettings = pageOfChart(spec.id) === "/invasion";

  const markdown = `---
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
`;
  // A language's embed page sits one folder further down (/sq/embed/<id>): its modules are one more folder up.
  return lang === "en" ? markdown : markdown.replace(/"\.\.\/components\//g, '"../../components/');
}
