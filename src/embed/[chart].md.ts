// The embed page of one chart in English (/embed/<chart-id>): src/embed/embed-markdown.ts writes it.
import {parseArgs} from "node:util";
import {embedPageMarkdown} from "./embed-markdown.ts";

const {values} = parseArgs({options: {chart: {type: "string"}}});
process.stdout.write(embedPageMarkdown(values.chart ?? "", "en"));
