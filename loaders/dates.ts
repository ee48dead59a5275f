// Calendar helpers for dates known to a year, a month or a day.
import {daysInMonth, type PartialDate} from "./schema.ts";

/** First day of the period, as YYYY-MM-DD. */
export function periodStart({text}: PartialDate): string {
  const [y, m = "01", d = "01"] = text.split("-");
  return `${y}-${m}-${d}`;
}

/** Last day of the period, as YYYY-MM-DD. */
export function periodEnd({text, precision}: PartialDate): string {
  const [y, m = "12", d] = text.split("-");
  const day = precision === "day" ? d : String(daysInMonth(Number(y), Number(m))).padStart(2, "0");
  return `${y}-${m}-${day}`;
}
