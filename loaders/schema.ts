// The single definition of every data table: zod schemas that turn CSV text into typed rows.
import {z} from "zod";
import {eventCategories, forces, qualifiers, sampleQualifiers, troopKinds, type DatePrecision} from "../src/lib/contracts.ts";
import {showValue} from "./issues.ts";
import {spreadsheetDateHint, spreadsheetTextProblem} from "./spreadsheet.ts";

const MAX_TEXT = 1000;

function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({code: "custom", message});
  return z.NEVER as never;
}

/**
 * A line break inside a quoted cell is published as \n whatever the file used: a spreadsheet saves the CRLF an
 * editor on Windows wrote as LF, and the text a reader sees is the same.
 */
const lineBreaks = (value: string) => (value.includes("\r") ? value.replace(/\r\n?/g, "\n") : value);

/**
 * Required free text: not blank, not absurdly long, and nothing a spreadsheet rewrites (a formula, a number it would
 * save differently) or has rewritten (a date or time in its own format). Stored as given, line breaks as \n; pages
 * render it as text.
 */
export const text = z.string().transform((raw, ctx) => {
  if (raw.trim() === "") return fail(ctx, "is empty (a value is required)");
  if (raw.length > MAX_TEXT) return fail(ctx, `is ${raw.length} characters long, more than the limit of ${MAX_TEXT}`);
  const value = lineBreaks(raw.trim());
  const spreadsheet = spreadsheetTextProblem(value);
  if (spreadsheet) return fail(ctx, spreadsheet);
  return value;
});

/** Optional free text: a blank cell becomes null. */
export const optionalText = z.string().transform((raw, ctx) => {
  if (raw.trim() === "") return null;
  if (raw.length > MAX_TEXT) return fail(ctx, `is ${raw.length} characters long, more than the limit of ${MAX_TEXT}`);
  const value = lineBreaks(raw.trim());
  const spreadsheet = spreadsheetTextProblem(value);
  if (spreadsheet) return fail(ctx, spreadsheet);
  return value;
});

/** An identifier other rows refer to: lower-case letters, digits and hyphens. */
export const id = z.string().transform((raw, ctx) => {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(raw)) return fail(ctx, `${showValue(raw)} is not an id (lower-case letters, digits and single hyphens)`);
  // An id of digits alone with a leading zero (007) comes back from a spreadsheet as another id (7).
  const spreadsheet = spreadsheetTextProblem(raw);
  if (spreadsheet) return fail(ctx, spreadsheet);
  return raw;
});

/** A share in percent, 0–100. A trailing % (as spreadsheets write it) is allowed. */
export const percent = z.string().transform((raw, ctx) => {
  const value = parseDecimal(raw.trim().replace(/%$/, ""));
  if (value === null) return fail(ctx, `${showValue(raw)} is not a number`);
  if (value < 0) return fail(ctx, `${value} is below 0`);
  if (value > 100) return fail(ctx, `${value} is above 100`);
  return value;
});

/** A positive whole number written with digits only (no thousands separators, which are ambiguous). */
export const positiveInteger = z.string().transform((raw, ctx) => {
  const trimmed = raw.trim();
  if (!/^\d+$/.test(trimmed)) return fail(ctx, `${showValue(raw)} is not a whole number (digits only, no separators)`);
  const value = Number(trimmed);
  if (value <= 0) return fail(ctx, `${value} is not positive`);
  if (!Number.isSafeInteger(value)) return fail(ctx, `${showValue(raw)} is too large`);
  return value;
});

/** A blank cell as null, anything else parsed by `schema` (with its message when it fails). */
function blankOr<T>(schema: z.ZodType<T, string>) {
  return z.string().transform((raw, ctx) => {
    if (raw.trim() === "") return null;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fail(ctx, parsed.error.issues[0].message);
  });
}

/** An optional sample size: blank when the source gives none. */
const optionalPositiveInteger = blankOr(positiveInteger);

