// Facts about the surveys other than the national membership polls, for their charts and for the pages' prose
// (which must not load Plot). Nothing here reads into the national series; it only reads from it, to compare.
import type {Datasets, InstitutionTrust, Poll, ProtectionThreat, RegionalSupport, Survey} from "../lib/contracts.js";
import {KOSOVO} from "../lib/places.js";
import {dataText, t, tn} from "../lib/i18n.js";
import {formatCount, formatPercent, toDate} from "./format.js";

function surveyById(data: Datasets, id: string): Survey {
  const survey = data.surveys.find((s) => s.id === id);
  if (!survey) throw new Error(`no survey ${JSON.stringify(id)}`); // unreachable after validation
  return survey;
}

/** The rows of the most recent survey (by fieldwork start) among those the rows come from, with that survey. */
function latestRows<T extends {survey: string}>(data: Datasets, rows: T[]): {survey: Survey; rows: T[]} {
  const surveys = [...new Set(rows.map((row) => row.survey))].map((id) => surveyById(data, id));
  const survey = surveys.sort((a, b) => b.fieldworkStart.localeCompare(a.fieldworkStart))[0];
  if (!survey) throw new Error("no survey rows"); // unreachable: every table has a row after validation
  return {survey, rows: rows.filter((row) => row.survey === survey.id)};
}

/** The latest edition of the regional poll: a new edition added to data/ replaces the last on the chart and the page. */
export const latestRegionalSupport = (data: Datasets) => latestRows<RegionalSupport>(data, data.regionalSupport);
export const latestProtectionThreat = (data: Datasets) => latestRows<ProtectionThreat>(data, data.protectionThreat);
export const latestInstitutionTrust = (data: Datasets) => latestRows<InstitutionTrust>(data, data.institutionTrust);

/** The first year of a survey's fieldwork: "2024" for a poll run February to March 2024. */
export const surveyYear = (survey: Survey) => survey.fieldworkStart.slice(0, 4);

/** "1,070", "about 1,000", or null when the source gives no sample size. */
export function sampleText(row: {sampleSize: number | null; sampleQualifier: string | null}): string | null {
  if (row.sampleSize === null) return null;
  return row.sampleQualifier === "about" ? t("format.qualifier.about", {count: formatCount(row.sampleSize)}) : formatCount(row.sampleSize);
}

/** Kosovo's row of a survey, if the survey asked in Kosovo. */
export const kosovoRow = <T extends {country: string}>(rows: T[]) => rows.find((row) => row.country === KOSOVO);

/** The ranks written in words ("survey-facts.ordinal.1" …); past them a rank is a number. */
const ORDINAL_WORDS = 10;

/** 1 → "first", 2 → "second" …: a rank in words, as prose and titles say it, in the page's language. */
export function ordinal(rank: number): string {
  return Number.isInteger(rank) && rank >= 1 && rank <= ORDINAL_WORDS ? t(`survey-facts.ordinal.${rank}`) : t("survey-facts.ordinal.other", {rank: formatCount(rank)});
}

/** Kosovo's rank among a survey's countries by support (1 = highest), counting ties as sharing the higher rank. */
export function kosovoRank(rows: RegionalSupport[]): number | null {
  const kosovo = kosovoRow(rows);
  return kosovo ? rows.filter((row) => row.support > kosovo.support).length + 1 : null;
}

/**
 * The national poll of Kosovo nearest in time to a regional survey (within a year of its fieldwork), so the page can
 * set the two figures side by side, with the reason they differ. It reads the national series and never writes to it.
 */
export function nearestNationalPoll(data: Datasets, survey: Survey): Poll | null {
  const mid = (toDate(survey.fieldworkStart).getTime() + toDate(survey.fieldworkEnd).getTime()) / 2;
  const distance = (poll: Poll) => Math.abs(toDate(poll.fieldworkMid).getTime() - mid);
  const YEAR = 365.25 * 24 * 3600 * 1000;
  const near = data.polls.filter((poll) => distance(poll) <= YEAR).sort((a, b) => distance(a) - distance(b));
  return near[0] ?? null;
}

/** The page's sentence on the regional poll: Kosovo's figure and place, the extremes, and why it is charted apart. */
export function regionalSummary(data: Datasets): string {
  const {survey, rows} = latestRegionalSupport(data);
  const kosovo = kosovoRow(rows);
  const lowest = rows[rows.length - 1];
  const rank = kosovoRank(rows);
  const vars = {survey: survey.name, fieldwork: survey.fieldworkLabel, lowest: dataText(lowest.country), lowestSupport: formatPercent(lowest.support)};
  if (!kosovo || !rank) return tn("survey-facts.regional.no-kosovo", rows.length, vars);
  const support = formatPercent(kosovo.support);
  return rank === 1 ? tn("survey-facts.regional.first", rows.length, {...vars, support}) : tn("survey-facts.regional.ranked", rows.length, {...vars, support, ordinal: ordinal(rank)});
}

/** The page's sentence on protection or threat: Kosovo beside the country that most sees a threat. */
export function protectionSummary(data: Datasets): string {
  const {survey, rows} = latestProtectionThreat(data);
  const kosovo = kosovoRow(rows);
  const threat = [...rows].sort((a, b) => b.threat - a.threat)[0];
  const vars = {survey: survey.name, fieldwork: survey.fieldworkLabel, country: dataText(threat.country), countryThreat: formatPercent(threat.threat)};
  return kosovo
    ? t("survey-facts.protection", {...vars, protection: formatPercent(kosovo.protection), threat: formatPercent(kosovo.threat)})
    : tn("survey-facts.protection.no-kosovo", rows.length, vars);
}

/** The page's sentence on trust in KFOR, as context for the troop figures. */
export function trustSummary(data: Datasets): string {
  const {survey, rows} = latestInstitutionTrust(data);
  const kfor = rows.find((row) => row.institution === "KFOR");
  const figures = rows.map((row) => t("survey-facts.trust.figure", {institution: dataText(row.institution), trust: formatPercent(row.trust)})).join(", ");
  const vars = {survey: survey.name, fieldwork: survey.fieldworkLabel, figures};
  return kfor ? t("survey-facts.trust", {...vars, trust: formatPercent(kfor.trust)}) : t("survey-facts.trust.no-kfor", vars);
}
