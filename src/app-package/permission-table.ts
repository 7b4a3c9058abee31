/**
 * The README's table of Graph permissions, written from `GRAPH_PERMISSIONS` between two markers, so what an admin
 * reads before granting consent is exactly what aad.manifest.json asks for (which `checkAadManifest` holds to the
 * same list). `npm run appPackage:generate` rewrites it; `npm run validate` refuses a table edited by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAPH_PERMISSIONS, type GraphPermission } from './graph-permissions.js';

/** The lines around the table in README.md. */
export const PERMISSION_TABLE_START = '<!-- graph-permissions:start -->';
export const PERMISSION_TABLE_END = '<!-- graph-permissions:end -->';

const TABLE = new RegExp(`${PERMISSION_TABLE_START}[\\s\\S]*?${PERMISSION_TABLE_END}`);

/** The table in Markdown: one row per permission, in the list's order. */
export function permissionTableMarkdown(permissions: readonly GraphPermission[] = GRAPH_PERMISSIONS): string {
  const rows = permissions.map(
    (p) => `| \`${p.name}\` | ${p.type === 'Scope' ? 'delegated' : 'application'} | ${p.why} |`,
  );
  return ['| permission | type | why |', '|---|---|---|', ...rows].join('\n');
}

/** The README text with its table rewritten; throws when the markers are missing. */
export function withPermissionTable(readme: string): string {
  if (!TABLE.test(readme)) {
    throw new Error(`README.md has no ${PERMISSION_TABLE_START} … ${PERMISSION_TABLE_END} markers`);
  }
  return readme.replace(
    TABLE,
    `${PERMISSION_TABLE_START}\n${permissionTableMarkdown()}\n${PERMISSION_TABLE_END}`,
  );
}

/**
 * README.md's table against the list. A root without README.md (a throwaway copy of the package) has nothing to
 * check; a README without the markers, or with another table, is a problem.
 */
export function checkPermissionTable(root: string): string[] {
  const file = path.join(root, 'README.md');
  if (!existsSync(file)) return [];
  const readme = readFileSync(file, 'utf8');
  let expected: string;
  try {
    expected = withPermissionTable(readme);
  } catch (error) {
    return [(error as Error).message];
  }
  return expected === readme
    ? []
    : [
        'README.md: the Graph permission table is not what src/app-package/graph-permissions.ts gives; run `npm run appPackage:generate` instead of editing it by hand',
      ];
}
