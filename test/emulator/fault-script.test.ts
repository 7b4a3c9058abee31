/**
 * The emulator's deterministic fault script: photo requests take their fates in order, directory reads never
 * consume them, and once the script is exhausted requests pass again (random rates apply as before).
 */
import { FaultScript, decideFaults } from '../../src/emulator/faults.js';

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
