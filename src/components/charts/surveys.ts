// Charts of the surveys that asked something other than the national membership question: the regional poll of the
// Western Balkans, NATO as protection or threat, and trust in KFOR. Each says on its face what was asked, of whom and
// when, and draws only from its own dataset; the national series is read for one comparison and never drawn here.
import * as Plot from "@observablehq/plot";
import type {InstitutionTrust, ProtectionThreat, RegionalSupport, SourceRef, Survey} from "../../lib/contracts.js";
import {isNarrow, type ChartSpec, type Datasets} from "../chart.js";
import {formatInterval, formatPercent, formatPoints} from "../format.js";
import {KOSOVO} from "../../lib/places.js";
import {palette} from "../palette.js";
import {round1} from "./opinion.js";
import {kosovoRank, kosovoRow, latestInstitutionTrust, latestProtectionThreat, latestRegionalSupport, nearestNationalPoll, ordinal, sampleText, surveyYear} from "../survey-facts.js";

/**
 * Rows of labelled bars: each row's label on its own line(s) above its bar, so a long name ("Bosnia and Herzegovina")
 * takes the chart's whole width instead of a left margin that a phone cannot spare. Heights in the drawing's pixels.
 */
interface RowLayout {
  labelLines: number;
  /** Band height: the label's lines, a gap, then the bar. */
  row: number;
  /** Offsets from the band's centre (where Plot puts a band's text) of the label's top and of the bar's centre. */
  labelDy: number;
  barDy: number;
  insetTop: number;
  insetBottom: number;
}

/** The columns every survey chart's table ends with: what was asked, when, and where the figure comes from. */
const surveyColumns = [
  {key: "question", label: "Question"},
  {key: "fieldwork", label: "Fieldwork"},
  {key: "source", label: "Source"},
  {key: "note", label: "Note"}
];
const surveyCells = (survey: Survey, row: {source: SourceRef; note: string | null}) => ({
  question: survey.question,
  fieldwork: survey.fieldworkLabel,
  source: `${row.source.publisher}, ${row.source.title}`,
  note: row.note
});

const LINE = 12; // Plot's 10px text at 1.2em a line
const BAR = 18;

function rowLayout(labelLines: number): RowLayout {
  const insetTop = 4 + labelLines * LINE + 4;
  const insetBottom = 4;
  const row = insetTop + BAR + insetBottom;
  return {labelLines, row, labelDy: -row / 2 + 4, barDy: -row / 2 + insetTop + BAR / 2, insetTop, insetBottom};
}

const MARGIN_TOP = 8;
const MARGIN_BOTTOM = 34; // the x axis and its label
const MIN_HEIGHT = 160;

/** The scales and frame every chart of labelled rows shares: a percent axis from 0 to 100. */
function rowPlotOptions(width: number, keys: string[], layout: RowLayout, xLabel: string) {
  // A chart of two rows is too short for a tooltip above or below the pointer, and Plot's tooltip is cut off at the
  // drawing's edge: the room below the axis makes up the difference.
  const marginBottom = Math.max(MARGIN_BOTTOM, MIN_HEIGHT - MARGIN_TOP - keys.length * layout.row);
  return {
    width,
    height: MARGIN_TOP + marginBottom + keys.length * layout.row,
    marginTop: MARGIN_TOP,
    marginBottom,
    marginLeft: 12,
    marginRight: 40, // room for a value label just beyond a long bar, and for "100%" centred on the frame's edge
    // The axis label stays under the ticks, however much room the tooltip adds below.
    x: {domain: [0, 100], label: xLabel, labelOffset: MARGIN_BOTTOM - 2, grid: true, ticks: isNarrow(width) ? 4 : 10, tickFormat: (v: number) => `${v}%`},
    y: {domain: keys, axis: null, padding: 0}
  };
}

/** Each row's label, the highlighted row's (Kosovo's, KFOR's) in bold: two marks, since Plot's fontWeight is one per mark. */
function rowLabels<T>(rows: T[], key: (row: T) => string, text: (row: T) => string, highlighted: (row: T) => boolean, layout: RowLayout) {
  const options = {x: 0, y: key, text, textAnchor: "start" as const, lineAnchor: "top" as const, dy: layout.labelDy, fill: "currentColor"};
  return [Plot.text(rows.filter((row) => !highlighted(row)), options), Plot.text(rows.filter(highlighted), {...options, fontWeight: 700})];
}

