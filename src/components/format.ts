// Number and date formatting for charts, tables and prose, in the page's language (src/lib/i18n.ts): one way to write
// each kind of figure, by the language's own rules, which Node's Intl gives the build (LocaleData): English 88.7% and
// 4,500; Albanian 88,7% and 4500; Serbian 88,7% and 4.500.
import type {Troop} from "../lib/contracts.js";
import {formatWhole, localeData, t, type LocaleData} from "../lib/i18n.js";

/**
 * Every number in the language's digits and separators (src/lib/i18n.ts LocaleData, from Node's Intl), with exactly
 * `digits` decimals, or up to `maxDigits`. Rounded as Intl rounds (half away from zero), minus as U+2212.
 */
export function formatNumber(value: number, digits?: number, maxDigits = digits ?? 1): string {
  const {decimal} = localeData();
  // Rounded half up first, as Intl does (toFixed alone rounds the binary value: 0.125 → "0.13" but 1.005 → "1.00").
  // Past 10 decimals, the number as written in the shortest form that reads back the same ("88.7", not toFixed(20)'s
  // "88.70000000000000284217").
  const rounded = maxDigits <= 10 ? Math.round(Math.abs(value) * 10 ** maxDigits) / 10 ** maxDigits : Number(Math.abs(value).toPrecision(15));
  const written = String(rounded);
  const [whole, fraction = ""] = (written.includes("e") ? rounded.toFixed(Math.min(maxDigits, 20)) : written).split(".");
  const kept = fraction.replace(/0+$/, "").padEnd(digits ?? 0, "0");
  const text = formatWhole(Number(whole)) + (kept ? `${decimal}${kept}` : "");
  return value < 0 && Number(rounded) !== 0 ? `−${text}` : text;
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
  if (p < 0.0001) return `p < ${formatNumber(0.0001, 4)}`;
  // Two significant digits: as many decimals as put the second one in place (0.012 → 3, 0.12 → 2).
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(p)));
  return `p = ${formatNumber(Number(p.toPrecision(2)), decimals)}`;
}

export type Precision = "year" | "month" | "day";

/**
 * "2022-02-24" → "24 February 2022"; "2023-02-01" at month precision → "February 2023" ("shkurt 2023", "februar
 * 2023."). In the page's language, or in `locale`'s (the published datasets' labels are English whatever the page).
 */
export function formatDate(isoDate: string, precision: Precision = "day", locale: LocaleData = localeData()): string {
  const [year, month = "01", day = "01"] = isoDate.split("-");
  return locale.dates[precision].replace("{day}", String(Number(day))).replace("{month}", locale.months[Number(month) - 1]).replace("{year}", String(Number(year)));
}

/**
 * Fieldwork as a reader would write it: "October 2014", "February–March 2023" ("shkurt–mars 2023", "februar–mart
 * 2023."), "2 February–5 March 2024": the year once when both ends share it.
 */
export function fieldworkRange(start: {iso: string; precision: Precision}, end: {iso: string; precision: Precision}, locale: LocaleData = localeData()): string {
  const startLabel = formatDate(start.iso, start.precision, locale);
  const endLabel = formatDate(end.iso, end.precision, locale);
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