/**
 * A change in percentage points as a source states it: "+13", "-1", "0"; blank when the source states none. Only the
 * ASCII signs: a typographic minus (−) or dash pasted from a report is refused by name, since it is easily missed.
 */
const optionalPointChange = z.string().transform((raw, ctx) => {
  const value = raw.trim();
  if (value === "") return null;
  if (/^[\u2212\u2013\u2014]/.test(value)) return fail(ctx, `${showValue(raw)} starts with a typographic minus or dash; write the change with a plain hyphen-minus (-1)`);
  if (!/^[+-]?\d+(\.\d+)?$/.test(value)) return fail(ctx, `${showValue(raw)} is not a change in points (such as +13, -1 or 0)`);
  const points = Number(value);
  if (Math.abs(points) > 100) return fail(ctx, `${value} points is more than a share can change`);
  return points;
});

export const year = z.string().transform((raw, ctx) => {
  if (!/^\d{4}$/.test(raw.trim())) return fail(ctx, `${showValue(raw)} is not a four-digit year`);
  return Number(raw.trim());
});

function parseDecimal(raw: string): number | null {
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(raw)) return null;
  return Number(raw);
}


/** A calendar date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = z.string().transform((raw, ctx) => {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw.trim());
  if (!match) {
    const hint = spreadsheetDateHint(raw.trim());
    return fail(ctx, `${showValue(raw)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)${hint ? `: ${hint}` : ""}`);
  }
  const [, y, m, d] = match;
  const month = m === undefined ? 1 : Number(m);
  if (month < 1 || month > 12) return fail(ctx, `${raw} has no month ${m}`);
  if (d !== undefined) {
    const day = Number(d);
    if (day < 1 || day > daysInMonth(Number(y), month)) return fail(ctx, `${raw} is not a calendar date`);
  }
  const precision: DatePrecision = d !== undefined ? "day" : m !== undefined ? "month" : "year";
  return {text: raw.trim(), precision};
});
export type PartialDate = z.infer<typeof partialDate>;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {error: (issue) => `${showValue(String(issue.input))} is not one of: ${values.join(", ")}`});

const optionalYear = blankOr(year);

const optionalSampleQualifier = z.string().transform((raw, ctx) => {
  const value = raw.trim();
  if (value === "") return null;
  const known = sampleQualifiers.find((q) => q === value);
  return known ?? fail(ctx, `${showValue(raw)} is not one of: ${sampleQualifiers.join(", ")} (or blank with no sample size)`);
});

/** Source ids separated by spaces, for a note that cites sources of its own; blank for none. */
const idList = z.string().transform((raw, ctx) => {
  const ids = raw.trim() === "" ? [] : raw.trim().split(/\s+/);
  for (const value of ids) {
    const parsed = id.safeParse(value);
    if (!parsed.success) return fail(ctx, parsed.error.issues[0].message);
  }
  if (new Set(ids).size !== ids.length) return fail(ctx, `${showValue(raw)} names a source twice`);
  return ids;
});

const yesNo = z.string().transform((raw, ctx) => {
  const value = raw.trim().toLowerCase();
  if (value === "yes") return true;
  if (value === "no") return false;
  return fail(ctx, `${showValue(raw)} is not yes or no`);
});


/** A web address, if given, must be http(s): it becomes a link on the page. */
const optionalUrl = z.string().transform((raw, ctx) => {
  const value = raw.trim();
  if (value === "") return null;
  if (!/^https?:\/\/[^\s"<>]+$/.test(value)) return fail(ctx, `${showValue(raw)} is not an http(s) address`);
  return value;
});

const optionalPartialDate = blankOr(partialDate);

export const sourceRow = z.object({
  id,
  title: text,
  publisher: text,
  published: optionalPartialDate,
  url: optionalUrl,
  via: z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") return null;
    const spreadsheet = spreadsheetTextProblem(value);
    if (spreadsheet) return fail(ctx, spreadsheet);
    return value;
  }),
  note: optionalText
});