// ---------------------------------------------------------------------------------------------------------------
// Kosovo in the Western Balkans

const memberText = (row: RegionalSupport) => (row.natoMember ? "NATO member" : "not in NATO");

/** "+13.0 points since 2022", "unchanged since 2022", "no change stated": the change as the source states it. */
function changeText(row: RegionalSupport, survey: Survey): string {
  if (row.change === null) return "no change stated";
  return row.change === 0 ? `unchanged since ${survey.comparedWith}` : `${formatPoints(row.change)} since ${survey.comparedWith}`;
}

/** Why Kosovo's figure here differs from the national series: the national poll nearest in time, and the reason. */
function nationalComparison(data: Datasets, survey: Survey, rows: RegionalSupport[]): string | null {
  const kosovo = kosovoRow(rows);
  const national = nearestNationalPoll(data, survey);
  if (!kosovo || !national) return null;
  return `Kosovo reads ${formatPercent(kosovo.support)} here and ${formatPercent(national.support)} in ${national.pollster}'s national survey of ${national.fieldworkLabel}: the two ask different questions.`;
}

const regionalLayout = (width: number) => rowLayout(isNarrow(width) ? 2 : 1);

export const westernBalkansSupport: ChartSpec = {
  id: "western-balkans-nato-support",
  title: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    const rank = kosovoRank(rows);
    const where = `of ${rows.length} Western Balkan countries`;
    if (rank === null) return `Support for NATO membership in ${rows.length} Western Balkan countries, ${surveyYear(survey)}`;
    return rank === 1 ? `In ${surveyYear(survey)}, Kosovo backed NATO membership most strongly ${where}` : `In ${surveyYear(survey)}, Kosovo ranked ${ordinal(rank)} ${where} in support for NATO membership`;
  },
  subtitle: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    const derived = rows.some((row) => row.derivedEarlierSupport !== null);
    const sampled = rows.some((row) => row.sampleSize !== null);
    return [
      `Percent in favour of membership, ${survey.name}, ${survey.fieldworkLabel}, nationally representative in each country.`,
      derived ? `The line across a bar marks ${survey.comparedWith}, derived as ${surveyYear(survey)} minus the change the report states, not published.` : null,
      nationalComparison(data, survey, rows),
      sampled ? null : "No sample sizes are published, so no intervals can be drawn."
    ]
      .filter(Boolean)
      .join(" ");
  },
  description: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    return (
      `Bar chart of support for NATO membership in ${rows.length} countries, ${survey.fieldworkLabel}. ` +
      rows.map((row) => `${row.country}, ${memberText(row)}: ${formatPercent(row.support)}, ${changeText(row, survey)}`).join("; ") +
      "."
    );
  },
  sourceIds: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    return [...rows.map((row) => row.source.id), survey.source.id];
  },
  table: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    const year = surveyYear(survey);
    const earlier = survey.comparedWith;
    return {
      columns: [
        {key: "country", label: "Country"},
        {key: "natoMember", label: `NATO member in ${year}`},
        {key: "support", label: `Support ${year} (%)`},
        {key: "change", label: `Change since ${earlier}, as stated (points)`},
        {key: "derivedEarlierSupport", label: `Support ${earlier}, derived: ${year} minus the stated change (%)`},
        ...surveyColumns
      ],
      rows: rows.map((row) => ({
        country: row.country,
        natoMember: row.natoMember ? "yes" : "no",
        support: row.support,
        change: row.change,
        derivedEarlierSupport: row.derivedEarlierSupport,
        ...surveyCells(survey, row)
      }))
    };
  },
  plot: (data, {width, document}) => {
    const {survey, rows} = latestRegionalSupport(data);
    const layout = regionalLayout(width);
    const narrow = isNarrow(width);
    const isKosovo = (row: RegionalSupport) => row.country === KOSOVO;
    const label = (row: RegionalSupport) => `${row.country} · ${memberText(row)}${narrow ? "\n" : " · "}${changeText(row, survey)}`;
    const withDerived = rows.filter((row) => row.derivedEarlierSupport !== null);
    return Plot.plot({
      document,
      ...rowPlotOptions(width, rows.map((row) => row.country), layout, `Support for NATO membership, ${surveyYear(survey)}`),
      marks: [
        Plot.barX(rows, {
          x: "support",
          y: "country",
          insetTop: layout.insetTop,
          insetBottom: layout.insetBottom,
          fill: (row: RegionalSupport) => (isKosovo(row) ? palette.support : palette.neutral),
          channels: {
            Country: "country",
            NATO: (row: RegionalSupport) => (row.natoMember ? "member" : "not a member"),
            [`Support ${surveyYear(survey)}`]: (row: RegionalSupport) => formatPercent(row.support),
            [`Change since ${survey.comparedWith}`]: (row: RegionalSupport) => (row.change === null ? "not stated" : row.change === 0 ? "unchanged" : formatPoints(row.change)),
            [`${survey.comparedWith}, derived`]: (row: RegionalSupport) => (row.derivedEarlierSupport === null ? "not derivable" : formatPercent(row.derivedEarlierSupport))
          },
          tip: {format: {x: false, y: false, fill: false}}
        }),
        // The earlier edition, derived: a rule across the bar, in the text colour so it shows on any bar and either scheme.
        Plot.tickX(withDerived, {x: "derivedEarlierSupport", y: "country", insetTop: layout.insetTop - 3, insetBottom: layout.insetBottom - 3, stroke: "currentColor", strokeWidth: 2}),
        ...rowLabels(rows, (row) => row.country, label, isKosovo, layout),
        Plot.text(rows, {
          x: (row: RegionalSupport) => Math.max(row.support, row.derivedEarlierSupport ?? 0),
          y: "country",
          text: (row: RegionalSupport) => formatPercent(row.support),
          dx: 5,
          dy: layout.barDy,
          textAnchor: "start",
          fontWeight: 700
        }),
        Plot.ruleX([0])
      ]
    });
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Protection or threat

const NO_ANSWER = "No answer (the rest, derived)";
const viewAnswers = [
  {key: "protection", label: "Protection", fill: palette.support},
  {key: "neither", label: "Neither", fill: palette.neutral},
  {key: "derivedNoAnswer", label: NO_ANSWER, fill: "none"},
  {key: "threat", label: "Threat", fill: palette.opposed}
] as const;

function viewsLong(rows: ProtectionThreat[]) {
  return rows.flatMap((row) => viewAnswers.map((answer) => ({country: row.country, answer: answer.label, share: row[answer.key], sample: sampleText(row)})));
}
type ViewSegment = ReturnType<typeof viewsLong>[number];

/** Kosovo first, then the others by how many see NATO as protection. */
const viewOrder = (rows: ProtectionThreat[]) => [...rows].sort((a, b) => Number(b.country === KOSOVO) - Number(a.country === KOSOVO) || b.protection - a.protection);

/** "about 1,000 people in each country; Russia about 2,000": the usual sample, then the countries that differ. */
function samplesText(rows: ProtectionThreat[]): string {
  const sample = (row: ProtectionThreat) => sampleText(row) ?? "no published number of";
  const count = (text: string) => rows.filter((row) => sample(row) === text).length;
  const usual = rows.map(sample).sort((a, b) => count(b) - count(a))[0];
  const others = rows.filter((row) => sample(row) !== usual).map((row) => `${row.country} ${sample(row)}`);
  return `${usual} people in each country${others.length ? `; ${others.join(", ")}` : ""}`;
}

/**
 * Plot's swatch for a segment drawn as an outline is an empty square: give it the outline too. The legend is HTML
 * (a figure's swatches), each swatch a small SVG beside its label; the export copies these SVGs, outline and all.
 */
function outlineSwatch(figure: Element, label: string): void {
  for (const swatch of Array.from(figure.querySelectorAll("span"))) {
    if (swatch.textContent?.trim() !== label) continue;
    for (const rect of Array.from(swatch.querySelectorAll("svg rect"))) rect.setAttribute("stroke", "currentColor");
  }
}

const viewNotes = (rows: ProtectionThreat[]) =>
  rows
    .filter((row) => row.note)
    .map((row) => ` ${row.country}: ${row.note}`)
    .join("");

export const protectionOrThreat: ChartSpec = {
  id: "nato-protection-or-threat",
  title: (data) => {
    const {survey, rows} = latestProtectionThreat(data);
    const kosovo = kosovoRow(rows);
    const most = [...rows].sort((a, b) => b.protection - a.protection)[0];
    if (kosovo && most === kosovo) return `In ${surveyYear(survey)}, ${formatPercent(kosovo.protection)} in Kosovo saw NATO as protection, more than in any other country asked`;
    return `Whether NATO is protection or a threat: ${rows.length} countries, ${surveyYear(survey)}`;
  },
  subtitle: (data) => {
    const {survey, rows} = latestProtectionThreat(data);
    return (
      `Percent of adults, ${survey.name}, ${survey.fieldworkLabel}; ${survey.mode.toLowerCase()}, ${samplesText(rows)}. ` +
      `"Neither" is an answer given; "no answer" is what the three published shares leave of 100, derived. Seeing NATO as protection is not the same as wanting to join it.` +
      viewNotes(rows)
    );
  },
  description: (data) => {
    const {rows} = latestProtectionThreat(data);
    return (
      `Stacked bars for ${rows.length} countries. ` +
      viewOrder(rows)
        .map((row) => `${row.country}: ${formatPercent(row.protection)} protection, ${formatPercent(row.threat)} threat, ${formatPercent(row.neither)} neither, ${formatPercent(row.derivedNoAnswer)} no answer`)
        .join("; ") +
      "."
    );
  },
  sourceIds: (data) => {
    const {rows} = latestProtectionThreat(data);
    return rows.flatMap((row) => [row.source.id, ...row.noteSources.map((source) => source.id)]);
  },
  table: (data) => {
    const {survey, rows} = latestProtectionThreat(data);
    return {
      columns: [
        {key: "country", label: "Country"},
        {key: "protection", label: "Protection (%)"},
        {key: "threat", label: "Threat (%)"},
        {key: "neither", label: "Neither (%)"},
        {key: "derivedNoAnswer", label: "No answer, derived: 100 minus the three shares (%)"},
        {key: "sample", label: "Sample size"},
        ...surveyColumns
      ],
      rows: viewOrder(rows).map((row) => ({
        country: row.country,
        protection: row.protection,
        threat: row.threat,
        neither: row.neither,
        derivedNoAnswer: row.derivedNoAnswer,
        sample: sampleText(row),
        ...surveyCells(survey, row)
      }))
    };
  },
  plot: (data, {width, document}) => {
    const {rows} = latestProtectionThreat(data);
    const ordered = viewOrder(rows);
    const layout = rowLayout(1);
    const label = (row: ProtectionThreat) => `${row.country}: ${formatPercent(row.protection)} protection, ${formatPercent(row.threat)} threat`;
    const segments = viewsLong(ordered);
    const options = rowPlotOptions(width, ordered.map((row) => row.country), layout, "Percent of adults");
    const figure = Plot.plot({
      document,
      ...options,
      color: {domain: viewAnswers.map((a) => a.label), range: viewAnswers.map((a) => (a.fill === "none" ? "transparent" : a.fill)), legend: true},
      marks: [
        Plot.barX(segments, {
          x: "share",
          y: "country",
          fill: "answer",
          order: viewAnswers.map((a) => a.label),
          insetTop: layout.insetTop,
          insetBottom: layout.insetBottom,
          // No answer is drawn as an outline: a share nobody gave, not an answer of its own.
          stroke: (d: ViewSegment) => (d.answer === NO_ANSWER ? "currentColor" : "none"),
          channels: {Country: "country", Answer: "answer", Share: (d: ViewSegment) => formatPercent(d.share), "Sample size": (d: ViewSegment) => d.sample ?? "not published"},
          tip: {format: {x: false, x1: false, x2: false, y: false, fill: false, stroke: false}}
        }),
        ...rowLabels(ordered, (row) => row.country, label, (row) => row.country === KOSOVO, layout),
        Plot.ruleX([0])
      ]
    });
    outlineSwatch(figure, NO_ANSWER);
    return figure;
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Trust in KFOR

const isKfor = (row: InstitutionTrust) => row.institution === "KFOR";

export const trustInKfor: ChartSpec = {
  id: "kfor-trust",
  title: (data) => {
    const {survey, rows} = latestInstitutionTrust(data);
    const kfor = rows.find(isKfor);
    if (!kfor) return `Trust in security institutions in Kosovo, ${surveyYear(survey)}`;
    const rank = rows.filter((row) => row.trust > kfor.trust).length + 1;
    const above = rows.filter((row) => row.trust > kfor.trust).map((row) => row.institution);
    const place = rank === 1 ? "more than any other institution asked about" : rank === 2 ? `second only to the ${above[0]}` : `${ordinal(rank)} of ${rows.length} institutions`;
    return `In ${surveyYear(survey)}, ${formatPercent(kfor.trust)} in Kosovo trusted KFOR, ${place}`;
  },
  subtitle: (data) => {
    const {survey, rows} = latestInstitutionTrust(data);
    const sample = sampleText(rows[0]);
    return (
      `Percent who trust each institution, ${survey.name}, ${survey.fieldworkLabel}${sample ? `, ${sample} households` : ""}, with 95% intervals. ` +
      `One survey, shown beside the troop figures as context, not a trend. Trust in an institution is not support for NATO membership.`
    );
  },
  description: (data) => {
    const {survey, rows} = latestInstitutionTrust(data);
    return `Bar chart of trust in ${rows.length} institutions, ${survey.fieldworkLabel}. ` + rows.map((row) => `${row.institution}: ${formatPercent(row.trust)}${row.trustCi ? ` (95% interval ${formatInterval(row.trustCi)})` : ""}`).join("; ") + ".";
  },
  sourceIds: (data) => latestInstitutionTrust(data).rows.map((row) => row.source.id),
  table: (data) => {
    const {survey, rows} = latestInstitutionTrust(data);
    return {
      columns: [
        {key: "institution", label: "Institution"},
        {key: "trust", label: "Trust (%)"},
        {key: "trustCiLow", label: "Trust, 95% interval, low (%)"},
        {key: "trustCiHigh", label: "Trust, 95% interval, high (%)"},
        {key: "sample", label: "Sample size (households)"},
        ...surveyColumns
      ],
      rows: rows.map((row) => ({
        institution: row.institution,
        trust: row.trust,
        trustCiLow: row.trustCi ? round1(row.trustCi[0]) : null,
        trustCiHigh: row.trustCi ? round1(row.trustCi[1]) : null,
        sample: sampleText(row),
        ...surveyCells(survey, row)
      }))
    };
  },
  plot: (data, {width, document}) => {
    const {rows} = latestInstitutionTrust(data);
    // On a phone the interval takes a line of its own: "Kosovo Security Force: 69%, 95% interval …" is wider than the drawing.
    const narrow = isNarrow(width);
    const layout = rowLayout(narrow ? 2 : 1);
    const label = (row: InstitutionTrust) => `${row.institution}: ${formatPercent(row.trust)}${row.trustCi ? `${narrow ? "\n" : ", "}95% interval ${formatInterval(row.trustCi)}` : ""}`;
    const withCi = rows.filter((row) => row.trustCi !== null);
    return Plot.plot({
      document,
      ...rowPlotOptions(width, rows.map((row) => row.institution), layout, "Percent who trust the institution"),
      marks: [
        Plot.barX(rows, {
          x: "trust",
          y: "institution",
          insetTop: layout.insetTop,
          insetBottom: layout.insetBottom,
          fill: (row: InstitutionTrust) => (isKfor(row) ? palette.troops : palette.neutral),
          channels: {
            Institution: "institution",
            Trust: (row: InstitutionTrust) => formatPercent(row.trust),
            "95% interval": (row: InstitutionTrust) => (row.trustCi ? formatInterval(row.trustCi) : "no sample size"),
            "Sample size": (row: InstitutionTrust) => sampleText(row) ?? "not published"
          },
          tip: {format: {x: false, y: false, fill: false}}
        }),
        // The interval as a whisker through the bar's end, in the text colour so it shows on the bar and beyond it.
        Plot.ruleY(withCi, {y: "institution", x1: (row: InstitutionTrust) => row.trustCi![0], x2: (row: InstitutionTrust) => row.trustCi![1], dy: layout.barDy, stroke: "currentColor", strokeWidth: 1.5}),
        Plot.tickX(withCi, {x: (row: InstitutionTrust) => row.trustCi![0], y: "institution", insetTop: layout.insetTop + 4, insetBottom: layout.insetBottom + 4, stroke: "currentColor"}),
        Plot.tickX(withCi, {x: (row: InstitutionTrust) => row.trustCi![1], y: "institution", insetTop: layout.insetTop + 4, insetBottom: layout.insetBottom + 4, stroke: "currentColor"}),
        ...rowLabels(rows, (row) => row.institution, label, isKfor, layout),
        Plot.ruleX([0])
      ]
    });
  }
};
