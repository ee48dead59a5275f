// The shapes of the published datasets (src/data/*.json): zod schemas, so loaders, pages, tests and exports share one type.
// Under src/ because Framework bundles only modules inside its root; pages import these types too.
import {z} from "zod";
import {intervalMethods} from "./stats.js";

export const datePrecisions = ["year", "month", "day"] as const;
export type DatePrecision = (typeof datePrecisions)[number];
export const qualifiers = ["exact", "about", "more than", "under"] as const;
export const troopKinds = ["level", "reinforcement", "target"] as const;
export const forces = ["KFOR", "Kosovo army: regulars", "Kosovo army: reservists"] as const;
/** How exactly a source states a survey's sample: "1,070" or "about 1,000". */
export const sampleQualifiers = ["exact", "about"] as const;
export const eventCategories = ["kfor", "membership", "security", "ukraine", "serbia"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const interval = z.tuple([z.number(), z.number()]);

export const sourceRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  published: z.string().nullable(),
  url: z.string().nullable()
});

export const periods = ["pre", "post", "straddles"] as const;

export const pollSchema = z.object({
  id: z.string(),
  pollster: z.string(),
  pollsterName: z.string(),
  fieldworkStart: isoDate,
  fieldworkEnd: isoDate,
  /** Middle of fieldwork: where a poll sits on a time axis. */
  fieldworkMid: isoDate,
  datePrecision: z.enum(datePrecisions),
  fieldworkLabel: z.string(),
  sampleSize: z.number().int().positive(),
  support: z.number(),
  opposed: z.number(),
  neutral: z.number(),
  lead: z.number(),
  period: z.enum(periods),
  supportCi: interval,
  /** Half the width of supportCi, in points: the "±" a reader expects. */
  supportMargin: z.number(),
  source: sourceRefSchema,
  note: z.string().nullable()
});

export const troopSchema = z.object({
  date: isoDate,
  datePrecision: z.enum(datePrecisions),
  dateLabel: z.string(),
  force: z.enum(forces),
  troops: z.number().int().positive(),
  qualifier: z.enum(qualifiers),
  kind: z.enum(troopKinds),
  source: sourceRefSchema,
  note: z.string().nullable()
});

export const eventSchema = z.object({
  date: isoDate,
  datePrecision: z.enum(datePrecisions),
  title: z.string(),
  category: z.enum(eventCategories),
  source: sourceRefSchema,
  note: z.string().nullable()
});

export const memberSchema = z.object({
  country: z.string(),
  joined: z.number().int(),
  recognizesKosovo: z.boolean(),
  source: sourceRefSchema
});

/** A survey other than the national membership polls, with what it asked, so no chart can present it as another. */
export const surveySchema = z.object({
  id: z.string(),
  name: z.string(),
  question: z.string(),
  population: z.string(),
  fieldworkStart: isoDate,
  fieldworkEnd: isoDate,
  datePrecision: z.enum(datePrecisions),
  /** "February–March 2024", or the source's words ("second half of October 2015") when a date cannot say it. */
  fieldworkLabel: z.string(),
  mode: z.string(),
  /** The earlier edition the source states changes against; null when it states none. */
  comparedWith: z.number().int().nullable(),
  source: sourceRefSchema,
  note: z.string().nullable()
});

const sampleFields = {
  sampleSize: z.number().int().positive().nullable(),
  sampleQualifier: z.enum(sampleQualifiers).nullable()
};

export const regionalSupportSchema = z.object({
  survey: z.string(),
  country: z.string(),
  /** Whether the country was a NATO member when the survey's fieldwork began (from members). */
  natoMember: z.boolean(),
  support: z.number(),
  /** Points since the survey's comparedWith edition, as the source states it; null when it states none. */
  change: z.number().nullable(),
  /** DERIVED, never published: support − change, for the comparedWith edition; null without a stated change. */
  derivedEarlierSupport: z.number().nullable(),
  ...sampleFields,
  source: sourceRefSchema,
  note: z.string().nullable()
});

export const protectionThreatSchema = z.object({
  survey: z.string(),
  country: z.string(),
  protection: z.number(),
  threat: z.number(),
  neither: z.number(),
  /** DERIVED: 100 − the three shares, the people who gave no answer (never below 0). */
  derivedNoAnswer: z.number(),
  ...sampleFields,
  source: sourceRefSchema,
  note: z.string().nullable(),
  /** Sources the note cites: another reading of the same figures. */
  noteSources: z.array(sourceRefSchema)
});

