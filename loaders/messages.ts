// The site's words in each language (Node only: the build, the exports, the tests). Catalogues are JSON files in
// i18n/<lang>/<namespace>.json, one flat object each, whose keys become "<namespace>.<key>"; English is the reference
// every other language must match key for key, slot for slot and plural form for plural form. Serbian Cyrillic is
// made from Serbian Latin (src/lib/transliterate.ts), never written.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {LANGUAGES, languageInfo, useLanguage, type Catalogue, type Lang, type LocaleData, type Message} from "../src/lib/i18n.ts";
import {latinToCyrillic} from "../src/lib/transliterate.ts";
import type {Datasets} from "../src/lib/contracts.ts";
import {localizeDatasets} from "../src/components/localize.ts";
import {DataValidationError, type DataIssue} from "./issues.ts";
import {dataTranslations} from "./translations.ts";

export const I18N_DIR = fileURLToPath(new URL("../i18n/", import.meta.url));
/** The languages written by hand; the others are made from one of them. */
const WRITTEN: Exclude<Lang, "sr-cyrl">[] = ["en", "sq", "sr-latn"];

interface Entry {
  message: Message;
  file: string;
  line: number;
}

/** Where a key is written in its JSON file, for messages that point at it. */
function lineOf(text: string, key: string): number {
  const index = text.indexOf(`${JSON.stringify(key)}:`);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}

function readWritten(lang: string, dir: string, issues: DataIssue[]): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const folder = join(dir, lang);
  if (!existsSync(folder)) {
    issues.push({file: `i18n/${lang}/`, line: 0, rule: "no catalogue folder for this language"});
    return entries;
  }
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".json")).sort()) {
    const file = `i18n/${lang}/${name}`;
    const text = readFileSync(join(folder, name), "utf8");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      issues.push({file, line: 0, rule: `not valid JSON: ${(error as Error).message}`});
      continue;
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      issues.push({file, line: 1, rule: "must be one JSON object of key → message"});
      continue;
    }
    const namespace = name.slice(0, -".json".length);
    for (const [key, message] of Object.entries(parsed)) {
      const line = lineOf(text, key);
      const valid = typeof message === "string" || (message && typeof message === "object" && !Array.isArray(message) && Object.values(message).every((form) => typeof form === "string") && "other" in message);
      if (!valid) issues.push({file, line, column: key, rule: "a message is a string, or an object of plural forms with at least \"other\""});
      else entries.set(`${namespace}.${key}`, {message: message as Message, file, line});
    }
  }
  return entries;
}

const forms = (message: Message): string[] => (typeof message === "string" ? [message] : Object.values(message));
const slotsOf = (message: Message) => [...new Set(forms(message).flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map(([, name]) => name)))].sort().join(", ");

/** Every problem of one translated catalogue against English: missing, empty, extra, or with other slots or plural forms. */
function compareWithEnglish(lang: Lang, english: Map<string, Entry>, translated: Map<string, Entry>, issues: DataIssue[]): void {
  const pluralForms = new Intl.PluralRules(languageInfo[lang].locale).resolvedOptions().pluralCategories;
  for (const [key, source] of english) {
    const entry = translated.get(key);
    const [namespace, ...rest] = key.split(".");
    const column = rest.join(".");
    if (!entry) {
      issues.push({file: `i18n/${lang}/${namespace}.json`, line: 0, column, rule: `no ${lang} translation of this message (English: ${source.file} line ${source.line})`});
      continue;
    }
    const where = {file: entry.file, line: entry.line, column};
    if (forms(entry.message).some((form) => form.trim() === "")) issues.push({...where, rule: "the translation is empty"});
    if (slotsOf(entry.message) !== slotsOf(source.message)) issues.push({...where, rule: `slots {${slotsOf(entry.message)}} differ from English's {${slotsOf(source.message)}}`});
    if (typeof source.message !== "string") {
      const missing = typeof entry.message === "string" ? pluralForms : pluralForms.filter((form) => !(form in (entry.message as object)));
      if (missing.length) issues.push({...where, rule: `a plural message needs the forms ${missing.join(", ")} in ${lang}`});
    } else if (typeof entry.message !== "string") issues.push({...where, rule: "English has one form here, not plural forms"});
  }
  for (const [key, entry] of translated) if (!english.has(key)) issues.push({file: entry.file, line: entry.line, column: key.split(".").slice(1).join("."), rule: "no such message in English (renamed or removed there?)"});
}

function transliterated(message: Message): Message {
  return typeof message === "string" ? latinToCyrillic(message) : Object.fromEntries(Object.entries(message).map(([form, text]) => [form, latinToCyrillic(text)])) as Message;
}

