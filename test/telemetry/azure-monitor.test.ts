/**
 * The span processor that scrubs what Application Insights receives, on spans shaped as OpenTelemetry ends them.
 * Importing the module starts nothing: `startTelemetry` is what calls `useAzureMonitor`, and it is not called here.
 */
import { describe, expect, it } from '@jest/globals';
import { redactingSpanProcessor, scrub } from '../../src/telemetry/azure-monitor.js';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGV4dyIsImF1ZCI6ImFwaTovL2JvdCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const SAS = 'https://photos.blob.core.windows.net/in/me.jpg?sv=2024-01-01&sig=SASSIGNATURE';

type EndedSpan = Parameters<ReturnType<typeof redactingSpanProcessor>['onEnd']>[0];

function endedSpan(
  name: string,
  attributes: Record<string, unknown>,
  events: { name: string; attributes?: Record<string, unknown> }[] = [],
): EndedSpan {
  // Only the fields the processor reads and writes; the rest of a ReadableSpan does not matter to it.
  return { name, attributes, events } as unknown as EndedSpan;
}

describe('redactingSpanProcessor', () => {
  it('keeps the path of request URLs and drops their query strings', () => {
    const attributes: Record<string, unknown> = {
      'url.full': SAS,
      'http.url': 'https://smba.trafficmanager.net/amer/v3/attachments/0-abc/views/original?token=abc',
      'http.target': '/api/messages?code=SECRETCODE',
      'url.path': '/healthz',
      'url.query': 'sig=SASSIGNATURE',
      'http.query': 'code=SECRETCODE',
    };
    scrub(attributes);
    expect(attributes).toEqual({
      'url.full': 'https://photos.blob.core.windows.net/in/me.jpg',
      'http.url': 'https://smba.trafficmanager.net/amer/v3/attachments/0-abc/views/original',
      'http.target': '/api/messages',
      'url.path': '/healthz',
      'url.query': '[redacted]',
      'http.query': '[redacted]',
    });
  });

  it('masks secrets by name, tokens, URLs with a query string, other URL-named attributes and bytes', () => {
    const attributes: Record<string, unknown> = {
      'http.request.header.authorization': ['Bearer abc'],
      'app.ssoToken': 'opaque',
      'app.detail': `exchange of ${JWT} failed`,
      'app.header': 'Bearer opaque-credential',
      'app.download': `GET ${SAS}`,
      'app.contentUrl': 'https://smba.trafficmanager.net/amer/v3/attachments/0-abc/views/original',
      'app.photo': new Uint8Array([0xff, 0xd8, 0xff]),
      'app.kept': 'ImageTooLarge',
      'app.count': 3,
      'app.list': ['a', 'b'],
    };
    scrub(attributes);
    const text = JSON.stringify(attributes);
    for (const secret of ['opaque', 'eyJhbGci', 'SASSIGNATURE', '0-abc', '255'])
      expect(text).not.toContain(secret);
    expect(attributes).toMatchObject({
      'http.request.header.authorization': '[redacted]',
      'app.ssoToken': '[redacted]',
      'app.detail': 'exchange of [redacted jwt] failed',
      'app.header': 'Bearer [redacted]',
      'app.download': 'GET [redacted url]',
      'app.contentUrl': '[redacted url]',
      'app.photo': '[3 bytes redacted]',
      'app.kept': 'ImageTooLarge',
      'app.count': 3,
      'app.list': ['a', 'b'],
    });
  });

  it('scrubs a span in place when it ends: attributes, event attributes and the name', () => {
    const span = endedSpan(`GET ${SAS}`, { 'url.full': SAS }, [
      { name: 'exception', attributes: { 'exception.message': `token ${JWT} refused at ${SAS}` } },
      { name: 'no attributes' },
    ]);
    redactingSpanProcessor().onEnd(span);
    expect(span.name).toBe('GET [redacted url]');
    expect(span.attributes['url.full']).toBe('https://photos.blob.core.windows.net/in/me.jpg');
    expect(span.events[0]?.attributes?.['exception.message']).toBe(
      'token [redacted jwt] refused at [redacted url]',
    );
  });
});
