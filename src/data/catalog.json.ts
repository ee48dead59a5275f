// What each published dataset holds: its fields and types (read from the zod schemas) and its row count.
import {z} from "zod";
import {buildDatasets} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";
import {
  eventSchema,
  institutionTrustSchema,
  invasionSchema,
  memberSchema,
  natoMapSchema,
  pollSchema,
  protectionThreatSchema,
  regionalSupportSchema,
  sourceSchema,
  surveySchema,
  troopSchema
} from "../lib/contracts.ts";
import {datasetFiles} from "../lib/dataset-files.ts";

/** A reader's name for a zod type: "number", "text", "one of: pre, post", "[number, number]", "object". */
function describeType(schema: z.ZodType): string {
  const def = (schema as unknown as {def: {type: string; innerType?: z.ZodType; entries?: Record<string, string>; items?: z.ZodType[]}}).def;
  switch (def.type) {
    case "string":
      return "text";
    case "nullable":
      return `${describeType(def.innerType!)} or null`;
    case "enum":
      return `one of: ${Object.values(def.entries!).join(", ")}`;
    case "tuple":
      return `[${def.items!.map(describeType).join(", ")}]`;
    default:
      return def.type;
  }
}

const fields = (schema: z.ZodObject) => Object.entries(schema.shape).map(([name, type]) => ({name, type: describeType(type as z.ZodType)}));

emitJson((tables) => {
  const data = buildDatasets(tables);
  // Each source table is downloaded under its file's name in data/ (/data/regional-support.csv).
  const entry = (key: keyof typeof datasetFiles, description: string, rows: number, schema: z.ZodObject, hasTable = true) => ({
    name: datasetFiles[key],
    description,
    rows,
    fields: fields(schema),
    table: hasTable ? datasetFiles[key] : null
  });
  return [
    entry("polls", "One row per opinion poll on NATO membership", data.polls.length, pollSchema),
    entry("troops", "Dated troop figures: KFOR levels, reinforcements and targets, and Kosovo's planned army", data.troops.length, troopSchema),
    entry("events", "Dated events the charts annotate", data.events.length, eventSchema),
    entry("members", "NATO's members, accession year and recognition of Kosovo", data.members.length, memberSchema),
    entry("sources", "Every cited source", data.sources.length, sourceSchema),
    entry("invasion", "The before/after analysis at the default settings (one object)", 1, invasionSchema, false),
    entry("surveys", "Surveys other than the national membership polls: what each asked, of whom, when and how", data.surveys.length, surveySchema),
    entry("regionalSupport", "Support for NATO membership in six Western Balkan countries in a regional survey, a different question from the national polls; the earlier edition's share is derived from the stated change", data.regionalSupport.length, regionalSupportSchema),
    entry("protectionThreat", "Whether NATO is seen as protection or a threat, by country (not support for membership); the no-answer share is derived", data.protectionThreat.length, protectionThreatSchema),
    entry("institutionTrust", "Trust in security institutions in Kosovo, KFOR among them (not support for membership)", data.institutionTrust.length, institutionTrustSchema),
    entry("natoMap", "The NATO map's shapes, projected: Natural Earth's boundaries (public domain) in two panels, Europe and North America (one object)", 1, natoMapSchema, false)
  ];
});
