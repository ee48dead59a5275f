// Loads the published datasets in a page, and the words of the page's language. (FileAttachment resolves these paths
// relative to this module.)
import {FileAttachment} from "observablehq:stdlib";
import type {Datasets} from "../lib/contracts.js";
import {languageOfPath, useLanguage, type Catalogue, type Lang, type LocaleData} from "../lib/i18n.js";

/** In `npm run dev`, a loader given invalid data returns {dataError}; the page shows that message instead of charts. */
function rejectDataError<T>(value: T | {dataError: string}): T {
  if (value && typeof value === "object" && "dataError" in value) throw new Error(`The data did not validate. ${value.dataError}`);
  return value as T;
}

// Literal names, one call each: Framework finds the files a page needs by reading these calls. Only the page's own
// language is fetched.
const messageFiles: Record<Lang, () => ReturnType<typeof FileAttachment>> = {
  en: () => FileAttachment("../data/messages-en.json"),
  sq: () => FileAttachment("../data/messages-sq.json"),
  "sr-latn": () => FileAttachment("../data/messages-sr-latn.json"),
  "sr-cyrl": () => FileAttachment("../data/messages-sr-cyrl.json")
};

/** The page's language (from its address: /sq/…) and its catalogue, in use for everything the page draws from now on. */
async function loadLanguage(): Promise<void> {
  const lang = languageOfPath(location.pathname);
  const {messages, locale} = (await messageFiles[lang]().json()) as {messages: Catalogue; locale: LocaleData};
  useLanguage(lang, messages, locale);
}

export async function loadDatasets(): Promise<Datasets> {
  const [, polls, troops, events, members, sources, invasion, surveys, regionalSupport, protectionThreat, institutionTrust, natoMap] = await Promise.all([
    loadLanguage(),
    ...[
      FileAttachment("../data/polls.json").json(),
      FileAttachment("../data/troops.json").json(),
      FileAttachment("../data/events.json").json(),
      FileAttachment("../data/members.json").json(),
      FileAttachment("../data/sources.json").json(),
      FileAttachment("../data/invasion.json").json(),
      FileAttachment("../data/surveys.json").json(),
      FileAttachment("../data/regional-support.json").json(),
      FileAttachment("../data/protection-threat.json").json(),
      FileAttachment("../data/institution-trust.json").json(),
      FileAttachment("../data/nato-map.json").json()
    ].map((file) => file.then(rejectDataError))
  ]);
  const data = {polls, troops, events, members, sources, invasion, surveys, regionalSupport, protectionThreat, institutionTrust, natoMap};
  // English is the datasets' own language: only another language's pages fetch the code that translates them.
  if (languageOfPath(location.pathname) === "en") return data;
  const {localizeDatasets} = await import("./localize.js");
  return localizeDatasets(data);
}