export const institutionTrustSchema = z.object({
  survey: z.string(),
  institution: z.string(),
  trust: z.number(),
  /** 95% Wilson interval from the stated sample (design effect 1); null when the source gives no sample size. */
  trustCi: interval.nullable(),
  ...sampleFields,
  source: sourceRefSchema,
  note: z.string().nullable()
});

export const sourceSchema = sourceRefSchema.extend({via: sourceRefSchema.nullable(), note: z.string().nullable()});

const periodSummarySchema = z.object({
  pollIds: z.array(z.string()),
  sampleSize: z.number(),
  /** Support averaged over the period's polls, weighted by sample size; null for an empty period. */
  meanSupport: z.number().nullable(),
  /** Least-squares trend of support within the period, points per year; null with fewer than three polls (MIN_TREND_POLLS). */
  trendPerYear: z.number().nullable(),
  /** 95% interval for that slope (t with n − 2 degrees of freedom × its standard error); null when trendPerYear is. */
  trendInterval: interval.nullable()
});

export const invasionSchema = z.object({
  cutoff: isoDate,
  deff: z.number(),
  intervalMethod: z.enum(intervalMethods),
  pre: periodSummarySchema,
  post: periodSummarySchema,
  straddlingPollIds: z.array(z.string()),
  /** post − pre weighted mean, points; mixes pollsters, so house effects are not removed. */
  meanDifference: z.number().nullable(),
  likeForLike: z
    .object({
      pollster: z.string(),
      prePollId: z.string(),
      postPollId: z.string(),
      preSupport: z.number(),
      postSupport: z.number(),
      difference: z.number(),
      differenceCi: interval,
      z: z.number(),
      pValue: z.number()
    })
    .nullable()
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Poll = z.infer<typeof pollSchema>;
export type Period = (typeof periods)[number];
export type Troop = z.infer<typeof troopSchema>;
export type Event = z.infer<typeof eventSchema>;
export type Member = z.infer<typeof memberSchema>;
export type InvasionAnalysis = z.infer<typeof invasionSchema>;
export type Survey = z.infer<typeof surveySchema>;
export type RegionalSupport = z.infer<typeof regionalSupportSchema>;
export type ProtectionThreat = z.infer<typeof protectionThreatSchema>;
export type InstitutionTrust = z.infer<typeof institutionTrustSchema>;

/** Everything a chart may draw from: the published datasets (polls and invasion possibly recomputed live). */
export interface Datasets {
  polls: Poll[];
  troops: Troop[];
  events: Event[];
  members: Member[];
  sources: Source[];
  invasion: InvasionAnalysis;
  /** Other surveys and their results: never part of the national series (polls, invasion, headline cards). */
  surveys: Survey[];
  regionalSupport: RegionalSupport[];
  protectionThreat: ProtectionThreat[];
  institutionTrust: InstitutionTrust[];
  natoMap: NatoMap;
}

// The NATO map's geometry (src/data/nato-map.json, built by loaders/geo.ts from Natural Earth via world-atlas): shapes
// already projected to planar map units, so the page draws them with Plot's identity projection and no maths.

/** A point in a panel's map units: x to the right, y down, from the panel's top-left corner. */
export const planarPointSchema = z.tuple([z.number(), z.number()]);

export const mapShapeSchema = z.object({
  /** What the shape is: a member as data/members.csv spells it ("Türkiye"), a territory ("Greenland"), or another country. */
  name: z.string(),
  /** The country the shape belongs to: the member for a member's territory ("Denmark" for Greenland), else its own name. */
  country: z.string(),
  /** Where its tooltip points: the centroid of its largest ring. */
  label: planarPointSchema,
  /** Its rings in whole map units, not closed: each its first point, then the step to each next (x0, y0, dx1, dy1 …). */
  rings: z.array(z.array(z.number().int()).min(6))
});

export const mapPanelSchema = z.object({
  id: z.enum(["europe", "northAmerica"]),
  /** The panel's box in map units; the shapes are clipped to it. */
  width: z.number().positive(),
  height: z.number().positive(),
  shapes: z.array(mapShapeSchema)
});

export const natoMapSchema = z.object({
  /** Where the boundaries come from, for the chart's credit line. */
  boundaries: z.string(),
  /** Where the label "Kosovo" goes in the Europe panel: open sea, clear of every member's shape. */
  kosovoCallout: planarPointSchema,
  europe: mapPanelSchema,
  /** At a smaller scale than Europe (its own map units). */
  northAmerica: mapPanelSchema
});

export type PlanarPoint = z.infer<typeof planarPointSchema>;
export type MapShape = z.infer<typeof mapShapeSchema>;
export type MapPanel = z.infer<typeof mapPanelSchema>;
export type NatoMap = z.infer<typeof natoMapSchema>;
