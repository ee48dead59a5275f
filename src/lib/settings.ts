// The /invasion settings, read from two places: the controls as the reader left them, and the page's address
// (/invasion?cutoff=2023-01-01&deff=1.5&interval=wald). A value the analysis cannot use is never used silently:
// a control's reading says which value the figures use instead, and why, for the page to show beside the control;
// an address's reading lists each parameter it ignored, and why, for a note near the controls. Pure, and set as text
// by the page: nothing read here is ever inserted as HTML.
// No zod at run time here, though the settings' type is the analysis's own: Framework sends a browser the whole of a
// package it imports (zod/mini measured 87 KB gzip in the built /invasion), for three checks written here in a few lines.
import {defaultSettings, type AnalysisSettings} from "./invasion.js";
import {intervalMethods, type IntervalMethod} from "./stats.js";
import {formatDate, formatNumber} from "../components/format.js";
import {countOf, listOf} from "../components/invasion-text.js";
import {formatList, t, tn} from "./i18n.js";

/** The design effects the control offers: 1 (a simple random sample) to 3. */
export const DEFF_RANGE = [1, 3] as const;

/**
 * The cutoffs the date control offers: from 1999, where this site's record begins (NATO's air campaign, KFOR's entry),
 * to the end of 2030. A fixed end, not today's date, so that an address means the same on every day it is opened; any
 * cutoff after the last poll splits the polls alike (all before), so the end need only stay beyond the polls.
 */
export const CUTOFF_RANGE = ["1999-01-01", "2030-12-31"] as const;

/** What the page calls each interval method (the radio buttons' labels), in the page's language when read. */
export const intervalMethodNames: Record<IntervalMethod, string> = {
  get wilson() {
    return t("settings.method.wilson");
  },
  get wald() {
    return t("settings.method.wald");
  }
};

/** Each setting's parameter in the address. */
export const settingParameters = {cutoff: "cutoff", deff: "deff", intervalMethod: "interval"} as const satisfies Record<keyof AnalysisSettings, string>;

const settingKeys = Object.keys(settingParameters) as (keyof AnalysisSettings)[];

/** What the controls hold, as text: the page reads each box's own value (and the browser's "bad input" flag). */
export interface RawSettings {
  cutoff: string;
  /** The date box holds something that is not a whole date (a field left blank): its value then reads "". */
  cutoffBadInput?: boolean;
  deff: string;
  /** The number box holds text that is not a number: its value then reads "". */
  deffBadInput?: boolean;
  intervalMethod: string;
}

export interface SettingsReading {
  settings: AnalysisSettings;
  /** Why a control's value is not the one in use, or null when it is. Plain text. */
  notes: {cutoff: string | null; deff: string | null; intervalMethod: string | null};
}

/**
 * Text from a box or the address as it is quoted back: trimmed, cut short if long, and with control and format
 * characters (a line break, a right-to-left override) shown as "�", since they would break or reorder the sentence.
 */
const quote = (text: string) => {
  const characters = Array.from(text.replace(/[\p{Cc}\p{Cf}]/gu, "\uFFFD").trim());
  return characters.length > 24 ? `${characters.slice(0, 24).join("")}…` : characters.join("");
};

/** A date written YYYY-MM-DD, as a date box's value holds it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD, else false. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const [firstCutoff, lastCutoff] = CUTOFF_RANGE;
const [lowestDeff, highestDeff] = DEFF_RANGE;
/** The range's two ends, as the notes give them. */
const cutoffRange = () => ({first: formatDate(firstCutoff), last: formatDate(lastCutoff)});
const deffRange = () => ({lowest: formatNumber(lowestDeff, 0, 20), highest: formatNumber(highestDeff, 0, 20)});
/** A design effect as the notes quote it: "1.5" (Albanian and Serbian "1,5"). */
const deffText = (deff: number) => formatNumber(deff, 0, 20);

/** Inside CUTOFF_RANGE (dates written YYYY-MM-DD sort as text). */
const isCutoffInRange = (date: string) => date >= firstCutoff && date <= lastCutoff;

/** Is this text the name of an interval method the analysis has? */
const isIntervalMethod = (text: string): text is IntervalMethod => (intervalMethods as readonly string[]).includes(text);
const intervalMethodRule = () => t("settings.rule.method", {methods: formatList([...intervalMethods], "disjunction")});

/**
 * Each setting's rules, the ones the controls keep to, for settings going into an address and coming out of one: null
 * for a value that keeps them, else why not, written as the end of the address note's sentence.
 */
const settingRules: {[K in keyof AnalysisSettings]: (value: AnalysisSettings[K]) => string | null} = {
  cutoff: (cutoff) =>
    !ISO_DATE.test(cutoff) ? t("settings.rule.cutoff.format") : !isIsoDate(cutoff) ? t("settings.rule.cutoff.day") : isCutoffInRange(cutoff) ? null : t("settings.rule.cutoff.range", cutoffRange()),
  deff: (deff) => (Number.isFinite(deff) && deff >= lowestDeff && deff <= highestDeff ? null : t("settings.rule.deff.range", deffRange())),
  intervalMethod: (method) => (isIntervalMethod(method) ? null : intervalMethodRule())
};

