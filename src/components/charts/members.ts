// NATO's members by accession year, the ones that do not recognise Kosovo highlighted.
import * as Plot from "@observablehq/plot";
import type {Member} from "../../lib/contracts.js";
import {extentOf, isNarrow, type ChartSpec} from "../chart.js";
import {palette, textColors} from "../palette.js";
import {notRecognising} from "../facts.js";

/** Country names beside their dots, on one side: textAnchor and dx are one value per mark in Plot, not per row. */
const countryLabels = (members: Member[], textAnchor: "start" | "end", dx: number) =>
  Plot.text(members, {x: "joined", y: "country", text: "country", textAnchor, dx, fill: (m: Member) => (m.recognizesKosovo ? "currentColor" : textColors.notRecognising)});

export const membersByYear: ChartSpec = {
  id: "nato-members-recognition-of-kosovo",
  title: (data) => `${notRecognising(data).length} of NATO's ${data.members.length} members do not recognise Kosovo`,
  subtitle: () => "Each member by the year it joined the alliance",
  description: (data) =>
    `Grid of ${data.members.length} NATO members by accession year. Not recognising Kosovo: ` +
    notRecognising(data)
      .map((m) => `${m.country} (joined ${m.joined})`)
      .join(", ") +
    ".",
  sourceIds: (data) => data.members.map((m) => m.source.id),
  table: (data) => ({
    columns: [
      {key: "country", label: "Country"},
      {key: "joined", label: "Joined NATO", year: true},
      {key: "recognizesKosovo", label: "Recognises Kosovo"}
    ],
    rows: data.members.map((m) => ({country: m.country, joined: m.joined, recognizesKosovo: m.recognizesKosovo ? "yes" : "no"}))
  }),
  plot: (data, {width, document}) => {
    const status = (recognizes: boolean) => (recognizes ? "Recognises Kosovo" : "Does not recognise Kosovo");
    const [firstYear, lastYear] = extentOf(data.members.map((m) => m.joined));
    const narrow = isNarrow(width);
    return Plot.plot({
      document,
      width,
      height: 50 + 17 * data.members.length,
      marginLeft: 10,
      marginRight: 10,
      // The first and last ticks (1940, 2030) are centred on the ends of the axis: the insets keep them whole.
      x: {domain: [Math.floor(firstYear / 10) * 10, Math.ceil((lastYear + 1) / 10) * 10], label: "Year joined", tickFormat: "d", grid: true, ticks: narrow ? 4 : 8, insetLeft: 16, insetRight: 16},
      // One row per member, in order of accession: the list reads top to bottom like the alliance's history.
      y: {domain: data.members.map((m) => m.country), axis: null},
      color: {domain: [status(true), status(false)], range: [palette.recognising, palette.notRecognising], legend: true},
      symbol: {domain: [status(true), status(false)], range: ["circle", "square"]},
      marks: [
        // Shape as well as colour marks the four, so the highlight survives greyscale print and colour-vision deficiency.
        Plot.dot(data.members, {x: "joined", y: "country", fill: (m) => status(m.recognizesKosovo), symbol: (m: Member) => status(m.recognizesKosovo), r: 5, channels: {Country: "country", Joined: (m: Member) => String(m.joined), "Recognises Kosovo": (m: Member) => (m.recognizesKosovo ? "Yes" : "No")}, tip: {format: {x: false, y: false, fill: false, symbol: false}}}),
        // Late joiners are labelled to their left so names stay inside the frame.
        countryLabels(data.members.filter((m) => m.joined < 2000), "start", 9),
        countryLabels(data.members.filter((m) => m.joined >= 2000), "end", -9)
      ]
    });
  }
};
