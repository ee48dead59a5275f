// A problem found in a data file, located precisely enough for an analyst to fix it.
export interface DataIssue {
  file: string;
  /** 1-based line in the file; 0 when the problem concerns the whole file. */
  line: number;
  column?: string;
  rule: string;
}

/** A cell's value as a message quotes it: in quotes, and cut short past 40 characters. */
export const showValue = (raw: string) => (raw.length > 40 ? JSON.stringify(raw.slice(0, 40) + "…") : JSON.stringify(raw));

export function formatIssue({file, line, column, rule}: DataIssue): string {
  const where = [file, line > 0 ? `line ${line}` : null].filter(Boolean).join(" ");
  return column ? `${where}, column ${column}: ${rule}` : `${where}: ${rule}`;
}

/** Thrown when any table fails validation; lists every problem, not only the first. */
export class DataValidationError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(
      `${issues.length} problem${issues.length === 1 ? "" : "s"} in the data:\n` +
        issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")
    );
    this.name = "DataValidationError";
  }
}
