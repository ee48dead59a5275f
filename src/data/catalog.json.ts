// What each published dataset holds: its fields and types (read from the zod schemas) and its row count.
import {z} from "zod";
import {buildDatasets} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";
import {eventSchema, invasionSchema, memberSchema, natoMapSchema, pollSchema, sourceSchema, troopSchema} from "../lib/contracts.ts";

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
  return [
    {name: "polls", description: "One row per opinion poll on NATO membership", rows: data.polls.length, fields: fields(pollSchema), table: "polls"},
    {name: "troops", description: "Dated troop figures: KFOR levels, reinforcements and targets, and Kosovo's planned army", rows: data.troops.length, fields: fields(troopSchema), table: "troops"},
    {name: "events", description: "Dated events the charts annotate", rows: data.events.length, fields: fields(eventSchema), table: "events"},
    {name: "members", description: "NATO's members, accession year and recognition of Kosovo", rows: data.members.length, fields: fields(memberSchema), table: "members"},
    {name: "sources", description: "Every cited source", rows: data.sources.length, fields: fields(sourceSchema), table: "sources"},
    {name: "invasion", description: "The before/after analysis at the default settings (one object)", rows: 1, fields: fields(invasionSchema), table: null},
    {name: "nato-map", description: "The NATO map's shapes, projected: Natural Earth's boundaries (public domain) in two panels, Europe and North America (one object)", rows: 1, fields: fields(natoMapSchema), table: null}
  ];
});
