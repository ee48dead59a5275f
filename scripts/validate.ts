// `npm run validate`: checks every table in the data directory (DATA_DIR or data/) and lists every problem.
import {relative} from "node:path";
import {checkData, resolveDataDir} from "../loaders/dataset.ts";
import {formatIssue} from "../loaders/issues.ts";

const dataDir = resolveDataDir();
const {tables, issues} = checkData(dataDir);
const where = relative(process.cwd(), dataDir) || ".";

if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue));
  const found = issues.length === 1 ? "1 problem found; fix it" : `${issues.length} problems found; fix them`;
  console.error(`\n${where}: ${found} and run npm run validate again.`);
  if (issues.some((issue) => issue.rule.includes("spreadsheet"))) {
    console.error('Edited in a spreadsheet? docs/guide.md, "Editing in a spreadsheet", says which settings keep the tables as typed.');
  }
  process.exit(1);
}
console.log(
  `${where}: valid. ${tables.polls.length} polls, ${tables.troops.length} troop figures, ${tables.events.length} events, ${tables.members.length} members, ${tables.sources.length} sources.`
);
