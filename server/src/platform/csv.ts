// CSV files as spreadsheets read them safely (RFC 4180, UTF-8 with a byte order mark, formula
// starts neutralised), whole or in parts for a file sent as it is read. No I/O: the caller sends.

/**
 * A cell a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return, or any whitespace before one of those four, since spreadsheets trim leading spaces
 * before deciding) gets a leading apostrophe, which shows the text as typed.
 */
export function neutraliseCell(value: string): string {
  return /^(?:[\t\r]|\s*[=+\-@])/u.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: always quoted, inner quotes doubled, formula starts neutralised. */
export function csvField(value: string | number | null): string {
  if (value === null) return '""';
  const text = typeof value === "number" ? String(value) : neutraliseCell(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * RFC 4180 text: CRLF after every record, UTF-8 byte order mark first so spreadsheets read
 * names in any script. Numbers are written as numbers (a negative number is data, not a formula).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return csvHeader(header) + csvRecords(rows);
}

/** The start of a CSV file sent in parts: the byte order mark and the header record. */
export function csvHeader(header: readonly string[]): string {
  return `\uFEFF${header.map(csvField).join(",")}\r\n`;
}

/** Records of a CSV file, each ending with CRLF (empty for no rows), to follow `csvHeader`. */
export function csvRecords(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
