/**
 * The pure parts of the page's API: what a request names (target, crop box, undo body), the language of an
 * `Accept-Language` header, the HTTP status of every error code, and the loopback test of the local token route.
 */
import type { IncomingMessage } from 'node:http';
import { STATUS_OF_CODE } from '../../src/api/api-answers.js';
import { localeFromAcceptLanguage } from '../../src/web/page-locale.js';
import { fromLoopback } from '../../src/api/local-token-route.js';
import { parseCropBox, parseTarget, parseUndoBody } from '../../src/api/photo-request.js';
import { ERROR_CODES } from '../../src/errors.js';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('what a page request names', () => {
  it('reads the targets of the contract, and nothing else', () => {
    expect(parseTarget('me')).toEqual({ kind: 'me' });
    expect(parseTarget('group:g-1')).toEqual({ kind: 'group', groupId: 'g-1' });
    // Exchange ids hold `/`, `+` and `=`: the reference is kept whole, and matched against the caller's contacts.
    expect(parseTarget('contact:AAMk/fold+er=/AAMk-c=')).toEqual({
      kind: 'contact',
      ref: 'AAMk/fold+er=/AAMk-c=',
    });
    for (const bad of [null, '', 'user:someone', 'group:', 'contact:', 'ME', `group:${'x'.repeat(2000)}`]) {
      expect(codeOf(() => parseTarget(bad))).toBe('InvalidRequest');
    }
  });

  it('reads a crop box as four whole numbers making a square, or none', () => {
    expect(parseCropBox(null)).toBeUndefined();
    expect(parseCropBox('')).toBeUndefined();
    expect(parseCropBox('10, 20,300,300')).toEqual({ x: 10, y: 20, width: 300, height: 300 });
    for (const bad of [
      '1,2,3',
      '1,2,3,4,5',
      '0,0,100,90',
      '0,0,0,0',
      '-1,0,100,100',
      '0.5,0,100,100',
      'a,b,c,d',
    ]) {
      expect(codeOf(() => parseCropBox(bad))).toBe('InvalidCropBox');
    }
  });

  it('reads the change id of an undo body', () => {
    const body = (text: string) => new TextEncoder().encode(text);
    expect(parseUndoBody(body('{"changeId":"abc"}'))).toBe('abc');
    for (const bad of ['', 'changeId=abc', '{"changeId":7}', '[]', '{"changeId":""}', 'null']) {
      expect(codeOf(() => parseUndoBody(body(bad)))).toBe('InvalidRequest');
    }
    expect(codeOf(() => parseUndoBody(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe('InvalidRequest');
  });
});

describe('the language of Accept-Language', () => {
  it.each([
    [undefined, 'en'],
    ['de-AT', 'de'],
    ['fr-FR, es;q=0.9, de;q=0.8', 'es'],
    ['fr, de;q=0.5, pt-PT;q=0.7', 'pt-BR'],
    ['zh-TW, ru;q=0.3', 'ru'],
    ['en-GB, de;q=0.9', 'en'],
    ['de;q=0, es;q=0.1', 'es'],
    ['*, fr', 'en'],
  ] as const)('%s → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('error codes as HTTP statuses', () => {
  it('maps every code: refusals of the caller to 4xx, upstream trouble to 5xx', () => {
    for (const code of ERROR_CODES) expect(STATUS_OF_CODE[code]).toBeGreaterThanOrEqual(400);
    expect(STATUS_OF_CODE.SignInRequired).toBe(401);
    expect(STATUS_OF_CODE.NotGroupOwner).toBe(403);
    expect(STATUS_OF_CODE.ImageTooLarge).toBe(413);
    expect(STATUS_OF_CODE.GraphUnavailable).toBe(503);
  });
});

describe('the local token route', () => {
  const from = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as IncomingMessage;

  it('counts only a loopback peer as this machine', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3'])
      expect(fromLoopback(from(address))).toBe(true);
    for (const address of ['10.0.0.5', '::ffff:192.168.1.2', 'fe80::1', ''])
      expect(fromLoopback(from(address))).toBe(false);
  });
});
