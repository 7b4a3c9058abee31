/**
 * The emulator's deterministic fault script: photo requests take their fates in order, directory reads never
 * consume them, and once the script is exhausted requests pass again (random rates apply as before). A scripted
 * refusal is answered as the Graph error it names.
 */
import { FaultScript, GRAPH_REFUSALS, decideFaults } from '../../src/emulator/faults.js';
import { GraphFault } from '../../src/emulator/graph-answers.js';
import { graphErrorCode } from '../../src/graph/graph-errors.js';

describe('FaultScript', () => {
  it('gives photo requests their scripted fates in order, and leaves directory reads alone', () => {
    const script = new FaultScript().push('pass', 1).push('unavailable', 2);
    const never = () => 0.99;
    expect(decideFaults({ script }, false, never).fault).toBeUndefined(); // a directory read: not consumed
    expect(script.pending).toBe(3);
    expect(decideFaults({ script }, true, never).fault).toBeUndefined();
    expect(decideFaults({ script }, true, never).fault).toMatchObject({ status: 503 });
    expect(decideFaults({ script, latencyMs: 5 }, true, never)).toMatchObject({
      delayMs: 5,
      fault: { status: 503 },
    });
    expect(script.pending).toBe(0);
    expect(decideFaults({ script }, true, never).fault).toBeUndefined();
  });

  it('lets random rates apply again once exhausted, and can be cleared', () => {
    const script = new FaultScript().push('pass', 1);
    const always = () => 0;
    // Scripted "pass" wins over a rate that would fail every request.
    expect(decideFaults({ script, unavailableRate: 1 }, true, always).fault).toBeUndefined();
    expect(decideFaults({ script, unavailableRate: 1 }, true, always).fault).toMatchObject({ status: 503 });
    script.push('unavailable', 3).clear();
    expect(script.pending).toBe(0);
  });
});

describe('FaultScript refusals', () => {
  const never = () => 0.99;

  it('answers a scripted photo request with the Graph error it was given, in order with pass and 503', () => {
    const script = new FaultScript()
      .push('pass')
      .push(GRAPH_REFUSALS.accessDenied)
      .push({ status: 429, code: 'TooManyRequests', message: 'Slow down.', headers: { 'retry-after': '7' } })
      .push('unavailable');
    expect(decideFaults({ script }, false, never).fault).toBeUndefined(); // a directory read: not consumed
    expect(decideFaults({ script }, true, never).fault).toBeUndefined();
    const denied = decideFaults({ script, latencyMs: 3 }, true, never);
    expect(denied.delayMs).toBe(3);
    expect(denied.fault).toBeInstanceOf(GraphFault);
    expect(denied.fault).toMatchObject({
      status: 403,
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
    });
    expect(decideFaults({ script }, true, never).fault).toMatchObject({
      status: 429,
      code: 'TooManyRequests',
      message: 'Slow down.',
      headers: { 'retry-after': '7' },
    });
    expect(decideFaults({ script }, true, never).fault).toMatchObject({
      status: 503,
      code: 'ServiceNotAvailable',
    });
    expect(script.pending).toBe(0);
    expect(decideFaults({ script }, true, never).fault).toBeUndefined();
  });

  it('wins over random rates, and queues a copy of the refusal it was given', () => {
    const refusal = { status: 413, code: 'RequestEntityTooLarge', message: 'Too large.' };
    const script = new FaultScript().push(refusal, 2);
    refusal.status = 500;
    const always = () => 0;
    for (let i = 0; i < 2; i++) {
      expect(decideFaults({ script, throttleRate: 1, unavailableRate: 1 }, true, always).fault).toMatchObject(
        { status: 413, code: 'RequestEntityTooLarge', headers: {} },
      );
    }
    expect(decideFaults({ script, unavailableRate: 1 }, true, always).fault).toMatchObject({ status: 503 });
  });

  it('holds the refusals real Graph gives on photo requests, and the codes the Graph client makes of them', () => {
    const me = { kind: 'me' } as const;
    const someone = { kind: 'user', user: 'meganb@example.com' } as const;
    const codes = Object.fromEntries(
      Object.entries(GRAPH_REFUSALS).map(([name, r]) => [
        name,
        [r.status, r.code, graphErrorCode(r.status, r.code, me), graphErrorCode(r.status, r.code, someone)],
      ]),
    );
    expect(codes).toEqual({
      accessDenied: [403, 'ErrorAccessDenied', 'GraphPolicyBlocked', 'GraphForbidden'],
      requestDenied: [403, 'Authorization_RequestDenied', 'GraphPolicyBlocked', 'GraphForbidden'],
      tooLarge: [413, 'RequestEntityTooLarge', 'GraphPhotoTooLarge', 'GraphPhotoTooLarge'],
      mailboxNotEnabled: [
        404,
        'MailboxNotEnabledForRESTAPI',
        'GraphMailboxUnsupported',
        'GraphMailboxUnsupported',
      ],
    });
  });

  it.each([
    [{ status: 200, code: 'OK', message: '' }, /from 400 to 599, not 200/],
    [{ status: 600, code: 'X', message: '' }, /from 400 to 599, not 600/],
    [{ status: 403.5, code: 'X', message: '' }, /from 400 to 599/],
    [{ status: 403, code: '', message: '' }, /error code/],
  ])('refuses a refusal Graph could not send: %o', (refusal, reason) => {
    const script = new FaultScript();
    expect(() => script.push(refusal)).toThrow(reason);
    expect(script.pending).toBe(0);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => new FaultScript().push('pass', 1.5)).toThrow(RangeError);
    expect(() => new FaultScript().push('pass', -1)).toThrow(RangeError);
  });
});
