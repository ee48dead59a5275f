// Loads the published datasets in a page. (FileAttachment resolves these paths relative to this module.)
import {FileAttachment} from "observablehq:stdlib";
import type {Datasets} from "../lib/contracts.js";

/** In `npm run dev`, a loader given invalid data returns {dataError}; the page shows that message instead of charts. */
function rejectDataError<T>(value: T | {dataError: string}): T {
  if (value && typeof value === "object" && "dataError" in value) throw new Error(`The data did not validate. ${value.dataError}`);
  return value as T;
}

export async function loadDatasets(): Promise<Datasets> {
  // Literal names, one call each: Framework finds the files a page needs by reading these calls.
  const [polls, troops, events, members, sources, invasion, surveys, regionalSupport, protectionThreat, institutionTrust, natoMap] = (
    await Promise.all([
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
    ])
  ).map(rejectDataError);
  return {polls, troops, events, members, sources, invasion, surveys, regionalSupport, protectionThreat, institutionTrust, natoMap};
}
