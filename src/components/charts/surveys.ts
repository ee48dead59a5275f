// Charts of the surveys that asked something other than the national membership question: the regional poll of the
// Western Balkans, NATO as protection or threat, and trust in KFOR. Each says on its face what was asked, of whom and
// when, and draws only from its own dataset; the national series is read for one comparison and never drawn here.
import * as Plot from "@observablehq/plot";
import type {InstitutionTrust, ProtectionThreat, RegionalSupport, SourceRef, Survey} from "../../lib/contracts.js";
import {isNarrow, type ChartSpec, type Datasets} from "../chart.js";
import {formatInterval, formatPercent, formatPoints} from "../format.js";
import {KOSOVO} from "../../lib/places.js";
import {palette} from "../palette.js";
import {percentTick, round1} from "./opinion.js";
import {dataText, locale, t} from "../../lib/i18n.js";

const m = (key: string, vars?: Record<string, string | number>) => t(`chart-surveys.${key}`, vars);
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
const surveyColumns = () => [
  {key: "question", label: m("column.question")},
  {key: "fieldwork", label: m("column.fieldwork")},
  {key: "source", label: m("column.source")},
  {key: "note", label: m("column.note")}
];
const surveyCells = (survey: Survey, row: {source: SourceRef; note: string | null}) => ({
  question: survey.question,
  fieldwork: survey.fieldworkLabel,
  source: t("chart-common.source.cell", {publisher: row.source.publisher, title: row.source.title}),
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
    x: {domain: [0, 100], label: xLabel, labelOffset: MARGIN_BOTTOM - 2, grid: true, ticks: isNarrow(width) ? 4 : 10, tickFormat: percentTick},
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

const memberText = (row: RegionalSupport) => m(row.natoMember ? "regional.member" : "regional.not-member");

/** "+13.0 points since 2022", "unchanged since 2022", "no change stated": the change as the source states it. */
function changeText(row: RegionalSupport, survey: Survey): string {
  if (row.change === null) return m("regional.change.none");
  return row.change === 0 ? m("regional.change.zero", {year: String(survey.comparedWith)}) : m("regional.change", {change: formatPoints(row.change), year: String(survey.comparedWith)});
}

/** Why Kosovo's figure here differs from the national series: the national poll nearest in time, and the reason. */
function nationalComparison(data: Datasets, survey: Survey, rows: RegionalSupport[]): string | null {
  const kosovo = kosovoRow(rows);
  const national = nearestNationalPoll(data, survey);
  if (!kosovo || !national) return null;
  return m("regional.national", {kosovo: formatPercent(kosovo.support), national: formatPercent(national.support), pollster: national.pollster, fieldwork: national.fieldworkLabel});
}

const regionalLayout = (width: number) => rowLayout(isNarrow(width) ? 2 : 1);

export const westernBalkansSupport: ChartSpec = {
  id: "western-balkans-nato-support",
  title: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    const rank = kosovoRank(rows);
    const vars = {count: rows.length, year: surveyYear(survey)};
    if (rank === null) return m("regional.title.none", vars);
    return rank === 1 ? m("regional.title.first", vars) : m("regional.title.rank", {...vars, rank: ordinal(rank)});
  },
  subtitle: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    const derived = rows.some((row) => row.derivedEarlierSupport !== null);
    const sampled = rows.some((row) => row.sampleSize !== null);
    return [
      m("regional.subtitle", {survey: survey.name, fieldwork: survey.fieldworkLabel}),
      derived ? m("regional.subtitle.derived", {earlier: String(survey.comparedWith), year: surveyYear(survey)}) : null,
      nationalComparison(data, survey, rows),
      sampled ? null : m("regional.subtitle.no-samples")
    ]
      .filter(Boolean)
      .join(" ");
  },
  description: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    return (
      m("regional.description", {
        count: rows.length,
        fieldwork: survey.fieldworkLabel,
        rows: rows.map((row) => m("regional.description.row", {country: dataText(row.country), member: memberText(row), support: formatPercent(row.support), change: changeText(row, survey)})).join("; ")
      })
    );
  },
  sourceIds: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    return [...rows.map((row) => row.source.id), survey.source.id];
  },
  table: (data) => {
    const {survey, rows} = latestRegionalSupport(data);
    const year = surveyYear(survey);
    const earlier = String(survey.comparedWith);
    return {
      columns: [
        {key: "country", label: m("column.country")},
        {key: "natoMember", label: m("regional.column.member", {year})},
        {key: "support", label: m("regional.column.support", {year})},
        {key: "change", label: m("regional.column.change", {earlier})},
        {key: "derivedEarlierSupport", label: m("regional.column.derived", {earlier, year})},
        ...surveyColumns()
      ],
      rows: rows.map((row) => ({
        country: dataText(row.country),
        natoMember: t(row.natoMember ? "chart-common.yes" : "chart-common.no"),
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
    const label = (row: RegionalSupport) => `${dataText(row.country)} · ${memberText(row)}${narrow ? "\n" : " · "}${changeText(row, survey)}`;
    const withDerived = rows.filter((row) => row.derivedEarlierSupport !== null);
    return Plot.plot({
      document,
      ...rowPlotOptions(width, rows.map((row) => row.country), layout, m("regional.axis", {year: surveyYear(survey)})),
      marks: [
        Plot.barX(rows, {
          x: "support",
          y: "country",
          insetTop: layout.insetTop,
          insetBottom: layout.insetBottom,
          fill: (row: RegionalSupport) => (isKosovo(row) ? palette.support : palette.neutral),
          channels: {
            [m("tip.country")]: (row: RegionalSupport) => dataText(row.country),
            [m("regional.tip.nato")]: (row: RegionalSupport) => m(row.natoMember ? "regional.tip.member" : "regional.tip.not-member"),
            [m("regional.tip.support", {year: surveyYear(survey)})]: (row: RegionalSupport) => formatPercent(row.support),
            [m("regional.tip.change", {earlier: String(survey.comparedWith)})]: (row: RegionalSupport) =>
              row.change === null ? m("regional.tip.change.none") : row.change === 0 ? m("regional.tip.change.zero") : formatPoints(row.change),
            [m("regional.tip.derived", {earlier: String(survey.comparedWith)})]: (row: RegionalSupport) => (row.derivedEarlierSupport === null ? m("regional.tip.derived.none") : formatPercent(row.derivedEarlierSupport))
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

const noAnswer = () => m("protection.answer.no-answer");
const viewAnswers = () =>
  [
    {key: "protection", label: m("protection.answer.protection"), fill: palette.support},
    {key: "neither", label: m("protection.answer.neither"), fill: palette.neutral},
    {key: "derivedNoAnswer", label: noAnswer(), fill: "none"},
    {key: "threat", label: m("protection.answer.threat"), fill: palette.opposed}
  ] as const;

function viewsLong(rows: ProtectionThreat[]) {
  const answers = viewAnswers();
  return rows.flatMap((row) => answers.map((answer) => ({country: row.country, answer: answer.label, share: row[answer.key], sample: sampleText(row)})));
}
type ViewSegment = ReturnType<typeof viewsLong>[number];

/** Kosovo first, then the others by how many see NATO as protection. */
const viewOrder = (rows: ProtectionThreat[]) => [...rows].sort((a, b) => Number(b.country === KOSOVO) - Number(a.country === KOSOVO) || b.protection - a.protection);

/** "about 1,000 people in each country; Russia about 2,000": the usual sample, then the countries that differ. */
function samplesText(rows: ProtectionThreat[]): string {
  const sample = (row: ProtectionThreat) => sampleText(row);
  const count = (text: string | null) => rows.filter((row) => sample(row) === text).length;
  const usual = rows.map(sample).sort((a, b) => count(b) - count(a))[0];
  const others = rows.filter((row) => sample(row) !== usual).map((row) => m("protection.samples.other", {country: dataText(row.country), sample: sample(row) ?? m("protection.samples.other.none")}));
  const each = usual === null ? m("protection.samples.none") : m("protection.samples", {sample: usual});
  return others.length ? m("protection.samples.others", {each, others: others.join(", ")}) : each;
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
    .map((row) => ` ${m("protection.note", {country: dataText(row.country), note: row.note!})}`)
    .join("");

export const protectionOrThreat: ChartSpec = {
  id: "nato-protection-or-threat",
  title: (data) => {
    const {survey, rows} = latestProtectionThreat(data);
    const kosovo = kosovoRow(rows);
    const most = [...rows].sort((a, b) => b.protection - a.protection)[0];
    if (kosovo && most === kosovo) return m("protection.title.first", {year: surveyYear(survey), share: formatPercent(kosovo.protection)});
    return m("protection.title", {count: rows.length, year: surveyYear(survey)});
  },
  subtitle: (data) => {
    const {survey, rows} = latestProtectionThreat(data);
    return (
      m("protection.subtitle", {survey: survey.name, fieldwork: survey.fieldworkLabel, mode: survey.mode.toLocaleLowerCase(locale()), samples: samplesText(rows)}) + viewNotes(rows)
    );
  },
  description: (data) => {
    const {rows} = latestProtectionThreat(data);
    return (
      m("protection.description", {
        count: rows.length,
        rows: viewOrder(rows)
          .map((row) =>
            m("protection.description.row", {country: dataText(row.country), protection: formatPercent(row.protection), threat: formatPercent(row.threat), neither: formatPercent(row.neither), noAnswer: formatPercent(row.derivedNoAnswer)})
          )
          .join("; ")
      })
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
        {key: "country", label: m("column.country")},
        {key: "protection", label: m("protection.column.protection")},
        {key: "threat", label: m("protection.column.threat")},
        {key: "neither", label: m("protection.column.neither")},
        {key: "derivedNoAnswer", label: m("protection.column.no-answer")},
        {key: "sample", label: m("column.sample")},
        ...surveyColumns()
      ],
      rows: viewOrder(rows).map((row) => ({
        country: dataText(row.country),
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
    const label = (row: ProtectionThreat) => m("protection.label", {country: dataText(row.country), protection: formatPercent(row.protection), threat: formatPercent(row.threat)});
    const segments = viewsLong(ordered);
    const options = rowPlotOptions(width, ordered.map((row) => row.country), layout, m("protection.axis"));
    const figure = Plot.plot({
      document,
      ...options,
      color: {domain: viewAnswers().map((a) => a.label), range: viewAnswers().map((a) => (a.fill === "none" ? "transparent" : a.fill)), legend: true},
      marks: [
        Plot.barX(segments, {
          x: "share",
          y: "country",
          fill: "answer",
          order: viewAnswers().map((a) => a.label),
          insetTop: layout.insetTop,
          insetBottom: layout.insetBottom,
          // No answer is drawn as an outline: a share nobody gave, not an answer of its own.
          stroke: (d: ViewSegment) => (d.answer === noAnswer() ? "currentColor" : "none"),
          channels: {
            [m("tip.country")]: (d: ViewSegment) => dataText(d.country),
            [m("tip.answer")]: "answer",
            [m("tip.share")]: (d: ViewSegment) => formatPercent(d.share),
            [m("tip.sample")]: (d: ViewSegment) => d.sample ?? m("tip.not-published")
          },
          tip: {format: {x: false, x1: false, x2: false, y: false, fill: false, stroke: false}}
        }),
        ...rowLabels(ordered, (row) => row.country, label, (row) => row.country === KOSOVO, layout),
        Plot.ruleX([0])
      ]
    });
    outlineSwatch(figure, noAnswer());
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
    if (!kfor) return m("trust.title.none", {year: surveyYear(survey)});
    const rank = rows.filter((row) => row.trust > kfor.trust).length + 1;
    const above = rows.filter((row) => row.trust > kfor.trust).map((row) => dataText(row.institution));
    const vars = {year: surveyYear(survey), trust: formatPercent(kfor.trust)};
    if (rank === 1) return m("trust.title.first", vars);
    return rank === 2 ? m("trust.title.second", {...vars, institution: above[0]}) : m("trust.title.rank", {...vars, rank: ordinal(rank), count: rows.length});
  },
  subtitle: (data) => {
    const {survey, rows} = latestInstitutionTrust(data);
    const sample = sampleText(rows[0]);
    return sample ? m("trust.subtitle.sample", {survey: survey.name, fieldwork: survey.fieldworkLabel, sample}) : m("trust.subtitle", {survey: survey.name, fieldwork: survey.fieldworkLabel});
  },
  description: (data) => {
    const {survey, rows} = latestInstitutionTrust(data);
    const items = rows.map((row) =>
      row.trustCi
        ? m("trust.description.row.ci", {institution: dataText(row.institution), trust: formatPercent(row.trust), interval: formatInterval(row.trustCi)})
        : m("trust.description.row", {institution: dataText(row.institution), trust: formatPercent(row.trust)})
    );
    return m("trust.description", {count: rows.length, fieldwork: survey.fieldworkLabel, rows: items.join("; ")});
  },
  sourceIds: (data) => latestInstitutionTrust(data).rows.map((row) => row.source.id),
  table: (data) => {
    const {survey, rows} = latestInstitutionTrust(data);
    return {
      columns: [
        {key: "institution", label: m("trust.column.institution")},
        {key: "trust", label: m("trust.column.trust")},
        {key: "trustCiLow", label: m("trust.column.low")},
        {key: "trustCiHigh", label: m("trust.column.high")},
        {key: "sample", label: m("trust.column.sample")},
        ...surveyColumns()
      ],
      rows: rows.map((row) => ({
        institution: dataText(row.institution),
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
    const label = (row: InstitutionTrust) => {
      const vars = {institution: dataText(row.institution), trust: formatPercent(row.trust)};
      return row.trustCi ? m(narrow ? "trust.label.ci.narrow" : "trust.label.ci", {...vars, interval: formatInterval(row.trustCi)}) : m("trust.label", vars);
    };
    const withCi = rows.filter((row) => row.trustCi !== null);
    return Plot.plot({
      document,
      ...rowPlotOptions(width, rows.map((row) => row.institution), layout, m("trust.axis")),
      marks: [
        Plot.barX(rows, {
          x: "trust",
          y: "institution",
          insetTop: layout.insetTop,
          insetBottom: layout.insetBottom,
          fill: (row: InstitutionTrust) => (isKfor(row) ? palette.troops : palette.neutral),
          channels: {
            [m("trust.tip.institution")]: (row: InstitutionTrust) => dataText(row.institution),
            [m("trust.tip.trust")]: (row: InstitutionTrust) => formatPercent(row.trust),
            [m("tip.interval")]: (row: InstitutionTrust) => (row.trustCi ? formatInterval(row.trustCi) : m("trust.tip.no-sample")),
            [m("tip.sample")]: (row: InstitutionTrust) => sampleText(row) ?? m("tip.not-published")
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
