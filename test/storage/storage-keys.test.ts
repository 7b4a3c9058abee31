import { encodeKeySegment, validateKey, validatePrefix } from '../../src/storage/index.js';

describe('storage keys', () => {
  it('accepts the keys the app builds', () => {
    for (const key of [
      'backups/changes/AbC_-123',
      'audit/2026-11-23/20261123T101010123Z-ab12',
      'pending/x/items/~bYQ',
      'a',
    ]) {
      expect(validateKey(key)).toBe(key);
    }
    for (const prefix of ['', 'audit/', 'audit/2026-1', 'a']) expect(validatePrefix(prefix)).toBe(prefix);
  });

  it('names a rejected key without echoing a long value', () => {
    const long = `${'A'.repeat(300)}/..`;
    expect(() => validateKey(long)).toThrow(/InvalidStorageKey/);
    try {
      validateKey(`${'secret'.repeat(40)}\\x`);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });

  it('encodes any string into one safe segment, keeping safe ones readable', () => {
    expect(encodeKeySegment('ada')).toBe('ada');
    expect(encodeKeySegment('0f6c8a3e-1b0a-4d8e')).toBe('0f6c8a3e-1b0a-4d8e');
    const values = [
      '29:1AbC',
      'ada@contoso.com',
      '..',
      '.',
      '~bYWRh',
      'ada',
      'a/b',
      'a\\b',
      'Ådä',
      'x'.repeat(121),
      'x'.repeat(2000),
      'y'.repeat(2000),
    ];
    const segments = values.map(encodeKeySegment);
    expect(new Set(segments).size).toBe(values.length);
    for (const segment of segments) {
      expect(validateKey(segment)).toBe(segment);
      expect(segment.length).toBeLessThanOrEqual(200);
    }
    expect(encodeKeySegment('29:1AbC')).toBe(encodeKeySegment('29:1AbC'));
    expect(() => encodeKeySegment('')).toThrow(/InvalidStorageKey/);
  });
});
