/**
 * Checks of the app's assets for `npm run validate`: the two icons, and the Entra app manifest (aad.manifest.json)
 * with its SSO scope, the Teams clients pre-authorized for it and exactly the Graph permissions the app uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GRAPH_PERMISSIONS,
  MICROSOFT_GRAPH_APP_ID,
  SSO_SCOPE,
  TEAMS_CLIENT_IDS,
} from './graph-permissions.js';
import { readPixels } from './icons.js';
import { asArray, asObject, type Json } from './json-shape.js';

/** Icon sizes, and colours: the outline only white or transparent, the colour icon not one flat colour. */
export async function checkIcons(root: string, manifest: Json): Promise<string[]> {
  const problems: string[] = [];
  const icons = asObject(manifest.icons);
  const expected = [
    ['color', 192],
    ['outline', 32],
  ] as const;
  for (const [kind, size] of expected) {
    const relative = typeof icons[kind] === 'string' ? `appPackage/${icons[kind]}` : undefined;
    if (relative === undefined || !existsSync(path.join(root, relative))) {
      problems.push(`manifest.json: icons.${kind} names no file in appPackage/`);
      continue;
    }
    let pixels;
    try {
      pixels = await readPixels(readFileSync(path.join(root, relative)));
    } catch (error) {
      problems.push(`${relative}: not a PNG jimp can read (${(error as Error).message})`);
      continue;
    }
    if (pixels.width !== size || pixels.height !== size) {
      problems.push(`${relative}: ${pixels.width}x${pixels.height}, must be ${size}x${size}`);
      continue;
    }
    const { data } = pixels;
    if (kind === 'outline') {
      let notWhite = 0;
      let opaque = 0;
      for (let i = 0; i < data.length; i += 4) {
        const alpha = data[i + 3] ?? 0;
        if (alpha === 0) continue;
        opaque++;
        if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) notWhite++;
      }
      if (notWhite > 0) problems.push(`${relative}: ${notWhite} pixels are neither white nor transparent`);
      if (opaque === 0) problems.push(`${relative}: fully transparent, it shows nothing`);
      if (opaque === data.length / 4)
        problems.push(`${relative}: no transparent pixel, the outline must be on transparent`);
    } else {
      const colours = new Set<number>();
      for (let i = 0; i < data.length && colours.size < 3; i += 4) colours.add(data.readUInt32BE(i));
      if (colours.size < 3) problems.push(`${relative}: one flat colour, not an icon`);
    }
  }
  return problems;
}

/** aad.manifest.json: the SSO scope, the two Teams clients pre-authorized for it, and exactly the Graph permissions. */
export function checkAadManifest(aad: Json): string[] {
  const problems: string[] = [];
  const file = 'aad.manifest.json';
  for (const key of [
    'id',
    'appId',
    'name',
    'identifierUris',
    'oauth2Permissions',
    'preAuthorizedApplications',
    'requiredResourceAccess',
  ]) {
    if (!Object.hasOwn(aad, key)) problems.push(`${file}: "${key}" missing`);
  }
  if (
    !asArray(aad.identifierUris).some(
      (uri) => typeof uri === 'string' && /^api:\/\/[A-Za-z0-9.-]+\/botid-[0-9a-fA-F-]{36}$/.test(uri),
    )
  ) {
    problems.push(`${file}: identifierUris must hold api://\${{BOT_DOMAIN}}/botid-\${{BOT_ID}}`);
  }
  const scope = asArray(aad.oauth2Permissions)
    .map(asObject)
    .find((p) => p.value === SSO_SCOPE);
  if (!scope) problems.push(`${file}: oauth2Permissions has no "${SSO_SCOPE}" scope`);
  else {
    if (scope.isEnabled !== true) problems.push(`${file}: the ${SSO_SCOPE} scope is not enabled`);
    if (scope.type !== 'User')
      problems.push(`${file}: the ${SSO_SCOPE} scope must be type "User" (users may consent)`);
  }
  const scopeId = scope?.id;
  const preAuthorized = asArray(aad.preAuthorizedApplications).map(asObject);
  for (const [client, appId] of Object.entries(TEAMS_CLIENT_IDS)) {
    const entry = preAuthorized.find((p) => p.appId === appId);
    if (!entry) problems.push(`${file}: ${client} (${appId}) is not pre-authorized`);
    else if (scopeId === undefined || !asArray(entry.permissionIds).includes(scopeId)) {
      problems.push(`${file}: ${client} (${appId}) is not pre-authorized for ${SSO_SCOPE}`);
    }
  }
  const graph = asArray(aad.requiredResourceAccess)
    .map(asObject)
    .filter((r) => r.resourceAppId === MICROSOFT_GRAPH_APP_ID);
  const granted = new Set(
    graph.flatMap((r) =>
      asArray(r.resourceAccess)
        .map(asObject)
        .map((a) => `${String(a.id)}/${String(a.type)}`),
    ),
  );
  const wanted = new Set(GRAPH_PERMISSIONS.map((p) => `${p.id}/${p.type}`));
  for (const permission of GRAPH_PERMISSIONS) {
    if (!granted.has(`${permission.id}/${permission.type}`)) {
      problems.push(
        `${file}: Microsoft Graph ${permission.name} (${permission.type} ${permission.id}) is not requested`,
      );
    }
  }
  for (const entry of granted) {
    if (!wanted.has(entry))
      problems.push(`${file}: Microsoft Graph permission ${entry} is not in the app's permission table`);
  }
  return problems;
}

/**
 * The manifest's SSO resource (filled) must be one of the Entra app's identifier URIs (filled with the same values):
 * Teams asks Entra for a token for that resource, for the tab and the bot alike, and Entra only issues one for a URI
 * the app owns.
 */
export function checkSsoResource(manifest: Json, aad: Json): string[] {
  const resource = asObject(manifest.webApplicationInfo).resource;
  if (typeof resource !== 'string' || asArray(aad.identifierUris).includes(resource)) return [];
  return [
    `manifest.json: webApplicationInfo.resource ${resource} is not one of aad.manifest.json's identifierUris, so Entra would issue no token for it`,
  ];
}
