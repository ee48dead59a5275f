// `npm run validate`: checks every table in the data directory (DATA_DIR or data/) and lists every problem.
// `npm run build` (scripts/build.ts) runs the same check first and stops with the same message.
import {relative} from "node:path";
import {checkData, resolveDataDir} from "../loaders/dataset.ts";
import {formatIssue} from "../loaders/issues.ts";
import {checkCatalogues} from "../loaders/messages.ts";
import {pageTranslationIssues} from "../loaders/pages.ts";

/** The data directory checked: a line per problem (file, line, column, rule) and a summary line. */
export function validationReport(dataDir = resolveDataDir()): {valid: boolean; problems: string[]; summary: string; hint?: string} {
  const {tables, issues: dataIssues} = checkData(dataDir);
  // The words too: every language's catalogue, the data's translations and every page's translation (docs/guide.md, "Languages").
  const issues = [...dataIssues, ...checkCatalogues(undefined, dataDir).issues, ...pageTranslationIssues()];
  const where = relative(process.cwd(), dataDir) || ".";
  if (issues.length > 0) {
    return {
      valid: false,
      problems: issues.map(formatIssue),
      summary: `${where}: ${issues.length === 1 ? "1 problem found; fix it" : `${issues.length} problems found; fix them`} and run npm run validate again.`,
      // A message about a spreadsheet's doing: point to the settings that keep the tables as typed.
      hint: issues.some((issue) => issue.rule.includes("spreadsheet")) ? 'Edited in a spreadsheet? docs/guide.md, "Editing in a spreadsheet", says which settings keep the tables as typed.' : undefined
    };
  }
  return {
    valid: true,
    problems: [],
    summary: `${where}: valid. ${tables.polls.length} polls, ${tables.troops.length} troop figures, ${tables.events.length} events, ${tables.members.length} members, ${tables.surveys.length} other surveys (${tables.regionalSupport.length + tables.protectionThreat.length + tables.institutionTrust.length} figures), ${tables.sources.length} sources.`
  };
}

/** Prints the report (problems on stderr) and says whether the data are valid. */
export function printValidationReport(dataDir = resolveDataDir()): boolean {
  const report = validationReport(dataDir);
  if (!report.valid) {
    for (const problem of report.problems) console.error(problem);
    console.error(`\n${report.summary}`);
    if (report.hint) console.error(report.hint);
  } else {
    console.log(report.summary);
  }
  return report.valid;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!printValidationReport()) process.exit(1);
}
