import { describe, expect, it } from '@jest/globals';
import { createLogger, type LogFields, type LoggerOptions, type LogLevel } from '../src/logger.js';

const NOW = new Date('2026-12-01T14:50:00.000Z');
// A real-looking JWT (header {"alg":"RS256","typ":"JWT"}), never a real one.
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGV4dyIsImF1ZCI6ImFwaTovL2JvdCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const SAS_URL = 'https://photos.blob.core.windows.net/in/me.jpg?sv=2024-01-01&sig=abc123SECRETSIG';

function record(level: LogLevel = 'debug', options: LoggerOptions = {}) {
  const lines: string[] = [];
  const logger = createLogger(
    level,
    (line) => lines.push(line),
    () => NOW,
    options,
  );
  return { logger, lines };
}

function jsonOf(fields: LogFields, event = 'photo changed'): Record<string, unknown> {
  const { logger, lines } = record('debug', { format: 'json' });
  logger.info(event, fields);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('createLogger, json format', () => {
  it('writes one JSON object per event, level, time and event first, then the correlation fields', () => {
    const { logger, lines } = record('debug', { format: 'json' });
    logger.warn('photo change refused', {
      senderId: 'u-1',
      graphRequestId: 'req-9',
      code: 'GraphAccessDenied',
      outcome: 'refused',
      correlationId: 'ab12cd34',
      skipped: undefined,
    });
    logger.info('photo changed', { correlationId: 'chg-1', outcome: 'ok' });
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
      'level',
      'time',
      'event',
      'correlationId',
      'outcome',
      'code',
      'graphRequestId',
      'senderId',
    ]);
    expect(first).toEqual({
      level: 'warn',
      time: '2026-12-01T14:50:00.000Z',
      event: 'photo change refused',
      correlationId: 'ab12cd34',
      outcome: 'refused',
      code: 'GraphAccessDenied',
      graphRequestId: 'req-9',
      senderId: 'u-1',
    });
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'info', event: 'photo changed', outcome: 'ok' });
  });

  it('keeps level, time and event its own: a field of that name is written beside them', () => {
    expect(jsonOf({ level: 'x', event: 'y', time: 1 })).toMatchObject({
      level: 'info',
      event: 'photo changed',
      'field.level': 'x',
      'field.event': 'y',
      'field.time': 1,
    });
  });

  it('filters by level', () => {
    const { logger, lines } = record('warn', { format: 'json' });
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['c', 'd']);
    const silent = record('silent', { format: 'json' });
    silent.logger.error('e');
    expect(silent.lines).toEqual([]);
  });

  it('adds the context fields (trace ids) without overriding the caller, and survives a broken context', () => {
    const { logger, lines } = record('debug', {
      format: 'json',
      context: () => ({ traceId: 't'.repeat(32), spanId: 's'.repeat(16), correlationId: 'from-context' }),
    });
    logger.info('photo changed', { correlationId: 'chg-1' });
    expect(JSON.parse(lines[0]!)).toMatchObject({
      correlationId: 'chg-1',
      traceId: 't'.repeat(32),
      spanId: 's'.repeat(16),
    });
    const broken = record('debug', {
      format: 'json',
      context: () => {
        throw new Error('no trace');
      },
    });
    broken.logger.info('still written');
    expect(broken.lines).toHaveLength(1);
  });
});

describe('createLogger, text format', () => {
  it('is the default: readable, one line, with the same fields', () => {
    const { logger, lines } = record();
    logger.error('turn failed', { correlationId: 'ab12cd34', outcome: 'failed', n: 3 });
    expect(lines).toEqual([
      '2026-12-01T14:50:00.000Z ERROR turn failed correlationId="ab12cd34" outcome="failed" n=3',
    ]);
  });
});

