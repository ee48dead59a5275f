// One language's catalogue for the live pages (/data/messages-sq.json …): every message the page's code may show,
// with the data's translations (loaders/messages.ts). Fetched by the page in that language only (components/load.ts).
import {parseArgs} from "node:util";
import {isLang} from "../lib/i18n.ts";
import {languagePack} from "../../loaders/messages.ts";

const {values} = parseArgs({options: {lang: {type: "string"}}});
if (!isLang(values.lang)) throw new Error(`no such language: ${values.lang}`);
process.stdout.write(JSON.stringify(languagePack(values.lang)));
