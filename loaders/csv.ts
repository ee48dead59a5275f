// Reads a CSV file into string records with the line each record starts on, for precise error messages.
import {readFileSync} from "node:fs";
import {csvParseRows} from "d3-dsv";
import type {DataIssue} from "./issues.ts";

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  header: string[];
  records: CsvRecord[];
  issues: DataIssue[];
}

const utf8 = new TextDecoder("utf-8", {fatal: true});

/** Decodes strictly: a byte that is not UTF-8 is an error, never a silent replacement character. */
function decodeUtf8(bytes: Uint8Array, file: string): {text: string} | {issue: DataIssue} {
  try {
    return {text: utf8.decode(bytes)};
  } catch {
    const {offset, line} = firstInvalidUtf8(bytes);
    return {issue: {file, line, rule: `byte ${offset} is not valid UTF-8 (save the file as UTF-8)`}};
  }
}

function firstInvalidUtf8(bytes: Uint8Array): {offset: number; line: number} {
  let line = 1;
  for (let offset = 0; offset < bytes.length; ) {
    const byte = bytes[offset];
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    const continuationOk = length > 0 && bytes.subarray(offset + 1, offset + length).every((b) => (b & 0xc0) === 0x80);
    if (!continuationOk || offset + length > bytes.length) return {offset, line};
    if (byte === 0x0a) line++;
    offset += length;
  }
  return {offset: bytes.length, line};
}

/** Lines a parsed row spans: one, plus any line breaks inside its quoted fields. */
function linesSpanned(row: string[]): number {
  let breaks = 0;
  for (const field of row) breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  return 1 + breaks;
}

export function parseCsv(bytes: Uint8Array, file: string): CsvFile {
  const decoded = decodeUtf8(bytes, file);
  if ("issue" in decoded) return {header: [], records: [], issues: [decoded.issue]};
  // Spreadsheets write a byte-order mark; it is not part of the first column's name.
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return {header: [], records: [], issues: [{file, line: 0, rule: "the file is empty (a header row is required)"}]};

  const rows = csvParseRows(text);
  const header = rows[0].map((name) => name.trim());
  const issues: DataIssue[] = [];
  const records: CsvRecord[] = [];
  let line = 1 + linesSpanned(rows[0]) - 1;
  for (const row of rows.slice(1)) {
    line += 1;
    const startLine = line;
    line += linesSpanned(row) - 1;
    if (row.length === 1 && row[0].trim() === "") continue; // a blank line carries no fact
    if (row.length !== header.length) {
      issues.push({file, line: startLine, rule: `has ${row.length} fields, the header has ${header.length}`});
      continue;
    }
    records.push({line: startLine, values: Object.fromEntries(header.map((name, i) => [name, row[i]]))});
  }
  return {header, records, issues};
}

export function readCsv(path: string, file: string): CsvFile {
  return parseCsv(readFileSync(path), file);
}