/** A value read from text, or why it could not be. */
type Read<T> = {value: T} | {reason: string};

/**
 * Each setting read from its parameter's text, trimmed and not empty, before its rules are checked. Lenient only
 * where nothing is in doubt: the method's case (WALD). A design effect must be a plain decimal: Number() would also
 * take "0x2" or "1e0", which no one writes as a design effect.
 */
const parameterReaders: {[K in keyof AnalysisSettings]: (text: string) => Read<AnalysisSettings[K]>} = {
  cutoff: (text) => ({value: text}),
  deff: (text) => (/^[+-]?\d+(\.\d*)?$/.test(text) ? {value: Number(text)} : {reason: t("settings.rule.deff.number", deffRange())}),
  intervalMethod: (text) => {
    const method = text.toLowerCase();
    return isIntervalMethod(method) ? {value: method} : {reason: intervalMethodRule()};
  }
};

/** A setting from its parameter's text: spaces around it do not matter, and an empty one gives nothing. */
function readParameter<K extends keyof AnalysisSettings>(setting: K, text: string): Read<AnalysisSettings[K]> {
  const trimmed = text.trim();
  if (trimmed === "") return {reason: t("settings.rule.empty")};
  const read = parameterReaders[setting](trimmed);
  if ("reason" in read) return read;
  const reason = settingRules[setting](read.value);
  return reason === null ? read : {reason};
}

function readCutoff(raw: RawSettings, last: string): {value: string; note: string | null} {
  const text = raw.cutoff.trim();
  const using = formatDate(last);
  if (raw.cutoffBadInput) return {value: last, note: t("settings.note.cutoff.incomplete", {using})};
  if (text === "") return {value: last, note: t("settings.note.cutoff.empty", {using})};
  if (!isIsoDate(text)) return {value: last, note: t("settings.note.cutoff.not-date", {text: quote(text), using})};
  if (!isCutoffInRange(text)) return {value: last, note: t("settings.note.cutoff.range", {date: formatDate(text), ...cutoffRange(), using})};
  return {value: text, note: null};
}

function readDeff(raw: RawSettings, last: number): {value: number; note: string | null} {
  const text = raw.deff.trim();
  const using = deffText(last);
  if (raw.deffBadInput) return {value: last, note: t("settings.note.deff.bad-input", {using})};
  if (text === "") return {value: last, note: t("settings.note.deff.empty", {using})};
  // Number() rather than parseFloat: "2abc" is not 2.
  const value = Number(text);
  if (!Number.isFinite(value)) return {value: last, note: t("settings.note.deff.not-number", {text: quote(text), using})};
  if (value < lowestDeff || value > highestDeff) {
    const nearest = value < lowestDeff ? lowestDeff : highestDeff;
    return {value: nearest, note: t("settings.note.deff.range", {text: quote(text), ...deffRange(), using: deffText(nearest)})};
  }
  return {value, note: null};
}

/**
 * The settings the figures are computed from, given what the controls hold and the settings last in use
 * (the fallback for a value that cannot be used at all).
 */
export function readSettings(raw: RawSettings, last: AnalysisSettings = defaultSettings): SettingsReading {
  const cutoff = readCutoff(raw, last.cutoff);
  const deff = readDeff(raw, last.deff);
  const method = isIntervalMethod(raw.intervalMethod) ? raw.intervalMethod : null;
  return {
    settings: {cutoff: cutoff.value, deff: deff.value, intervalMethod: method ?? last.intervalMethod},
    notes: {cutoff: cutoff.note, deff: deff.note, intervalMethod: method ? null : t("settings.note.method", {using: last.intervalMethod})}
  };
}

/** One parameter of the address, as written there (decoded). */
export interface GivenParameter {
  name: string;
  value: string;
}

/** A parameter the page did not use, every time the address gives it, and why. */
export interface IgnoredParameter {
  given: GivenParameter[];
  /** The setting its name stands for, or null when the page has no such setting. */
  setting: keyof AnalysisSettings | null;
  /** Why, as the end of a sentence: "the design effect must be between 1 and 3". */
  reason: string;
}

export interface AddressReading {
  /** The address's settings where it gives a usable one, the default for each other. */
  settings: AnalysisSettings;
  /** Every parameter not used: settings first, in settingParameters' order, then unknown names as they came. */
  ignored: IgnoredParameter[];
}


/** Each setting's part of its messages' keys ("settings.rule.twice.method"). */
const messageKeys: Record<keyof AnalysisSettings, string> = {cutoff: "cutoff", deff: "deff", intervalMethod: "method"};

