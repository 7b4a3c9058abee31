/**
 * The pending-id convention `my data` and `forget me` find a person's waiting items by: each feature's real ids
 * (photo waiting for sign-in, recent photo, pick-card choice, group command, admin's waiting send) are found for
 * their person and never for another, including ids that must be encoded (a Teams id with a colon).
 */
import { randomBytes } from 'node:crypto';
import { pendingKindFor, personPendingId } from '../../src/privacy/pending-keys.js';
import { encodeKeySegment } from '../../src/storage/storage.js';

const ALEX = '00000000-0000-0000-0000-0000000000020';
const MEGAN = '00000000-0000-0000-0000-0000000000021';
const TEAMS_ID = '29:1a2b3c-Long_Teams.Id';

/** The ids the features build today (photo-message-handler, recent-photos, target-photo-handler, admin-handler). */
function idsOf(person: string): string[] {
  const segment = encodeKeySegment(person);
  const choice = randomBytes(16).toString('base64url');
  return [
    `photo-${segment}`,
    `recent-${segment}`,
    `choice-${segment}-${choice}`,
    `command-${segment}`,
    `admin-send-${segment}`,
  ];
}

it("finds each feature's items for their person, with their kind, and never for someone else", () => {
  for (const person of [ALEX, TEAMS_ID]) {
    expect(idsOf(person).map((id) => pendingKindFor(id, person))).toEqual([
      'photo',
      'recent',
      'choice',
      'command',
      'admin-send',
    ]);
    for (const other of [ALEX, MEGAN, TEAMS_ID].filter((p) => p !== person))
      expect(idsOf(person).map((id) => pendingKindFor(id, other))).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
  }
  // Claims and other namespaces' ids that merely contain the id do not count.
  expect(pendingKindFor(`exchange:${ALEX}`, ALEX)).toBeUndefined();
  expect(pendingKindFor(`photo-${ALEX}x`, ALEX)).toBeUndefined();
  expect(pendingKindFor(`photo-${ALEX}-with space`, ALEX)).toBeUndefined();
});

it('builds ids by the convention, and refuses kinds and suffixes outside it', () => {
  expect(personPendingId('quality-warning', TEAMS_ID)).toBe(`quality-warning-${encodeKeySegment(TEAMS_ID)}`);
  expect(pendingKindFor(personPendingId('quality-warning', TEAMS_ID, 'ab_C-1'), TEAMS_ID)).toBe(
    'quality-warning',
  );
  expect(() => personPendingId('Photo', ALEX)).toThrow(RangeError);
  expect(() => personPendingId('photo', ALEX, 'a/b')).toThrow(RangeError);
});
