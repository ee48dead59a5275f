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
// Only used to locate a bad byte after strict decoding has failed; never to read data.
const utf8Lenient = new TextDecoder("utf-8");

/** Decodes strictly: a byte that is not UTF-8 is an error, never a silent replacement character. */
function decodeUtf8(bytes: Uint8Array, file: string): {text: string} | {issue: DataIssue} {
  try {
    return {text: utf8.decode(bytes)};
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const text = utf8Lenient.decode(bytes);
    // The bytes before the bad one are valid UTF-8, so they decode to the same characters in both decoders.
    const index = utf8.decode(bytes.subarray(0, offset)).length;
    const hasBom = text.startsWith("\uFEFF");
    const body = hasBom ? text.slice(1) : text;
    const at = scan(body, index - (hasBom ? 1 : 0)).at;
    const column = columnName(csvParseRows(body)[0] ?? [], at);
    return {issue: {file, line: at.line, column, rule: `byte ${offset} is not valid UTF-8 (save the file as UTF-8)`}};
  }
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode Table 3-7).
 * Overlong forms (E0 80..9F, F0 80..8F), UTF-16 surrogates (ED A0..BF, as CESU-8 writes emoji) and
 * code points above U+10FFFF are ill-formed too: the strict decoder rejects them, so this must as well.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let offset = 0; offset < bytes.length; ) {
    const length = wellFormedLength(bytes, offset);
    if (length === 0) return offset;
    offset += length;
  }
  return bytes.length;
}

function wellFormedLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (i + length > bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return length;
}

/** Where a character is: its physical line, the record (0 = header) and the field within the record (0-based). */
interface Spot {
  line: number;
  record: number;
  field: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Walks the text with the quoting rules d3-dsv applies (a field is quoted only if it starts with a
 * quote; "" inside is a literal quote) to find what d3-dsv silently repairs: a quoted field that is
 * never closed swallows every later row into one value, and text after a closing quote is dropped.
 * Also gives the line each record starts on (record i is d3-dsv's row i, blank lines included) and,
 * with `until`, where the character at that index sits.
 */
function scan(text: string, until = text.length): {problems: {spot: Spot; rule: string}[]; recordLines: number[]; at: Spot} {
  const problems: {spot: Spot; rule: string}[] = [];
  const recordLines = [1];
  let line = 1;
  let record = 0;
  let field = 0;
  let fieldStart = true;
  let inQuotes = false;
  let afterClosingQuote = false;
  let opened: Spot = {line, record, field};
  for (let i = 0; i < until; i++) {
    const c = text.charCodeAt(i);
    const isBreak = c === LF || c === CR;
    if (isBreak && c === CR && text.charCodeAt(i + 1) === LF && i + 1 < until) i++;
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else {
          inQuotes = false;
          afterClosingQuote = true;
        }
      } else if (isBreak) line++;
      continue;
    }
    if (c === COMMA) {
      field++;
      fieldStart = true;
      afterClosingQuote = false;
    } else if (isBreak) {
      line++;
      record++;
      recordLines.push(line);
      field = 0;
      fieldStart = true;
      afterClosingQuote = false;
    } else {
      if (afterClosingQuote) {
        problems.push({spot: {line, record, field}, rule: 'has text after its closing quote (inside a quoted field, write a quote as "")'});
        afterClosingQuote = false;
      } else if (c === QUOTE && fieldStart) {
        inQuotes = true;
        opened = {line, record, field};
      }
      fieldStart = false;
    }
  }
  if (inQuotes && until === text.length) {
    problems.push({spot: opened, rule: "opens a quoted field that is never closed (every later line would be read into it)"});
  }
  return {problems, recordLines, at: {line, record, field}};
}

/** A data field is named by its header column; a header field, or one past the last column, by its 1-based position. */
function columnName(header: string[], {record, field}: Spot): string {
  return record > 0 && field < header.length ? header[field].trim() : String(field + 1);
}

export function parseCsv(bytes: Uint8Array, file: string): CsvFile {
  const decoded = decodeUtf8(bytes, file);
  if ("issue" in decoded) return {header: [], records: [], issues: [decoded.issue]};
  // Spreadsheets write a byte-order mark; it is not part of the first column's name.
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return {header: [], records: [], issues: [{file, line: 0, rule: "the file is empty (a header row is required)"}]};

  const rows = csvParseRows(text);
  const header = rows[0].map((name) => name.trim());
  // Broken quoting means the rows cannot be split reliably: report it alone, since the field counts would only echo it.
  const {problems, recordLines} = scan(text);
  if (problems.length > 0) {
    return {header: [], records: [], issues: problems.map(({spot, rule}) => ({file, line: spot.line, column: columnName(header, spot), rule}))};
  }

  const issues: DataIssue[] = [];
  const records: CsvRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const startLine = recordLines[r];
    // A blank line, or a row of empty cells as spreadsheets save below the data, carries no fact.
    if (row.every((field) => field.trim() === "")) continue;
    if (row.length > header.length) {
      issues.push({file, line: startLine, column: String(header.length + 1), rule: `the row has ${row.length} fields, the header has ${header.length} (put text that contains a comma in double quotes)`});
      continue;
    }
    if (row.length < header.length) {
      issues.push({file, line: startLine, column: header[row.length], rule: `is missing: the row has ${row.length} fields, the header has ${header.length}`});
      continue;
    }
    // A plain loop, not Object.fromEntries: at 100,000 rows the throwaway pairs cost more in garbage collection than the parse.
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) values[header[i]] = row[i];
    records.push({line: startLine, values});
  }
  return {header, records, issues};
}

export function readCsv(path: string, file: string): CsvFile {
  return parseCsv(readFileSync(path), file);
}
