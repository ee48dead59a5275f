// Synthetic but valid poll rows, for the scale benchmark and the 100,000-row corpus case.
// Deterministic, so a failure or a slow run can be reproduced exactly.

/** A source id that exists in data/sources.csv: every synthetic row must pass the reference check. */
export const SYNTHETIC_SOURCE = "iri-kosovo-2021-09";

/** Polls per pollster: the number of pollsters grows with the rows, so per-pollster work that scans all rows shows up as superlinear. */
export const POLLS_PER_POLLSTER = 20;

export const POLL_HEADER = "id,pollster,pollsterName,fieldworkStart,fieldworkEnd,sampleSize,support,opposed,neutral,source,note";

const pad = (value: number) => String(value).padStart(2, "0");

/** One valid data row of polls.csv (no line break). */
export function syntheticPollRow(i: number): string {
  // Months from January 2000 over 30 years, stepping by 7 so that each pollster's polls fall both before and after 2022.
  const month = (i * 7) % 360;
  const year = 2000 + Math.floor(month / 12);
  const startMonth = (month % 12) + 1;
  let start = `${year}-${pad(startMonth)}`;
  let end = start;
  if (i % 5 === 0) {
    // Day precision, within one month.
    const day = (i % 27) + 1;
    start = `${year}-${pad(startMonth)}-${pad(day)}`;
    end = `${year}-${pad(startMonth)}-${pad(day + 1)}`;
  } else if (i % 3 === 0 && startMonth < 12) {
    end = `${year}-${pad(startMonth + 1)}`; // two-month fieldwork, as in "February–March 2023"
  }
  // Shares in tenths of a point so that they sum to exactly 100 without floating-point drift.
  const support = 700 + (i % 200);
  const opposed = i % 70;
  const neutral = 1000 - support - opposed;
  const pollster = Math.floor(i / POLLS_PER_POLLSTER);
  // Every tenth row carries a quoted note with a comma and an escaped quote, as real notes do.
  const note = i % 10 === 0 ? `"Synthetic note ${i}, with ""quotes"""` : "";
  return [
    `synthetic-${i}`,
    `P${pollster}`,
    `Synthetic pollster ${pollster}`,
    start,
    end,
    500 + ((i * 37) % 1500),
    (support / 10).toFixed(1),
    (opposed / 10).toFixed(1),
    (neutral / 10).toFixed(1),
    SYNTHETIC_SOURCE,
    note
  ].join(",");
}

/** A whole polls.csv with `count` synthetic rows. */
export function syntheticPollsCsv(count: number): string {
  const lines = [POLL_HEADER];
  for (let i = 0; i < count; i++) lines.push(syntheticPollRow(i));
  return lines.join("\n") + "\n";
}
