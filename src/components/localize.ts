// The published datasets as a reader of the current language sees them: their words from data/ translated
// (data/translations.csv, through dataText) and their date labels made again in the language (the datasets' own are
// English). Names that charts also match rows by (country, institution, force) stay as they are: the charts translate
// them where they show them. English is returned as it is.
import type {Datasets, SourceRef} from "../lib/contracts.js";
import {currentLanguage, dataText, hasDataText} from "../lib/i18n.js";
import {fieldworkRange} from "./format.js";

const maybe = (text: string | null) => (text === null ? null : dataText(text));

export function localizeDatasets(data: Datasets): Datasets {
  if (currentLanguage() === "en") return data;
  const sources = new Map<string, SourceRef>();
  // One translated reference per source, as the datasets share one per source.
  const source = <T extends SourceRef>(ref: T): T => {
    if (!sources.has(ref.id)) sources.set(ref.id, {...ref, publisher: dataText(ref.publisher)});
    return {...ref, ...sources.get(ref.id)} as T;
  };
  const range = (start: string, end: string, precision: "year" | "month" | "day") => fieldworkRange({iso: start, precision}, {iso: end, precision});
  return {
    ...data,
    polls: data.polls.map((p) => ({...p, pollsterName: dataText(p.pollsterName), fieldworkLabel: range(p.fieldworkStart, p.fieldworkEnd, p.datePrecision), note: maybe(p.note), source: source(p.source)})),
    troops: data.troops.map((t) => ({...t, dateLabel: dataText(t.dateLabel), note: maybe(t.note), source: source(t.source)})),
    events: data.events.map((e) => ({...e, title: dataText(e.title), note: maybe(e.note), source: source(e.source)})),
    members: data.members.map((m) => ({...m, source: source(m.source)})),
    sources: data.sources.map((s) => ({...source(s), via: s.via && source(s.via), note: maybe(s.note)})),
    surveys: data.surveys.map((s) => ({
      ...s,
      name: dataText(s.name),
      question: dataText(s.question),
      population: dataText(s.population),
      mode: dataText(s.mode),
      // The source's own words when a date could not say it ("second half of October 2015"), otherwise the dates.
      fieldworkLabel: hasDataText(s.fieldworkLabel) ? dataText(s.fieldworkLabel) : range(s.fieldworkStart, s.fieldworkEnd, s.datePrecision),
      note: maybe(s.note),
      source: source(s.source)
    })),
    regionalSupport: data.regionalSupport.map((r) => ({...r, note: maybe(r.note), source: source(r.source)})),
    protectionThreat: data.protectionThreat.map((r) => ({...r, note: maybe(r.note), source: source(r.source), noteSources: r.noteSources.map(source)})),
    institutionTrust: data.institutionTrust.map((r) => ({...r, note: maybe(r.note), source: source(r.source)}))
  };
}
