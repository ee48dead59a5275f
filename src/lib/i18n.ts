// The site's languages, and the words of the one a page is in. Pure: it runs at build time in Node (which sets the
// language per page) and live in the browser (which reads it from the page's address); it must not import zod.
//
// Words live in catalogues (i18n/<lang>/*.json, read by loaders/messages.ts): flat keys, each a sentence or phrase
// with {named} slots, or a plural object ({one, few, other}) chosen by Intl.PluralRules. Serbian Cyrillic is never
// written: it is the Latin catalogue transliterated (src/lib/transliterate.ts).

export const LANGUAGES = ["en", "sq", "sr-latn", "sr-cyrl"] as const;
export type Lang = (typeof LANGUAGES)[number];

export interface LanguageInfo {
  /** The language tag pages carry (<html lang>, hreflang). */
  tag: string;
  /** The Intl locale its numbers and dates follow (Kosovo's conventions where a language has them). */
  locale: string;
  /** Its own name for itself, as the switcher shows it. */
  name: string;
  /** The first folder of its addresses: "" for English, at the site's root. */
  prefix: string;
}

export const languageInfo: Record<Lang, LanguageInfo> = {
  en: {tag: "en-GB", locale: "en-GB", name: "English", prefix: ""},
  sq: {tag: "sq", locale: "sq-XK", name: "Shqip", prefix: "sq"},
  "sr-latn": {tag: "sr-Latn", locale: "sr-Latn-XK", name: "Srpski", prefix: "sr-latn"},
  "sr-cyrl": {tag: "sr-Cyrl", locale: "sr-Cyrl-XK", name: "Српски", prefix: "sr-cyrl"}
};

export const isLang = (value: unknown): value is Lang => (LANGUAGES as readonly unknown[]).includes(value);

/** A plural message: the forms Intl.PluralRules names for the language (English one/other; Serbian one/few/other). */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & {other: string};
export type Message = string | PluralMessage;
export type Catalogue = Record<string, Message>;

/**
 * How a language writes numbers, dates and lists, as Node's Intl (full ICU) gives it at build time. Shipped with the
 * catalogue rather than asked of the reader's browser: Chromium's Intl has no Albanian data at all ("2024 M05",
 * "4,500.5" for sq-XK), so the browser's own formatting would differ from the build's.
 */
export interface LocaleData {
  decimal: string;
  group: string;
  /** Digits a number needs before it is grouped: 4500 is "4500" in Albanian (2 means five digits), "4,500" in English. */
  minimumGroupingDigits: number;
  months: string[];
  /** Date patterns with {day}, {month} (its name) and {year}: "{day} {month} {year}", "{day}. {month} {year}.". */
  dates: {day: string; month: string; year: string};
  /** The words joining the last two items of a list: "and", "dhe", "i"; "or", "ose", "ili". */
  and: string;
  or: string;
}

interface Active {
  lang: Lang;
  catalogue: Catalogue;
  locale: LocaleData;
}

let current: Active | undefined;

/** Every message from now on is in this language (a page, an export run, a test). */
export function useLanguage(lang: Lang, catalogue: Catalogue, locale: LocaleData): void {
  current = {lang, catalogue, locale};
}

export const localeData = (): LocaleData => active().locale;

function active(): Active {
  if (!current) throw new Error("no language set: call useLanguage (the build, the pages and the tests do) before drawing anything");
  return current;
}

export const currentLanguage = (): Lang => active().lang;
export const locale = (): string => languageInfo[active().lang].locale;

/** The language an address is in: its first folder among the language prefixes, at any depth of the site's base. */
export function languageOfPath(path: string): Lang {
  const folder = path.split("/").find((part) => LANGUAGES.some((lang) => lang !== "en" && languageInfo[lang].prefix === part));
  return (LANGUAGES.find((lang) => lang !== "en" && languageInfo[lang].prefix === folder) ?? "en") as Lang;
}

export type Vars = Record<string, string | number>;

/** A message's text with its {slots} filled; a slot without a value is an error, never left showing. */
export function fill(text: string, vars: Vars = {}, key = "message"): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`${key}: no value for {${name}}`);
    return String(vars[name]);
  });
}

function lookup(key: string): Message {
  const message = active().catalogue[key];
  if (message === undefined) throw new Error(`no message ${JSON.stringify(key)} in the ${active().lang} catalogue`);
  return message;
}

/** The current language's message `key`, its {slots} filled from vars. */
export function t(key: string, vars?: Vars): string {
  const message = lookup(key);
  if (typeof message !== "string") throw new Error(`${key} is a plural message: use tn`);
  return fill(message, vars, key);
}

/** A whole number in the language's way: "4,500" (English), "4500" and "50 000" (Albanian), "4.500" (Serbian). */
export function formatWhole(value: number): string {
  const {group, minimumGroupingDigits} = active().locale;
  const digits = String(Math.abs(Math.round(value)));
  const grouped = digits.length < 3 + minimumGroupingDigits ? digits : digits.replace(/\B(?=(\d{3})+$)/g, group);
  return value < 0 ? `−${grouped}` : grouped;
}

/**
 * The plural form of a whole count, by CLDR's rules for these languages (written here: browsers lack Albanian's).
 * English and Albanian: one for 1. Serbian: one for 1, 21, 31…; few for 2–4, 22–24…; other otherwise (11–14 too).
 */
export function pluralForm(count: number): Intl.LDMLPluralRule {
  const n = Math.abs(count);
  if (!Number.isInteger(n)) return "other";
  if (active().lang.startsWith("sr")) {
    if (n % 10 === 1 && n % 100 !== 11) return "one";
    if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return "few";
    return "other";
  }
  return n === 1 ? "one" : "other";
}

/** A plural message for `count`, chosen by the language's plural rules; {count} is the count formatted for the language. */
export function tn(key: string, count: number, vars: Vars = {}): string {
  const message = lookup(key);
  const filled = {count: formatWhole(count), ...vars};
  if (typeof message === "string") return fill(message, filled, key);
  return fill(message[pluralForm(count)] ?? message.other, filled, key);
}

/**
 * Text from data/ as a reader sees it in the current language: itself in English, otherwise its translation from
 * data/translations.csv (merged into the catalogue under "data:<English text>", checked complete by npm run validate).
 */
export function dataText(text: string): string {
  if (active().lang === "en") return text;
  const message = active().catalogue[`data:${text}`];
  if (typeof message !== "string") throw new Error(`no ${active().lang} translation of the data text ${JSON.stringify(text)}`);
  return message;
}

/** Whether data/translations.csv translates this text (a survey's fieldwork in words, rather than dates). */
export const hasDataText = (text: string): boolean => active().lang === "en" || typeof active().catalogue[`data:${text}`] === "string";

/** A list in the language's way: "A, B and C", "A, B dhe C", "A, B i C". */
export function formatList(items: string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${active().locale[type === "conjunction" ? "and" : "or"]} ${items[items.length - 1]}`;
}

/** A site path ("/opinion", "/") in a language: "/sq/opinion", "/sq/". */
export function pathIn(lang: Lang, path: string): string {
  const prefix = languageInfo[lang].prefix;
  return prefix ? `/${prefix}${path === "/" ? "/" : path}` : path;
}
