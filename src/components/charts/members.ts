// NATO's members by accession year, the ones that do not recognise Kosovo highlighted.
import * as Plot from "@observablehq/plot";
import type {Member} from "../../lib/contracts.js";
import {extentOf, isNarrow, type ChartSpec} from "../chart.js";
import {palette, textColors} from "../palette.js";
import {notRecognising} from "../facts.js";
import {dataText, t, tn} from "../../lib/i18n.js";

const m = (key: string, vars?: Record<string, string | number>) => t(`chart-members.${key}`, vars);

/** Country names beside their dots, on one side: textAnchor and dx are one value per mark in Plot, not per row. */
const countryLabels = (members: Member[], textAnchor: "start" | "end", dx: number) =>
  Plot.text(members, {x: "joined", y: "country", text: (member: Member) => dataText(member.country), textAnchor, dx, fill: (member: Member) => (member.recognizesKosovo ? "currentColor" : textColors.notRecognising)});

export const membersByYear: ChartSpec = {
  id: "nato-members-recognition-of-kosovo",
  title: (data) => tn("chart-members.title", notRecognising(data).length, {members: data.members.length}),
  subtitle: () => m("subtitle"),
  description: (data) =>
    m("description", {
      members: data.members.length,
      countries: notRecognising(data)
        .map((member) => m("description.country", {country: dataText(member.country), joined: String(member.joined)}))
        .join(", ")
    }),
  sourceIds: (data) => data.members.map((m) => m.source.id),
  table: (data) => ({
    columns: [
      {key: "country", label: m("column.country")},
      {key: "joined", label: m("column.joined"), year: true},
      {key: "recognizesKosovo", label: m("column.recognises")}
    ],
    rows: data.members.map((member) => ({country: dataText(member.country), joined: member.joined, recognizesKosovo: t(member.recognizesKosovo ? "chart-common.yes" : "chart-common.no")}))
  }),
  plot: (data, {width, document}) => {
    const status = (recognizes: boolean) => m(recognizes ? "status.recognises" : "status.not-recognising");
    const [firstYear, lastYear] = extentOf(data.members.map((m) => m.joined));
    const narrow = isNarrow(width);
    return Plot.plot({
      document,
      width,
      height: 50 + 17 * data.members.length,
      marginLeft: 10,
      marginRight: 10,
      // The first and last ticks (1940, 2030) are centred on the ends of the axis: the insets keep them whole.
      x: {domain: [Math.floor(firstYear / 10) * 10, Math.ceil((lastYear + 1) / 10) * 10], label: m("axis.joined"), tickFormat: (year: number) => String(year), grid: true, ticks: narrow ? 4 : 8, insetLeft: 16, insetRight: 16},
      // One row per member, in order of accession: the list reads top to bottom like the alliance's history.
      y: {domain: data.members.map((member) => member.country), axis: null},
      color: {domain: [status(true), status(false)], range: [palette.recognising, palette.notRecognising], legend: true},
      symbol: {domain: [status(true), status(false)], range: ["circle", "square"]},
      marks: [
        // Shape as well as colour marks the four, so the highlight survives greyscale print and colour-vision deficiency.
        Plot.dot(data.members, {x: "joined", y: "country", fill: (member) => status(member.recognizesKosovo), symbol: (member: Member) => status(member.recognizesKosovo), r: 5, channels: {[m("tip.country")]: (member: Member) => dataText(member.country), [m("tip.joined")]: (member: Member) => String(member.joined), [m("tip.recognises")]: (member: Member) => t(member.recognizesKosovo ? "chart-common.tip.yes" : "chart-common.tip.no")}, tip: {format: {x: false, y: false, fill: false, symbol: false}}}),
        // Late joiners are labelled to their left so names stay inside the frame.
        countryLabels(data.members.filter((member) => member.joined < 2000), "start", 9),
        countryLabels(data.members.filter((member) => member.joined >= 2000), "end", -9)
      ]
    });
  }
};
