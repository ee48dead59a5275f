// Every chart of the registry as /methods lists its files: its id (which names the files, scripts/chart-files.ts) and
// its title in each language, as the pages draw it from the data. Built here rather than on the page, so /methods loads no chart code.
import {buildDatasets} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";
import type {ChartEntry} from "../components/methods.ts";
import {charts} from "../components/registry.ts";
import {inEveryLanguage} from "../../loaders/messages.ts";
import type {Lang} from "../lib/i18n.ts";

emitJson((tables): ChartEntry[] => {
  // Through JSON, as the pages and the build's drawings receive the datasets.
  const data = JSON.parse(JSON.stringify(buildDatasets(tables)));
  const titles = inEveryLanguage(data, (lang, localized) => charts.map((chart) => [lang, chart.title(localized)] as const));
  return charts.map((chart, index) => ({id: chart.id, title: Object.fromEntries(titles.map((inLanguage) => inLanguage[index])) as Record<Lang, string>}));
});
