// NATO's members by accession year, the ones that do not recognise Kosovo highlighted.
import * as Plot from "@observablehq/plot";
import type {Member} from "../../lib/contracts.js";
import type {ChartSpec, Datasets} from "../chart.js";
import {palette} from "../palette.js";

export const notRecognising = (data: Datasets) => data.members.filter((m) => !m.recognizesKosovo);

/** Each member's slot in its accession year's row, so a row reads as a count of countries. */
function withSlots(members: Member[]) {
  const slotsUsed = new Map<number, number>();
  return members.map((m) => {
    const slot = slotsUsed.get(m.joined) ?? 0;
    slotsUsed.set(m.joined, slot + 1);
    return {...m, slot, status: m.recognizesKosovo ? "Recognises Kosovo" : "Does not recognise Kosovo"};
  });
}

export const membersByYear: ChartSpec = {
  id: "nato-members-recognition-of-kosovo",
  title: (data) => `${notRecognising(data).length} of NATO's ${data.members.length} members do not recognise Kosovo`,
  subtitle: () => "One square per member, in rows by the year it joined",
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
      {key: "joined", label: "Joined NATO"},
      {key: "recognizesKosovo", label: "Recognises Kosovo"}
    ],
    rows: data.members.map((m) => ({country: m.country, joined: m.joined, recognizesKosovo: m.recognizesKosovo ? "yes" : "no"}))
  }),
  plot: (data, {width, document}) => {
    const cells = withSlots(data.members);
    const years = [...new Set(cells.map((c) => c.joined))];
    const maxSlots = Math.max(...cells.map((c) => c.slot)) + 1;
    const narrow = width < 520;
    return Plot.plot({
      document,
      width,
      height: 40 + 30 * years.length,
      marginLeft: 44,
      marginRight: 10,
      x: {domain: Array.from({length: maxSlots}, (_, i) => i), axis: null, padding: 0.12},
      y: {domain: years, label: null, tickFormat: (y: number) => String(y), padding: 0.12},
      color: {domain: ["Recognises Kosovo", "Does not recognise Kosovo"], range: [palette.recognising, palette.notRecognising], legend: true},
      marks: [
        Plot.cell(cells, {x: "slot", y: "joined", fill: "status", channels: {Country: "country", Joined: "joined"}, tip: {format: {x: false, y: false}}}),
        Plot.text(cells, {
          x: "slot",
          y: "joined",
          text: (c) => (narrow ? c.country.slice(0, 2) : c.country.slice(0, 3)),
          fill: (c) => (c.recognizesKosovo ? "black" : "white"),
          fontWeight: 600,
          fontSize: 9
        })
      ]
    });
  }
};
