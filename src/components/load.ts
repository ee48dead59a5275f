// Loads the published datasets in a page. (FileAttachment resolves these paths relative to this module.)
import {FileAttachment} from "observablehq:stdlib";
import type {Datasets} from "../lib/contracts.js";

export async function loadDatasets(): Promise<Datasets> {
  const [polls, troops, events, members, sources, invasion] = await Promise.all([
    FileAttachment("../data/polls.json").json(),
    FileAttachment("../data/troops.json").json(),
    FileAttachment("../data/events.json").json(),
    FileAttachment("../data/members.json").json(),
    FileAttachment("../data/sources.json").json(),
    FileAttachment("../data/invasion.json").json()
  ]);
  return {polls, troops, events, members, sources, invasion};
}
