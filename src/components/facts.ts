// Facts the pages, headlines and charts share, kept apart from the chart modules so a page can state them
// without loading Plot.
import type {Datasets, Troop} from "../lib/contracts.js";
import {toDate} from "./format.js";

export const notRecognising = (data: Datasets) => data.members.filter((m) => !m.recognizesKosovo);

/** The last day a dated figure can refer to: "2024" reaches to 31 December, "January 2024" only to the 31st of January. */
function periodEndTime({date, datePrecision}: Pick<Troop, "date" | "datePrecision">): number {
  const start = toDate(date);
  if (datePrecision === "day") return start.getTime();
  const end = new Date(start);
  if (datePrecision === "month") end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end.getTime() - 1;
}

/** KFOR's strength as stated at each date: levels only, not reinforcements or planned targets. */
export const kforLevels = (troops: Troop[]) => troops.filter((t) => t.force === "KFOR" && t.kind === "level");

/** The most recent KFOR level, judged by the end of the period each figure refers to. */
export function currentKforStrength(troops: Troop[]): Troop | undefined {
  return kforLevels(troops).reduce<Troop | undefined>((latest, t) => (!latest || periodEndTime(t) >= periodEndTime(latest) ? t : latest), undefined);
}

/** The largest KFOR level on record (the first, if two are equal). */
export function largestKforStrength(troops: Troop[]): Troop | undefined {
  return kforLevels(troops).reduce<Troop | undefined>((largest, t) => (!largest || t.troops > largest.troops ? t : largest), undefined);
}
