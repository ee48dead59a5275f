// Builds the published datasets (the src/data/*.json contracts) from the validated tables.
import * as aq from "arquero";
import type {Datasets, Event, InstitutionTrust, Member, Poll, ProtectionThreat, RegionalSupport, Source, SourceRef, Survey, Troop} from "../src/lib/contracts.ts";
import {periodEnd, periodStart} from "./dates.ts";
import {analyseInvasion, classifyPeriod, defaultSettings} from "../src/lib/invasion.ts";
import type {PartialDate, SourceRow} from "./schema.ts";
import {shareInterval} from "../src/lib/stats.ts";
import type {Tables} from "./dataset.ts";
import {fieldworkRange} from "../src/components/format.ts";
import {localeDataOf} from "./messages.ts";
import {buildNatoMap} from "./geo.ts";

/** "October 2014", "February–March 2023", "May 2024": the fieldwork in English, as the published datasets give it. */
export function fieldworkLabel(start: PartialDate, end: PartialDate): string {
  return fieldworkRange({iso: periodStart(start), precision: start.precision}, {iso: periodStart(end), precision: end.precision}, localeDataOf("en"));
}

/**
 * The middle day of the fieldwork (the earlier one when it falls between two), as YYYY-MM-DD.
 * Built from the date's parts rather than Date.parse and toISOString, which took three times as
 * long at 100,000 polls; setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
 */
