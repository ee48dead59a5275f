// Number and date formatting for charts, tables and prose, in the page's language (src/lib/i18n.ts): one way to write
// each kind of figure, always through Intl (English 88.7% and 4,500; Albanian 88,7% and 4500; Serbian 88,7% and 4.500).
import type {Troop} from "../lib/contracts.js";
import {locale, t} from "../lib/i18n.js";

// Intl formatters are slow to make and fast to use: one per language and options, kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: "number" | "date", options: Intl.NumberFormatOptions | Intl.DateTimeFormatOptions, tag = locale()): T {
  const key = `${kind} ${tag} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = kind === "number" ? new Intl.NumberFormat(tag, options as Intl.NumberFormatOptions) : new Intl.DateTimeFormat(tag, options as Intl.DateTimeFormatOptions)));
  return made as T;
}

/** Every number in the language's digits and separators, with exactly `digits` decimals, or up to `maxDigits`. */
export function formatNumber(value: number, digits?: number, maxDigits = digits ?? 1): string {
  return formatter<Intl.NumberFormat>("number", {minimumFractionDigits: digits ?? 0, maximumFractionDigits: maxDigits}).format(value);
}

/** A minus sign, never a hyphen, in every language: "−3.0". */
const signed = (value: number, digits: number) => (value < 0 ? `−${formatNumber(-value, digits)}` : formatNumber(value, digits));

/** 88.7 → "88.7%", 89 → "89%" (Albanian and Serbian "88,7%"): as many decimals as the source gives, at most one. */
export function formatPercent(value: number, digits?: number): string {
  return t("format.percent", {value: digits === undefined ? formatNumber(Math.round(value * 10) / 10, undefined, 1) : formatNumber(value, digits)});
}

/** "+2.0 points", "−1.5 points", "±0.0 points". */
export function formatPoints(value: number, digits = 1): string {
  return t("format.points", {value: formatSignedNumber(value, digits)});
}

/** "+2.0", "−1.5", "±0.0": a change with its sign. */
export function formatSignedNumber(value: number, digits = 1): string {
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${formatNumber(Math.abs(value), digits)}`;
}

/** "64.1–69.8%" (unit "%", the default), or the two ends with any other unit after them. */
export function formatInterval([low, high]: readonly [number, number], digits = 1, unit = "%"): string {
  const range = `${signed(low, digits)}–${signed(high, digits)}`;
  return unit === "%" ? t("format.percent", {value: range}) : `${range}${unit}`;
}

export const formatCount = (value: number) => formatNumber(value, 0);

/** "about 50,000", "more than 4,500", "under 6,000", "3,770": the figure with the source's own qualifier. */
export function formatTroops({troops, qualifier}: Pick<Troop, "troops" | "qualifier">): string {
  return qualifier === "exact" ? formatCount(troops) : t(`format.qualifier.${qualifier}`, {count: formatCount(troops)});
}

/** A p-value as journals print it, with its "p": "p = 0.012" (two significant digits), "p < 0.0001" below that. */
export function formatP(p: number): string {
  const number = (value: number, options: Intl.NumberFormatOptions) => formatter<Intl.NumberFormat>("number", options).format(value);
  return p < 0.0001 ? `p < ${number(0.0001, {maximumFractionDigits: 4})}` : `p = ${number(p, {maximumSignificantDigits: 2, minimumSignificantDigits: 2})}`;
}

const dateFormats = {
  year: {year: "numeric"},
  month: {month: "long", year: "numeric"},
  day: {day: "numeric", month: "long", year: "numeric"}
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type Precision = keyof typeof dateFormats;

/**
 * "2022-02-24" → "24 February 2022"; "2023-02-01" at month precision → "February 2023" ("shkurt 2023", "februar
 * 2023."). In the page's language, or in `tag`'s (the published datasets' labels are English whatever the page).
 */
export function formatDate(isoDate: string, precision: Precision = "day", tag = locale()): string {
  return formatter<Intl.DateTimeFormat>("date", {...dateFormats[precision], timeZone: "UTC"}, tag).format(toDate(isoDate.length === 4 ? `${isoDate}-01-01` : isoDate.length === 7 ? `${isoDate}-01` : isoDate));
}

/**
 * Fieldwork as a reader would write it: "October 2014", "February–March 2023" ("shkurt–mars 2023", "februar–mart
 * 2023."), "2 February–5 March 2024": the year once when both ends share it.
 */
export function fieldworkRange(start: {iso: string; precision: Precision}, end: {iso: string; precision: Precision}, tag = locale()): string {
  const startLabel = formatDate(start.iso, start.precision, tag);
  const endLabel = formatDate(end.iso, end.precision, tag);
  if (startLabel === endLabel) return startLabel;
  const year = start.iso.slice(0, 4);
  const sameYear = year === end.iso.slice(0, 4) && start.precision !== "year";
  return `${sameYear ? startLabel.replace(new RegExp(` ${year}\\.?$`), "") : startLabel}–${endLabel}`;
}

/** A date as precise as it is written (YYYY, YYYY-MM or YYYY-MM-DD): "2025", "July 2025", "18 September 2021". */
export function formatPublished(published: string): string {
  return formatDate(published, published.length === 4 ? "year" : published.length === 7 ? "month" : "day");
}

/** A year as the language writes it on its own ("2022", Serbian "2022."). */
export const formatYear = (year: number | string) => formatDate(String(year), "year");

export const toDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