/** A parameter's name as the page reads it: spaces around it and its case do not matter (Deff is deff). */
const parameterKey = (name: string) => name.trim().toLowerCase();

/**
 * The /invasion settings in an address's query (location.search, with or without its "?"). Each setting's parameter
 * is used when it is given once with a value the controls can hold; anything else is left at the default and listed in
 * `ignored`, as is every parameter the page has no setting for. A parameter given twice is ignored both times: which
 * one was meant cannot be known.
 */
export function settingsFromSearch(search: string): AddressReading {
  const byKey = new Map<string, GivenParameter[]>();
  for (const [name, value] of new URLSearchParams(search)) {
    const key = parameterKey(name);
    const given = byKey.get(key);
    if (given) given.push({name, value});
    else byKey.set(key, [{name, value}]);
  }
  const ignored: IgnoredParameter[] = [];
  function readSetting<K extends keyof AnalysisSettings>(setting: K): AnalysisSettings[K] {
    const given = byKey.get(settingParameters[setting]);
    byKey.delete(settingParameters[setting]);
    if (!given) return defaultSettings[setting];
    if (given.length > 1) {
      ignored.push({given, setting, reason: given.length === 2 ? t(`settings.rule.twice.${messageKeys[setting]}`) : tn(`settings.rule.times.${messageKeys[setting]}`, given.length)});
      return defaultSettings[setting];
    }
    const parsed = readParameter(setting, given[0].value);
    if ("value" in parsed) return parsed.value;
    ignored.push({given, setting, reason: parsed.reason});
    return defaultSettings[setting];
  }
  const settings: AnalysisSettings = {cutoff: readSetting("cutoff"), deff: readSetting("deff"), intervalMethod: readSetting("intervalMethod")};
  for (const given of byKey.values()) ignored.push({given, setting: null, reason: t("settings.rule.unknown")});
  return {settings, ignored};
}

/**
 * The query that gives these settings: "" at the defaults, else "?cutoff=…&deff=…&interval=…" with only the settings
 * not at their default, in that order. settingsFromSearch reads it back to exactly these settings. Throws for settings
 * the controls cannot hold (no page should be showing them).
 */
export function searchForSettings(settings: AnalysisSettings): string {
  // (TypeScript cannot pair each key's rule with that key's value in a loop: each rule takes its own setting's type.)
  const broken = settingKeys.flatMap((key) => settingRules[key](settings[key] as never) ?? []);
  if (broken.length > 0) throw new RangeError(`These settings cannot be put in an address: ${broken.join("; ")}.`);
  const query = new URLSearchParams();
  for (const key of settingKeys) if (settings[key] !== defaultSettings[key]) query.set(settingParameters[key], String(settings[key]));
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}

/**
 * The address to put in the address bar for these settings (path, query, then the hash kept as it is, so a link to
 * a chart on the page still leads there), or null when the address already gives them exactly.
 */
export function addressForSettings(address: Pick<Location, "pathname" | "search" | "hash">, settings: AnalysisSettings): string | null {
  const search = searchForSettings(settings);
  return search === address.search ? null : `${address.pathname}${search}${address.hash}`;
}

/** How a setting's default reads after "using": "1", "24 February 2022", "Wilson score intervals". */
function defaultText(setting: keyof AnalysisSettings): string {
  if (setting === "cutoff") return formatDate(defaultSettings.cutoff);
  if (setting === "deff") return deffText(defaultSettings.deff);
  return t(`settings.default.${defaultSettings.intervalMethod}`);
}

/** A parameter as the note quotes it: "deff=9". */
const givenText = ({name, value}: GivenParameter) => `${quote(name)}=${quote(value)}`;

/** Parameters named in one sentence of the note before the rest are only counted: an address may carry many. */
const NAMED_AT_MOST = 3;

/** "deff=1 and deff=2"; "a=1, b=2, c=3 and 4 others". */
function givenList(given: GivenParameter[], others: "other" | "other parameter"): string {
  const named = given.slice(0, NAMED_AT_MOST).map(givenText);
  const rest = given.length - named.length;
  return listOf(rest > 0 ? [...named, countOf(rest, others)] : named);
}

/**
 * The note for the page: one sentence per setting the address could not give, then one for the parameters the page
 * has no setting for. Null when nothing was ignored. Plain text, to be set as textContent.
 */
export function addressNote(ignored: IgnoredParameter[]): string | null {
  const sentences = ignored.flatMap(({given, setting, reason}) => (setting ? [t("settings.address.ignored", {given: givenList(given, "other"), reason, using: defaultText(setting)})] : []));
  const unknown = ignored.filter(({setting}) => setting === null).flatMap(({given}) => given);
  if (unknown.length > 0) {
    sentences.push(t(unknown.length === 1 ? "settings.address.unknown.one" : "settings.address.unknown.several", {given: givenList(unknown, "other parameter")}));
  }
  return sentences.length > 0 ? sentences.join(" ") : null;
}