describe('redaction at the logger', () => {
  const formats = ['json', 'text'] as const;

  it.each([
    'token',
    'ssoToken',
    'accessToken',
    'clientSecret',
    'password',
    'authorization',
    'clientAssertion',
    'key',
  ])('masks a field named %s, whatever its value', (key) => {
    for (const format of formats) {
      const { logger, lines } = record('debug', { format });
      logger.info('exchange', { [key]: 'plain-value-123', nested: { [key]: 'inner-value-456' } });
      expect(lines[0]).not.toContain('plain-value-123');
      expect(lines[0]).not.toContain('inner-value-456');
      expect(lines[0]).toContain('[redacted]');
    }
  });

  it('masks a JWT anywhere in a value, nested value or the event name', () => {
    for (const format of formats) {
      const { logger, lines } = record('debug', { format });
      logger.warn(`refused ${JWT}`, { detail: `got ${JWT} back`, list: [JWT], deep: { a: { b: JWT } } });
      expect(lines[0]).not.toContain('eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9');
      expect(lines[0]).toContain('[redacted jwt]');
    }
  });

  it('masks a Bearer credential in a value', () => {
    const line = JSON.stringify(
      jsonOf({ header: 'Bearer opaque.token-value_42', other: 'Basic dXNlcjpwYXNz' }),
    );
    expect(line).not.toContain('opaque.token-value_42');
    expect(line).not.toContain('dXNlcjpwYXNz');
    expect(line).toContain('Bearer [redacted]');
  });

  it.each(['url', 'contentUrl', 'downloadUrl', 'photoUri', 'href'])(
    'drops a URL-named field (%s), even without a query string',
    (key) => {
      const fields = jsonOf({
        [key]: 'https://smba.trafficmanager.net/amer/v3/attachments/0-abc/views/original',
      });
      expect(fields[key]).toBe('[redacted url]');
    },
  );

  it('masks a URL with a query string in any value, and a data: URI', () => {
    const fields = jsonOf({
      detail: `GET ${SAS_URL} answered 403`,
      preview: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD',
      site: 'https://graph.microsoft.com/v1.0/me/photo',
    });
    const line = JSON.stringify(fields);
    expect(line).not.toContain('sig=');
    expect(line).not.toContain('photos.blob.core.windows.net');
    expect(line).not.toContain('/9j/4AAQ');
    expect(fields.detail).toBe('GET [redacted url] answered 403');
    // A URL without a query string in a field not named like a URL is an address, not a credential: it stays.
    expect(fields.site).toBe('https://graph.microsoft.com/v1.0/me/photo');
  });

  it('never writes bytes: Buffer, Uint8Array, ArrayBuffer, nested or not', () => {
    for (const format of formats) {
      const { logger, lines } = record('debug', { format });
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
      logger.info('photo', {
        jpeg,
        bytes: new Uint8Array(jpeg),
        raw: jpeg.buffer.slice(jpeg.byteOffset, jpeg.byteOffset + jpeg.byteLength),
        inner: { photo: jpeg },
      });
      const line = lines[0]!;
      expect(line).not.toMatch(/255|"data"|\\u00ff|ÿØ/);
      expect(line).toContain('[10 bytes redacted]');
      expect(line.match(/\[10 bytes redacted\]/g)).toHaveLength(4);
    }
  });

  it('writes an Error as its name and code, never its message', () => {
    const error = Object.assign(new Error(`download of ${SAS_URL} failed with ${JWT}`), {
      code: 'ECONNRESET',
    });
    expect(jsonOf({ error })).toMatchObject({ error: { name: 'Error', code: 'ECONNRESET' } });
    expect(JSON.stringify(jsonOf({ error }))).not.toContain('download of');
  });

  it('leaves ordinary identifiers, codes and numbers as they are', () => {
    expect(
      jsonOf({
        correlationId: 'ab12cd34',
        graphRequestId: '5f1c-9a',
        code: 'ImageTooLarge',
        bytes: 4096,
        ok: true,
      }),
    ).toMatchObject({
      correlationId: 'ab12cd34',
      graphRequestId: '5f1c-9a',
      code: 'ImageTooLarge',
      bytes: 4096,
      ok: true,
    });
  });
});
