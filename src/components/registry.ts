// Every chart of the dashboard, in one list: pages, the export command and the tests all read it.
import type {ChartSpec} from "./chart.js";
import {likeForLike, supportBeforeAfter} from "./charts/invasion.js";
import {membersByYear} from "./charts/members.js";
import {natoMap} from "./charts/nato-map.js";
import {answersStacked, leadTimeline, supportTimeline} from "./charts/opinion.js";
import {protectionOrThreat, trustInKfor, westernBalkansSupport} from "./charts/surveys.js";
import {supportOnKforAxis, troopsTimeline} from "./charts/troops.js";

export const charts: ChartSpec[] = [supportBeforeAfter, likeForLike, supportTimeline, answersStacked, leadTimeline, troopsTimeline, supportOnKforAxis, membersByYear, westernBalkansSupport, protectionOrThreat, trustInKfor, natoMap];

export function chartById(id: string): ChartSpec {
  const chart = charts.find((c) => c.id === id);
  if (!chart) throw new Error(`no chart with id ${JSON.stringify(id)}; known: ${charts.map((c) => c.id).join(", ")}`);
  return chart;
}
