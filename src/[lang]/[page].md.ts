// A page of the site in another language (/sq/opinion, /sr-latn/…, /sr-cyrl/…; observablehq.config.ts lists them):
// the English page's code with the translation's words (loaders/pages.ts).
import {parseArgs} from "node:util";
import {isLang} from "../lib/i18n.ts";
import {translatedPage} from "../../loaders/pages.ts";

const {values} = parseArgs({options: {lang: {type: "string"}, page: {type: "string"}}});
if (!isLang(values.lang) || values.lang === "en" || !values.page) throw new Error(`no such page: ${JSON.stringify(values)}`);
process.stdout.write(translatedPage(values.page, values.lang));
