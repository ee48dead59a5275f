// A source table as a download (/data/polls.csv …): the file from data/, served only once it validates.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {emitJson} from "../../loaders/emit.ts";
import {tables} from "../../loaders/schema.ts";

const {values} = parseArgs({options: {table: {type: "string"}}});
// Named by its file in data/ (/data/regional-support.csv is data/regional-support.csv).
const table = Object.values(tables).find((t) => t.file === `${values.table}.csv`);
if (!table) throw new Error(`unknown table ${values.table}; known: ${Object.values(tables).map((t) => t.file).join(", ")}`);

// emitJson validates the whole data directory first; the raw text is written as is, UTF-8 with one byte-order mark
// whether or not the file has one, as the chart exports are: without it Excel reads the file as the local code page
// and garbles "Kosovo–NATO" and "Türkiye".
const BOM = "\uFEFF";
emitJson(({dataDir}) => BOM + readFileSync(join(dataDir, table.file), "utf8").replace(/^\uFEFF/, ""), {raw: true});
