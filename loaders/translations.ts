// The translations of the text in data/ that readers see (event titles, notes, country and organisation names):
// data/translations.csv, one row per English text, with its Albanian and Serbian (Latin) translation. Keyed by the
// English text itself, as gettext does, so an edit to the English leaves its old translation unused and the new text
// untranslated: both are errors, and the translation is redone rather than left stale.
import {join, relative} from "node:path";
import {readCsv} from "./csv.ts";
import {resolveDataDir} from "./dataset.ts";
import type {DataIssue} from "./issues.ts";

export const TRANSLATIONS_FILE = "translations.csv";
const LANGUAGES = ["sq", "sr-latn"] as const;
const HEADER = ["en", ...LANGUAGES];

/**
 * The columns of each table a reader sees as words. Source titles are not here: a citation keeps the title as
 * published. Ids, codes, dates and numbers are not words.
 */
export const TRANSLATED_COLUMNS: Record<string, string[]> = {
  "polls.csv": ["pollsterName", "note"],
  "troops.csv": ["dateLabel", "force", "note"],
  "events.csv": ["title", "note"],
  "members.csv": ["country"],
  "sources.csv": ["publisher", "note"],
  "surveys.csv": ["name", "question", "population", "fieldworkNote", "mode", "note"],
  "regional-support.csv": ["country", "note"],
  "protection-threat.csv": ["country", "note"],
  "institution-trust.csv": ["institution", "note"]
};

/** Names that appear in the pages and charts beside the data's own: Kosovo on the map, the force's own name. */
const ALSO_TRANSLATED = ["Kosovo"];

export interface DataTranslations {
  byLanguage: Record<(typeof LANGUAGES)[number], Record<string, string>>;
  issues: DataIssue[];
}

/** The translations, checked against every reader-facing cell of the tables (each needs one, and each is used). */
export function dataTranslations(dataDir = resolveDataDir()): DataTranslations {
  const issues: DataIssue[] = [];
  const byLanguage: DataTranslations["byLanguage"] = {sq: {}, "sr-latn": {}};
  const fileName = (name: string) => relative(process.cwd(), join(dataDir, name)) || name;
  const file = fileName(TRANSLATIONS_FILE);
  let translations;
  try {
    translations = readCsv(join(dataDir, TRANSLATIONS_FILE), file);
  } catch {
    return {byLanguage, issues: [{file, line: 0, rule: "the file is missing: every text readers see needs its translations here"}]};
  }
  issues.push(...translations.issues);
  if (translations.header.join(",") !== HEADER.join(",")) {
    return {byLanguage, issues: [...issues, {file, line: 1, rule: `the columns must be exactly ${HEADER.join(",")}`}]};
  }
  const lineOf = new Map<string, number>();
  for (const {line, values} of translations.records) {
    values.en = values.en.trim();
    if (values.en === "") issues.push({file, line, column: "en", rule: "the English text is empty"});
    else if (lineOf.has(values.en)) issues.push({file, line, column: "en", rule: `this English text is translated already on line ${lineOf.get(values.en)}`});
    else lineOf.set(values.en, line);
    for (const lang of LANGUAGES) {
      if (values[lang].trim() === "") issues.push({file, line, column: lang, rule: "the translation is empty"});
      else byLanguage[lang][`data:${values.en}`] = values[lang];
    }
  }

  const used = new Set(ALSO_TRANSLATED);
  for (const text of ALSO_TRANSLATED) if (!lineOf.has(text)) issues.push({file, line: 0, column: "en", rule: `no translation of ${JSON.stringify(text)}, which the pages show`});
  for (const [table, columns] of Object.entries(TRANSLATED_COLUMNS)) {
    let csv;
    try {
      csv = readCsv(join(dataDir, table), fileName(table));
    } catch {
      continue; // a missing table is reported by the table's own check
    }
    for (const {line, values} of csv.records) {
      for (const column of columns) {
        const text = values[column]?.trim();
        if (!text) continue;
        used.add(text);
        if (!lineOf.has(text)) issues.push({file: fileName(table), line, column, rule: `no translation in ${TRANSLATIONS_FILE} (a row with this text in its en column, and its sq and sr-latn)`});
      }
    }
  }
  for (const [text, line] of lineOf) if (!used.has(text)) issues.push({file, line, column: "en", rule: "no table has this text (was the English changed? translate the new text and remove this row)"});
  return {byLanguage, issues};
}