/** Every language's catalogue, checked; the data tables' translations are merged in under "data:<English text>". */
export function checkCatalogues(dir = I18N_DIR, dataDir?: string): {catalogues: Record<Lang, Catalogue>; issues: DataIssue[]} {
  const issues: DataIssue[] = [];
  const written = Object.fromEntries(WRITTEN.map((lang) => [lang, readWritten(lang, dir, issues)])) as Record<(typeof WRITTEN)[number], Map<string, Entry>>;
  for (const lang of WRITTEN) if (lang !== "en") compareWithEnglish(lang, written.en, written[lang], issues);
  const data = dataTranslations(dataDir);
  issues.push(...data.issues);
  const catalogue = (lang: (typeof WRITTEN)[number]): Catalogue => ({
    ...Object.fromEntries([...written[lang]].map(([key, entry]) => [key, entry.message])),
    ...(lang === "en" ? {} : data.byLanguage[lang])
  });
  const serbian = catalogue("sr-latn");
  const catalogues = {
    en: catalogue("en"),
    sq: catalogue("sq"),
    "sr-latn": serbian,
    "sr-cyrl": Object.fromEntries(Object.entries(serbian).map(([key, message]) => [key, transliterated(message)]))
  } satisfies Record<Lang, Catalogue>;
  return {catalogues, issues};
}

let loaded: Record<Lang, Catalogue> | undefined;

/**
 * The catalogues, read once per process. Their problems are npm run validate's (the build stops on them first);
 * a message still missing here is an error where it is asked for (src/lib/i18n.ts), never a silent fallback.
 */
export function catalogues(): Record<Lang, Catalogue> {
  loaded ??= checkCatalogues().catalogues;
  return loaded;
}

/** English alone, checked on its own: for code that draws only English (the unit tests), without the translations. */
export function englishCatalogue(dir = I18N_DIR): Catalogue {
  const issues: DataIssue[] = [];
  const entries = readWritten("en", dir, issues);
  if (issues.length) throw new DataValidationError(issues);
  return Object.fromEntries([...entries].map(([key, entry]) => [key, entry.message]));
}

const joiningWord = (tag: string, type: Intl.ListFormatType) => new Intl.ListFormat(tag, {type}).format(["\u0001", "\u0002"]).split("\u0001")[1].split("\u0002")[0].trim();

/** How `lang` writes numbers, dates and lists, read from Node's Intl (which has every language's data). */
export function localeDataOf(lang: Lang): LocaleData {
  const tag = languageInfo[lang].locale;
  const numberParts = new Intl.NumberFormat(tag).formatToParts(45000.5);
  const part = (type: string) => numberParts.find((p) => p.type === type)?.value ?? "";
  const date = new Date(Date.UTC(2022, 1, 24));
  const pattern = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(tag, {...options, timeZone: "UTC"})
      .formatToParts(date)
      .map((p) => (p.type === "day" || p.type === "month" || p.type === "year" ? `{${p.type}}` : p.value))
      .join("");
  return {
    decimal: part("decimal"),
    group: part("group"),
    minimumGroupingDigits: new Intl.NumberFormat(tag).format(4500) === "4500" ? 2 : 1,
    months: Array.from({length: 12}, (_, month) => new Intl.DateTimeFormat(tag, {month: "long", timeZone: "UTC"}).format(new Date(Date.UTC(2022, month, 1)))),
    dates: {day: pattern({day: "numeric", month: "long", year: "numeric"}), month: pattern({month: "long", year: "numeric"}), year: pattern({year: "numeric"})},
    and: joiningWord(tag, "conjunction"),
    or: joiningWord(tag, "disjunction")
  };
}

/** What a page in `lang` needs to speak it: its messages and its locale data (the live pages fetch this as JSON). */
export function languagePack(lang: Lang): {messages: Catalogue; locale: LocaleData} {
  // Made once per language and process: the build switches language for every page (and four times more for each
  // page's offer), and each switch would otherwise read Intl's month names and patterns afresh.
  let pack = packs.get(lang);
  if (!pack) packs.set(lang, (pack = {messages: catalogues()[lang], locale: localeDataOf(lang)}));
  return pack;
}

const packs = new Map<Lang, {messages: Catalogue; locale: LocaleData}>();

/**
 * `draw` once in each language, in LANGUAGES order, with the datasets as that language's readers see them
 * (src/components/localize.ts); English is in use again afterwards. The build's and the export's loop over languages.
 */
export function inEveryLanguage<T>(data: Datasets, draw: (lang: Lang, localized: Datasets) => T): T[] {
  const drawn = LANGUAGES.map((lang) => {
    useLanguageInNode(lang);
    return draw(lang, localizeDatasets(data));
  });
  useLanguageInNode("en");
  return drawn;
}

/** Draw everything from now on in this language. */
export function useLanguageInNode(lang: Lang): void {
  const {messages, locale} = languagePack(lang);
  useLanguage(lang, messages, locale);
}

