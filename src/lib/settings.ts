// The /invasion controls as the reader left them, read into settings the analysis can use. A value it cannot use
// (a design effect outside its range, not a number or missing; a missing or incomplete date) is never used silently:
// the reading says which value the figures use instead, and why, for the page to show beside the control.
import {defaultSettings, type AnalysisSettings} from "./invasion.js";
import {intervalMethods, type IntervalMethod} from "./stats.js";
import {formatDate} from "../components/format.js";

/** The design effects the control offers: 1 (a simple random sample) to 3. */
export const DEFF_RANGE = [1, 3] as const;

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

/** Typed text as it is quoted back: trimmed, and cut short if long. */
const quote = (text: string) => {
  const trimmed = text.trim();
  return trimmed.length > 24 ? `${trimmed.slice(0, 24)}…` : trimmed;
};

/** A real calendar date written YYYY-MM-DD (what a date box's value holds), else false. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function readCutoff(raw: RawSettings, last: string): {value: string; note: string | null} {
  const text = raw.cutoff.trim();
  const using = `the figures use ${formatDate(last)}, the last date given`;
  if (raw.cutoffBadInput) return {value: last, note: `The cutoff date is incomplete: ${using}.`};
  if (text === "") return {value: last, note: `No cutoff date given: ${using}.`};
  if (!isIsoDate(text)) return {value: last, note: `Cutoff "${quote(text)}" is not a date from the years 0001–9999: ${using}.`};
  return {value: text, note: null};
}

function readDeff(raw: RawSettings, last: number): {value: number; note: string | null} {
  const text = raw.deff.trim();
  const [low, high] = DEFF_RANGE;
  const using = `the figures use ${last}, the last valid value`;
  if (raw.deffBadInput) return {value: last, note: `The design effect typed is not a number: ${using}.`};
  if (text === "") return {value: last, note: `No design effect given: ${using}.`};
  // Number() rather than parseFloat: "2abc" is not 2.
  const value = Number(text);
  if (!Number.isFinite(value)) return {value: last, note: `Design effect "${quote(text)}" is not a number: ${using}.`};
  if (value < low || value > high) {
    const nearest = value < low ? low : high;
    return {value: nearest, note: `Design effect ${quote(text)} is outside ${low}–${high}: the figures use ${nearest}.`};
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
  const method = (intervalMethods as readonly string[]).includes(raw.intervalMethod) ? (raw.intervalMethod as IntervalMethod) : null;
  return {
    settings: {cutoff: cutoff.value, deff: deff.value, intervalMethod: method ?? last.intervalMethod},
    notes: {cutoff: cutoff.note, deff: deff.note, intervalMethod: method ? null : `Unknown interval method: the figures use ${last.intervalMethod}.`}
  };
}
