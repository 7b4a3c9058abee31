/**
 * Reads an import's `mapping.csv`: which file is whose photo. A header row names the columns: `file`, and the
 * person as `user`, `upn`, `mail` or `employeeId` (any letter case). RFC 4180 quoting (so a file name may hold
 * commas, quotes and line breaks), a UTF-8 byte order mark, CRLF or LF line ends; Excel's `;` separator is accepted
 * when the header has no comma.
 *
 * Hand-written: the format is small, the input is capped (it is one entry of a capped zip), and a problem is wanted
 * per line (to report it like a skipped file) rather than one exception for the whole file.
 */

/** A line of the mapping that could not be used. */
export interface MappingProblem {
  /** The 1-based line where the row starts. */
  readonly line: number;
  readonly detail: string;
}

/** What a mapping says: file (as {@link mappingFileKey}) to person (as written), and the lines it could not use. */
export interface Mapping {
  readonly users: ReadonlyMap<string, string>;
  readonly problems: readonly MappingProblem[];
}

/** Header names of the person column, in order of preference (lower case). */
const USER_COLUMNS = ['user', 'upn', 'mail', 'employeeid'];

/** How a file name is compared: NFC, `/` separators, no leading `./`, any letter case, no surrounding spaces. */
export function mappingFileKey(name: string): string {
  return name
    .trim()
    .normalize('NFC')
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .toLowerCase();
}

/** Parses the text of a `mapping.csv`. Never throws: what it cannot use is in `problems`. */
export function parseMappingCsv(text: string): Mapping {
  const users = new Map<string, string>();
  const problems: MappingProblem[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const separator = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const { rows, problem } = parseRows(body, separator);

  const header = rows[0];
  if (header === undefined) return { users, problems: [{ line: 1, detail: 'no header row' }] };
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const fileColumn = names.indexOf('file');
  const userColumn = USER_COLUMNS.map((column) => names.indexOf(column)).find((index) => index >= 0);
  if (fileColumn < 0 || userColumn === undefined) {
    return { users, problems: [{ line: header.line, detail: 'the header needs a file and a user column' }] };
  }

  for (const row of rows.slice(1)) {
    if (row.fields.every((field) => field.trim() === '')) continue;
    const file = row.fields[fileColumn]?.trim() ?? '';
    const user = row.fields[userColumn]?.trim() ?? '';
    if (file === '' || user === '') {
      problems.push({ line: row.line, detail: 'a file and a user are needed' });
      continue;
    }
    const key = mappingFileKey(file);
    const earlier = users.get(key);
    if (earlier !== undefined) {
      // The first row stays; a second one for the same file is reported, whoever it names.
      problems.push({ line: row.line, detail: 'the file is mapped more than once' });
      continue;
    }
    users.set(key, user);
  }
  if (problem !== undefined) problems.push(problem);
  return { users, problems };
}

interface Row {
  readonly line: number;
  readonly fields: string[];
}

/** RFC 4180 records; an unterminated quote ends the parse with a problem at the line where its row began. */
function parseRows(text: string, separator: string): { rows: Row[]; problem?: MappingProblem } {
  const rows: Row[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let i = 0;
  const endRow = (): void => {
    fields.push(field);
    rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line += 1;
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      field += char;
    }
    i += 1;
  }
  if (quoted) return { rows, problem: { line: rowLine, detail: 'a quote is not closed' } };
  if (field !== '' || fields.length > 0) endRow();
  return { rows };
}
