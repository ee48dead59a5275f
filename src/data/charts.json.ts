// Every chart of the registry as /methods lists its files: its id (which names the files, scripts/chart-files.ts) and
// its title, as the pages draw it from the data. Built here rather than on the page, so /methods loads no chart code.
import {buildDatasets} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";
import type {ChartEntry} from "../components/methods.ts";
import {charts} from "../components/registry.ts";
import {useLanguageInNode} from "../../loaders/messages.ts";

useLanguageInNode("en");
emitJson((tables): ChartEntry[] => {
  // Through JSON, as the pages and the build's drawings receive the datasets.
  const data = JSON.parse(JSON.stringify(buildDatasets(tables)));
  return charts.map((chart) => ({id: chart.id, title: chart.title(data)}));
});
