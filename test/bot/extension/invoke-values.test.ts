/**
 * The extension's invoke values as a client may send them: what Teams sends is read, anything malformed or
 * oversized is refused or bounded before it reaches a handler.
 */
import {
  DEFAULT_SEARCH_TOP,
  MAX_SEARCH_TOP,
  groupQueryOf,
  searchRequestOf,
  setGroupPhotoDataOf,
  taskGroupIdOf,
} from '../../../src/bot/extension/invoke-values.js';

describe('setGroupPhotoDataOf', () => {
  it("reads the Set button's data merged with the group picker's value, as Teams sends it", () => {
    expect(
      setGroupPhotoDataOf({
        commandId: 'setGroupPhoto',
        data: { choice: 'abc', groupId: ' g1 ' },
        context: {},
      }),
    ).toEqual({ choice: 'abc', groupId: 'g1' });
  });

  it('refuses missing, empty, non-string and oversized fields', () => {
    for (const data of [
      {},
      { choice: 'abc' },
      { groupId: 'g1' },
      { choice: '', groupId: 'g1' },
      { choice: 'abc', groupId: ['g1'] },
      { choice: 'abc', groupId: 'g'.repeat(513) },
    ])
      expect(setGroupPhotoDataOf({ data })).toBeUndefined();
    expect(setGroupPhotoDataOf(null)).toBeUndefined();
    expect(setGroupPhotoDataOf('data')).toBeUndefined();
  });
});

it("taskGroupIdOf reads a Change photo button's group id", () => {
  expect(taskGroupIdOf({ data: { msteams: { type: 'task/fetch' }, groupId: 'g1' } })).toBe('g1');
  expect(taskGroupIdOf({ data: { msteams: { type: 'task/fetch' } } })).toBeUndefined();
});

describe('groupQueryOf', () => {
  it('reads the groupName parameter, and nothing on the first run', () => {
    expect(
      groupQueryOf({ commandId: 'groups', parameters: [{ name: 'groupName', value: ' design ' }] }),
    ).toBe('design');
    expect(groupQueryOf({ commandId: 'groups', parameters: [{ name: 'initialRun', value: 'true' }] })).toBe(
      '',
    );
    expect(groupQueryOf({ parameters: 'groupName' })).toBe('');
  });

  it('bounds what it takes', () => {
    expect(groupQueryOf({ parameters: [{ name: 'groupName', value: 'x'.repeat(10_000) }] })).toHaveLength(
      256,
    );
  });
});

describe('searchRequestOf', () => {
  it('reads the typeahead request', () => {
    expect(
      searchRequestOf({ queryText: 'des', dataset: 'teamsPhotoGroups', queryOptions: { skip: 0, top: 15 } }),
    ).toEqual({ dataset: 'teamsPhotoGroups', queryText: 'des', skip: 0, top: 15 });
  });

  it('bounds the page, defaults what is missing, and refuses a request without a dataset', () => {
    expect(searchRequestOf({ dataset: 'd', queryOptions: { skip: 1e9, top: 1e9 } })).toEqual({
      dataset: 'd',
      queryText: '',
      skip: MAX_SEARCH_TOP * 4,
      top: MAX_SEARCH_TOP,
    });
    expect(searchRequestOf({ dataset: 'd', queryOptions: { skip: -1, top: 'all' } })).toMatchObject({
      skip: 0,
      top: DEFAULT_SEARCH_TOP,
    });
    expect(searchRequestOf({ queryText: 'x' })).toBeUndefined();
    expect(searchRequestOf(undefined)).toBeUndefined();
  });
});