export const pollRow = z.object({
  id,
  pollster: text,
  pollsterName: text,
  fieldworkStart: partialDate,
  fieldworkEnd: partialDate,
  sampleSize: positiveInteger,
  support: percent,
  opposed: percent,
  neutral: percent,
  source: text,
  note: optionalText
});

export const troopRow = z.object({
  date: partialDate,
  dateLabel: text,
  force: oneOf(forces),
  troops: positiveInteger,
  qualifier: oneOf(qualifiers),
  kind: oneOf(troopKinds),
  source: text,
  note: optionalText
});

export const eventRow = z.object({
  date: partialDate,
  title: text,
  category: oneOf(eventCategories),
  source: text,
  note: optionalText
});

export const memberRow = z.object({
  country: text,
  joined: year,
  recognizesKosovo: yesNo,
  source: text
});

/** A survey other than the national membership polls: what it asked, of whom, when and how. */
export const surveyRow = z.object({
  id,
  name: text,
  question: text,
  population: text,
  fieldworkStart: partialDate,
  fieldworkEnd: partialDate,
  /** Fieldwork in the source's words when a date cannot say it ("second half of October 2015"). */
  fieldworkNote: optionalText,
  mode: text,
  /** The year of the earlier edition the source states changes against; blank when it states none. */
  comparedWith: optionalYear,
  source: text,
  note: optionalText
});

/** One country's support for NATO membership in a regional survey (not the national question of polls.csv). */
export const regionalSupportRow = z.object({
  survey: text,
  country: text,
  support: percent,
  /** Points since the survey's comparedWith edition, as stated; blank when the source states none. */
  change: optionalPointChange,
  sampleSize: optionalPositiveInteger,
  sampleQualifier: optionalSampleQualifier,
  source: text,
  note: optionalText
});

/** Whether people see NATO as protection or a threat: a different question from membership. */
export const protectionThreatRow = z.object({
  survey: text,
  country: text,
  protection: percent,
  threat: percent,
  neither: percent,
  sampleSize: optionalPositiveInteger,
  sampleQualifier: optionalSampleQualifier,
  source: text,
  note: optionalText,
  /** Sources the note itself cites (another reading of the same figures). */
  noteSources: idList
});

/** Trust in an institution: not support for membership. */
export const institutionTrustRow = z.object({
  survey: text,
  institution: text,
  trust: percent,
  sampleSize: optionalPositiveInteger,
  sampleQualifier: optionalSampleQualifier,
  source: text,
  note: optionalText
});

export type SourceRow = z.infer<typeof sourceRow>;
export type PollRow = z.infer<typeof pollRow>;
export type TroopRow = z.infer<typeof troopRow>;
export type EventRow = z.infer<typeof eventRow>;
export type MemberRow = z.infer<typeof memberRow>;
export type SurveyRow = z.infer<typeof surveyRow>;
export type RegionalSupportRow = z.infer<typeof regionalSupportRow>;
export type ProtectionThreatRow = z.infer<typeof protectionThreatRow>;
export type InstitutionTrustRow = z.infer<typeof institutionTrustRow>;

/** Every table in data/: its file name and its row schema. */
export const tables = {
  sources: {file: "sources.csv", row: sourceRow},
  polls: {file: "polls.csv", row: pollRow},
  troops: {file: "troops.csv", row: troopRow},
  events: {file: "events.csv", row: eventRow},
  members: {file: "members.csv", row: memberRow},
  surveys: {file: "surveys.csv", row: surveyRow},
  regionalSupport: {file: "regional-support.csv", row: regionalSupportRow},
  protectionThreat: {file: "protection-threat.csv", row: protectionThreatRow},
  institutionTrust: {file: "institution-trust.csv", row: institutionTrustRow}
} as const;
