/**
 * A bulk job's report: one line per file of the import (who, which file, what happened, why, Graph's request id),
 * and the same as CSV for the admin to download.
 */
import type { JobItemResult } from './admin-contracts.js';
import type { StoredJobItem } from './job-store.js';

/** The report's line of a stored line. */
export function reportLine(item: StoredJobItem): JobItemResult {
  return {
    file: item.file,
    person: item.person,
    result: item.result,
    ...(item.personId === undefined ? {} : { personId: item.personId }),
    ...(item.reason === undefined ? {} : { reason: item.reason }),
    ...(item.graphRequestId === undefined ? {} : { graphRequestId: item.graphRequestId }),
    ...(item.changeId === undefined ? {} : { changeId: item.changeId }),
  };
}

/** The report as CSV: `person,file,result,reason,graphRequestId`, one header line, CRLF line ends. */
export function reportCsv(items: readonly JobItemResult[]): string {
  const lines = [['person', 'file', 'result', 'reason', 'graphRequestId']];
  for (const item of items) {
    lines.push([item.person, item.file, item.result, item.reason ?? '', item.graphRequestId ?? '']);
  }
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV cell, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled). A cell a
 * spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
 * leading `'`, so a crafted file name cannot run anything when the report is opened.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
