// Every published dataset's file under /data/ (name.json), by its key in Datasets: the config, /methods and the
// catalogue read it. Apart from contracts.ts so that a page can list the files without loading zod.
import type {Datasets} from "./contracts.js";

export const datasetFiles: Record<keyof Datasets, string> = {
  polls: "polls",
  troops: "troops",
  events: "events",
  members: "members",
  sources: "sources",
  invasion: "invasion",
  surveys: "surveys",
  regionalSupport: "regional-support",
  protectionThreat: "protection-threat",
  institutionTrust: "institution-trust",
  natoMap: "nato-map"
};
