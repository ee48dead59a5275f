// Number and date formatting for charts, tables and prose: one way to write each kind of figure.
import type {Troop} from "../lib/contracts.js";

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** 88.7 → "88.7%", 89 → "89%": as many decimals as the source gives, at most one. */
export function formatPercent(value: number, digits?: number): string {
  const text = digits === undefined ? String(Math.round(value * 10) / 10) : value.toFixed(digits);
  return `${text}%`;
}

export function formatPoints(value: number, digits = 1): string {
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${Math.abs(value).toFixed(digits)} points`;
}

export function formatInterval([low, high]: readonly [number, number], digits = 1, unit = "%"): string {
  const show = (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(digits)}` : v.toFixed(digits));
  return `${show(low)}–${show(high)}${unit}`;
}

export const formatCount = (value: number) => value.toLocaleString("en-GB");

/** "about 50,000", "more than 4,500", "under 6,000", "3,770": the figure with the source's own qualifier. */
export function formatTroops({troops, qualifier}: Pick<Troop, "troops" | "qualifier">): string {
  return qualifier === "exact" ? formatCount(troops) : `${qualifier} ${formatCount(troops)}`;
}

/** A p-value as journals print it, with its "p": "p = 0.012" (two significant digits), "p < 0.0001" below that. */
export function formatP(p: number): string {
  return p < 0.0001 ? "p < 0.0001" : `p = ${p.toPrecision(2)}`;
}

/** "2022-02-24" → "24 February 2022"; "2023-02-01" at month precision → "February 2023". */
export function formatDate(isoDate: string, precision: "year" | "month" | "day" = "day"): string {
  const [y, m, d] = isoDate.split("-");
  if (precision === "year") return y;
  if (precision === "month") return `${monthNames[Number(m) - 1]} ${y}`;
  return `${Number(d)} ${monthNames[Number(m) - 1]} ${y}`;
}

/** A source's publication date, as precise as the source gives it (YYYY, YYYY-MM or YYYY-MM-DD): "2025", "July 2025", "18 September 2021". */
export function formatPublished(published: string): string {
  return formatDate(published, published.length === 4 ? "year" : published.length === 7 ? "month" : "day");
}

export const toDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
