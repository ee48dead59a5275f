// Recognises what a spreadsheet does to a cell when it opens a CSV and saves it again, so validation can say so.
//
// Observed with LibreOffice Calc 7.4 (test/spreadsheet/round-trip.test.ts runs it): with "detect special numbers" on
// (Excel's default), text such as "June 2003" becomes the date 06/01/03 and "10:30" the time 10:30:00 AM; in every
// setting a cell starting with = is computed as a formula (its result, or an error such as Err:509, is saved in its
// place) and text that reads as a number is saved as that number ("+500" as 500, "007" as 7); with the setting on,
// also false as FALSE, 95% as 95.00%, $100 as $100.00 and (5) as -5. ISO dates (2014-10, 2014-10-01), plain numbers,
// yes/no and words are left alone.

import {formatDate} from "../src/components/format.ts";
import {localeDataOf} from "./messages.ts";
import {showValue} from "./issues.ts";

/** Where the setting is: Calc's and Excel's text import dialog, when a CSV file is opened. */
const SETTING = "open CSV files with 'detect special numbers' off";

/** A date as spreadsheets display it: 06/01/03, 06/01/2003, 01.06.2003, or an ISO date with a time. */
const slashDate = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const dotDate = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;
/** A time as spreadsheets write it back (10:30:00 AM, 10:30:00); a bare 10:30 is left alone when typed. */
const time = /^\d{1,2}:\d{2}(:\d{2}( ?[AaPp][Mm])?| ?[AaPp][Mm])$/;
/** Error values Calc and Excel write for a formula that failed. */
const errorValue = /^(Err:\d{3}|#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!)$/;
/** Text a spreadsheet reads as a number, in any setting. */
const numberLike = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
  /** How the day was read from the cell, for the message: "month/day/year" or "day.month.year". */
  order: string;
}

/** Calc reads a two-digit year 30–99 as 19xx and 00–29 as 20xx (its default 1930 cutoff). */
const fullYear = (digits: string) => (digits.length === 4 ? Number(digits) : Number(digits) + (Number(digits) >= 30 ? 1900 : 2000));
const pad = (value: number) => String(value).padStart(2, "0");

/** The calendar day a spreadsheet-style date stands for, or null when the cell is not one. */
function spreadsheetDay(value: string): CalendarDay | null {
  let match = slashDate.exec(value);
  if (match) {
    // Calc and Excel write month/day/year in their default (US) locale, day/month/year in many others. A first part
    // above 12 can only be a day; and since a month typed as words ("June 2003") becomes its first day, 01/06/2003
    // is more likely 1 June than 6 January.
    const [a, b] = [Number(match[1]), Number(match[2])];
    const dayFirst = b <= 12 && (a > 12 || (a === 1 && b !== 1));
    const month = dayFirst ? b : a;
    const day = dayFirst ? a : b;
    return valid({year: fullYear(match[3]), month, day, order: dayFirst ? "day/month/year" : "month/day/year"});
  }
  match = dotDate.exec(value);
  if (match) return valid({year: fullYear(match[3]), month: Number(match[2]), day: Number(match[1]), order: "day.month.year"});
  match = isoDateTime.exec(value);
  if (match) return valid({year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), order: "a date with a time"});
  return null;
}

function valid(date: CalendarDay): CalendarDay | null {
  const days = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= days ? date : null;
}

/**
 * Why a text cell cannot be what the analyst typed, or could not survive a spreadsheet, or null when it is fine.
 * Only the whole cell counts: "June 2003" inside a sentence is never rewritten.
 */
