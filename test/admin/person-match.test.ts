import { createPersonIndex, fileStem } from '../../src/admin/person-match.js';
import { person } from './import-fixtures.js';

const jane = person('jane.doe@contoso.com', {
  mail: 'Jane.Doe@Contoso.com',
  mailNickname: 'jdoe',
  employeeId: 'E100',
});
const jose = person('jos\u00e9@contoso.com', { mail: null, mailNickname: null });
const sam1 = person('sam@contoso.com', { mailNickname: 'sam', employeeId: 'E7' });
const sam2 = person('samuel@contoso.com', { mailNickname: 'sam', employeeId: 'E7' });
const index = createPersonIndex([jane, jose, sam1, sam2]);

describe('matchFile', () => {
  it.each([
    ['jane.doe@contoso.com.jpg'],
    ['photos/JANE.DOE@CONTOSO.COM.png'],
    ['JDoe.jpeg'],
    ['e100.jpg'],
    ['a\\b\\jdoe.jpg'],
  ])('finds a person by UPN, mail, mail nickname or employee id: %s', (file) => {
    expect(index.matchFile(file)).toEqual({ kind: 'person', person: jane });
  });

  it('compares in NFC, so a name macOS wrote decomposed matches', () => {
    expect(index.matchFile('jose\u0301@contoso.com.jpg')).toEqual({ kind: 'person', person: jose });
  });

  it('does not match on the UPN local part, display name or object id', () => {
    expect(index.matchFile('jane.doe.jpg')).toEqual({ kind: 'none' });
    expect(index.matchFile(`${jane.id}.jpg`)).toEqual({ kind: 'none' });
    expect(index.matchFile('.jpg')).toEqual({ kind: 'none' });
  });

  it('names every candidate when people share a mail nickname or an employee id', () => {
    expect(index.matchFile('sam.jpg')).toEqual({ kind: 'ambiguous', candidates: [sam1, sam2] });
    expect(index.matchFile('E7.jpg')).toEqual({ kind: 'ambiguous', candidates: [sam1, sam2] });
    expect(index.matchFile('samuel@contoso.com.jpg')).toEqual({ kind: 'person', person: sam2 });
  });
});

describe('matchUser', () => {
  it('finds a person by object id as well, and by the other keys without an extension to strip', () => {
    expect(index.matchUser(` ${jane.id.toUpperCase()} `)).toEqual({ kind: 'person', person: jane });
    expect(index.matchUser('jane.doe@contoso.com')).toEqual({ kind: 'person', person: jane });
    expect(index.matchUser('E100')).toEqual({ kind: 'person', person: jane });
    expect(index.matchUser('sam')).toMatchObject({ kind: 'ambiguous' });
    expect(index.matchUser('nobody')).toEqual({ kind: 'none' });
  });
});

describe('fileStem', () => {
  it('drops the folder and the last extension only', () => {
    expect(fileStem('a/b/jane.doe@contoso.com.jpg')).toBe('jane.doe@contoso.com');
    expect(fileStem('noext')).toBe('noext');
  });
});