function midpoint(startIso: string, endIso: string): string {
  const utc = (iso: string) => new Date(0).setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const mid = new Date((utc(startIso) + utc(endIso)) / 2);
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(mid.getUTCFullYear(), 4)}-${pad(mid.getUTCMonth() + 1, 2)}-${pad(mid.getUTCDate(), 2)}`;
}

const precisionOrder = ["year", "month", "day"];
const coarser = (a: PartialDate, b: PartialDate) => (precisionOrder.indexOf(a.precision) <= precisionOrder.indexOf(b.precision) ? a.precision : b.precision);

function sourceLookup(sources: SourceRow[]): (id: string) => SourceRef {
  // One reference object per source, shared by the rows that cite it: 100,000 polls need not make 100,000 copies.
  const byId = new Map(sources.map((s): [string, SourceRef] => [s.id, {id: s.id, title: s.title, publisher: s.publisher, published: s.published?.text ?? null, url: s.url}]));
  return (id) => {
    const source = byId.get(id);
    if (!source) throw new Error(`unknown source ${id}`); // unreachable after validation
    return source;
  };
}

export function buildPolls({polls, sources}: Tables): Poll[] {
  const sourceRef = sourceLookup(sources);
  const withLead = aq
    .from(polls)
    .derive({lead: (d: {support: number; opposed: number}) => d.support - d.opposed})
    .objects() as (Tables["polls"][number] & {lead: number})[];
  return withLead
    .map((row) => {
      const fieldworkStart = periodStart(row.fieldworkStart);
      const fieldworkEnd = periodEnd(row.fieldworkEnd);
      const supportCi = shareInterval(row.support, row.sampleSize);
      return {
        id: row.id,
        pollster: row.pollster,
        pollsterName: row.pollsterName,
        fieldworkStart,
        fieldworkEnd,
        fieldworkMid: midpoint(fieldworkStart, fieldworkEnd),
        datePrecision: coarser(row.fieldworkStart, row.fieldworkEnd),
        fieldworkLabel: fieldworkLabel(row.fieldworkStart, row.fieldworkEnd),
        sampleSize: row.sampleSize,
        support: row.support,
        opposed: row.opposed,
        neutral: row.neutral,
        lead: roundPoints(row.lead),
        period: classifyPeriod({fieldworkStart, fieldworkEnd}, defaultSettings.cutoff),
        supportCi,
        supportMargin: (supportCi[1] - supportCi[0]) / 2,
        source: sourceRef(row.source),
        note: row.note
      };
    })
    .sort((a, b) => a.fieldworkMid.localeCompare(b.fieldworkMid) || a.id.localeCompare(b.id));
}

/** Removes binary floating-point noise from differences of one-decimal shares (88.7 − 8.7). */
const roundPoints = (value: number) => Math.round(value * 1e6) / 1e6;

export function buildTroops({troops, sources}: Tables): Troop[] {
  const sourceRef = sourceLookup(sources);
  return aq
    .from(troops.map((row) => ({...row, sortKey: periodStart(row.date)})))
    .orderby("sortKey")
    .objects()
    .map((row) => {
      const r = row as Tables["troops"][number];
      return {
        date: periodStart(r.date),
        datePrecision: r.date.precision,
        dateLabel: r.dateLabel,
        force: r.force,
        troops: r.troops,
        qualifier: r.qualifier,
        kind: r.kind,
        source: sourceRef(r.source),
        note: r.note
      };
    });
}

export function buildEvents({events, sources}: Tables): Event[] {
  const sourceRef = sourceLookup(sources);
  return events
    .map((row) => ({date: periodStart(row.date), datePrecision: row.date.precision, title: row.title, category: row.category, source: sourceRef(row.source), note: row.note}))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export function buildMembers({members, sources}: Tables): Member[] {
  const sourceRef = sourceLookup(sources);
  return members
    .map((row) => ({country: row.country, joined: row.joined, recognizesKosovo: row.recognizesKosovo, source: sourceRef(row.source)}))
    .sort((a, b) => a.joined - b.joined || a.country.localeCompare(b.country));
}

export function buildSources({sources}: Tables): Source[] {
  const sourceRef = sourceLookup(sources);
  return sources.map((row) => ({...sourceRef(row.id), via: row.via ? sourceRef(row.via) : null, note: row.note}));
}

export function buildSurveys({surveys, sources}: Tables): Survey[] {
  const sourceRef = sourceLookup(sources);
  return surveys.map((row) => ({
    id: row.id,
    name: row.name,
    question: row.question,
    population: row.population,
    fieldworkStart: periodStart(row.fieldworkStart),
    fieldworkEnd: periodEnd(row.fieldworkEnd),
    datePrecision: coarser(row.fieldworkStart, row.fieldworkEnd),
    fieldworkLabel: row.fieldworkNote ?? fieldworkLabel(row.fieldworkStart, row.fieldworkEnd),
    mode: row.mode,
    comparedWith: row.comparedWith,
    source: sourceRef(row.source),
    note: row.note
  }));
}

/** Support in each country, highest first; the earlier edition's share is derived from the stated change, never typed. */
export function buildRegionalSupport(tables: Tables): RegionalSupport[] {
  const sourceRef = sourceLookup(tables.sources);
  const surveyStartYear = new Map(tables.surveys.map((s) => [s.id, Number(s.fieldworkStart.text.slice(0, 4))]));
  const joined = new Map(tables.members.map((m) => [m.country, m.joined]));
  return tables.regionalSupport
    .map((row) => {
      const joinedIn = joined.get(row.country);
      return {
        survey: row.survey,
        country: row.country,
        natoMember: joinedIn !== undefined && joinedIn <= surveyStartYear.get(row.survey)!,
        support: row.support,
        change: row.change,
        derivedEarlierSupport: row.change === null ? null : roundPoints(row.support - row.change),
        sampleSize: row.sampleSize,
        sampleQualifier: row.sampleQualifier,
        source: sourceRef(row.source),
        note: row.note
      };
    })
    .sort((a, b) => a.survey.localeCompare(b.survey) || b.support - a.support || a.country.localeCompare(b.country));
}

export function buildProtectionThreat({protectionThreat, sources}: Tables): ProtectionThreat[] {
  const sourceRef = sourceLookup(sources);
  return protectionThreat.map((row) => ({
    survey: row.survey,
    country: row.country,
    protection: row.protection,
    threat: row.threat,
    neither: row.neither,
    // Rounded shares may sum to just over 100 (within the tolerance validation allows): then nobody is left unanswered.
    derivedNoAnswer: Math.max(0, roundPoints(100 - row.protection - row.threat - row.neither)),
    sampleSize: row.sampleSize,
    sampleQualifier: row.sampleQualifier,
    source: sourceRef(row.source),
    note: row.note,
    noteSources: row.noteSources.map(sourceRef)
  }));
}

export function buildInstitutionTrust({institutionTrust, sources}: Tables): InstitutionTrust[] {
  const sourceRef = sourceLookup(sources);
  return institutionTrust
    .map((row) => ({
      survey: row.survey,
      institution: row.institution,
      trust: row.trust,
      trustCi: row.sampleSize === null ? null : shareInterval(row.trust, row.sampleSize),
      sampleSize: row.sampleSize,
      sampleQualifier: row.sampleQualifier,
      source: sourceRef(row.source),
      note: row.note
    }))
    .sort((a, b) => b.trust - a.trust || a.institution.localeCompare(b.institution));
}

/** All published datasets at once, as the pages see them: for the export command, build-time charts and tests. */
export function buildDatasets(tables: Tables): Datasets {
  const polls = buildPolls(tables);
  return {
    polls,
    troops: buildTroops(tables),
    events: buildEvents(tables),
    members: buildMembers(tables),
    sources: buildSources(tables),
    invasion: analyseInvasion(polls),
    surveys: buildSurveys(tables),
    regionalSupport: buildRegionalSupport(tables),
    protectionThreat: buildProtectionThreat(tables),
    institutionTrust: buildInstitutionTrust(tables),
    natoMap: buildNatoMap(tables)
  };
}