export function spreadsheetTextProblem(value: string): string | null {
  const first = value.charCodeAt(0);
  // = opens a formula: a spreadsheet computes it on opening and saves the result, which no check could tell from text.
  if (first === 61) {
    return `${showValue(value)} starts with =, so a spreadsheet opening the file computes it as a formula and saves the result in its place; reword it so that it does not start with =`;
  }
  if ((first === 35 || first === 69) && errorValue.test(value)) {
    return `${showValue(value)} is a spreadsheet error, not text: a spreadsheet most likely computed the cell as a formula when the file was opened; type the original text again, not starting with =`;
  }
  // Everything below starts with a digit, a sign, a decimal point, t, f, $ or (; most text does not, and is done here.
  const isDigit = first >= 48 && first <= 57;
  const numeric = isDigit || first === 43 || first === 45 || first === 46;
  // t, f, T, F, $, (
  if (!numeric && first !== 116 && first !== 102 && first !== 84 && first !== 70 && first !== 36 && first !== 40) return null;
  const special = specialNumber(value);
  if (special) {
    return `${showValue(value)} reads as ${special.kind} to a spreadsheet with 'detect special numbers' on, which would save it as ${special.saved}; reword it (add a word, say) so that it survives a spreadsheet`;
  }
  if (!numeric) return null;
  const day = spreadsheetDay(value);
  if (day) {
    // A month typed as words became its first day: name the month alone then.
    const words = formatDate(`${day.year}-${pad(day.month)}-${pad(day.day)}`, day.day === 1 ? "month" : "day", localeDataOf("en"));
    return `${showValue(value)} is a date as a spreadsheet writes it (${day.order}), not text: a spreadsheet most likely turned the text "${words}" into a date; type the text again, and ${SETTING}`;
  }
  if (time.test(value)) {
    return `${showValue(value)} is a time as a spreadsheet writes it, not text: a spreadsheet most likely turned the text into a time; type the text again, and ${SETTING}`;
  }
  if (numberLike.test(value)) {
    const saved = savedNumber(value);
    if (saved !== null) {
      return `${showValue(value)} reads as a number to a spreadsheet, which would save it ${saved}; reword it (add a word, say) so that it survives a spreadsheet`;
    }
  }
  return null;
}

/**
 * Text that a spreadsheet detecting special numbers reads as a logical value, a percentage, an amount of money or a
 * negative number in brackets, and writes back in its own format (observed in Calc: false → FALSE, 95% → 95.00%,
 * $100 → $100.00, (5) → -5); null when the text is already in that format, or is none of these.
 */
function specialNumber(value: string): {kind: string; saved: string} | null {
  if (/^(true|false)$/i.test(value)) return value === value.toUpperCase() ? null : {kind: "a logical value", saved: value.toUpperCase()};
  let match = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(value);
  if (match) {
    const saved = `${Number(match[1]).toFixed(2)}%`;
    return saved === value ? null : {kind: "a percentage", saved};
  }
  match = /^\$(\d[\d,]*\.?\d*|\.\d+)$/.exec(value);
  if (match) {
    const saved = `$${Number(match[1].replaceAll(",", "")).toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2})}`;
    return saved === value ? null : {kind: "an amount of money", saved};
  }
  match = /^\((\d+\.?\d*|\.\d+)\)$/.exec(value);
  if (match) return {kind: "a negative number", saved: String(-Number(match[1]))};
  return null;
}

/**
 * How a spreadsheet would write back a cell it reads as a number, when that differs from the text: without a plus
 * sign, leading zeros or trailing decimal zeros, and with at most 15 significant digits (Calc keeps 15).
 */
function savedNumber(value: string): string | null {
  const digits = value.replace(/^[+-]/, "").replace(/[eE].*$/, "").replace(".", "").replace(/^0+/, "");
  if (digits.length > 15) return "rounded to 15 digits";
  const saved = String(Number(value));
  return saved === value ? null : `as ${saved}`;
}

/**
 * A hint for a value in a date column that failed as YYYY, YYYY-MM or YYYY-MM-DD but looks like a date a spreadsheet
 * wrote (06/01/2003, 01.06.2003, 2003-06-01 00:00:00); null otherwise.
 */
export function spreadsheetDateHint(value: string): string | null {
  const day = spreadsheetDay(value);
  if (!day) return null;
  const month = `${day.year}-${pad(day.month)}`;
  const iso = `${month}-${pad(day.day)}`;
  // A spreadsheet that reads a month (2014-10) as a date keeps its first day: then the source may have given either.
  const was = day.day === 1 ? `the month ${month} (or the day ${iso})` : `the day ${iso}`;
  const retype = day.day === 1 ? `${month}, or ${iso} if the source gives the day` : iso;
  return `it looks like a spreadsheet turned ${was} into the date ${value} (${day.order}); type it again as ${retype}, and ${SETTING}`;
}

