// The embed page of one chart in another language (/sq/embed/<chart-id> …): src/embed/embed-markdown.ts writes it.
import {parseArgs} from "node:util";
import {isLang} from "../../lib/i18n.ts";
import {embedPageMarkdown} from "../../embed/embed-markdown.ts";

const {values} = parseArgs({options: {lang: {type: "string"}, chart: {type: "string"}}});
if (!isLang(values.lang)) throw new Error(`no such language: ${values.lang}`);
process.stdout.write(embedPageMarkdown(values.chart ?? "", values.lang));
