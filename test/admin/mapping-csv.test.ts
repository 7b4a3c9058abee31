import { mappingFileKey, parseMappingCsv } from '../../src/admin/mapping-csv.js';

describe('parseMappingCsv', () => {
  it('reads quoted names with commas, quotes and line breaks, after a byte order mark, with CRLF', () => {
    const csv =
      '\uFEFFFile,User\r\n' +
      '"Doe, Jane.jpg",jane@contoso.com\r\n' +
      '"the ""boss"".jpg", boss@contoso.com \r\n' +
      '"two\r\nlines.jpg",sam\r\n' +
      'plain.jpg,"E1234"';
    const { users, problems } = parseMappingCsv(csv);
    expect(problems).toEqual([]);
    expect([...users]).toEqual([
      ['doe, jane.jpg', 'jane@contoso.com'],
      ['the "boss".jpg', 'boss@contoso.com'],
      ['two\r\nlines.jpg', 'sam'],
      ['plain.jpg', 'E1234'],
    ]);
  });

  it.each(['user', 'UPN', 'mail', 'employeeId'])(
    'takes %s as the person column, in any column order',
    (column) => {
      const { users, problems } = parseMappingCsv(`note,${column},file\nhello,jane,jane.png\n`);
      expect(problems).toEqual([]);
      expect(users.get('jane.png')).toBe('jane');
    },
  );

  it("accepts Excel's semicolons when the header has no comma", () => {
    expect([...parseMappingCsv('file;user\r\nDoe, Jane.jpg;jane\r\n').users]).toEqual([
      ['doe, jane.jpg', 'jane'],
    ]);
  });

  it('reports unusable rows by line, keeping the rest', () => {
    const csv = [
      'file,user',
      'a.jpg,ann',
      '',
      'b.jpg,',
      'a.jpg,someone-else',
      '"multi',
      'line.jpg",carl',
      ',dan',
      'e.jpg,eve',
      '"open.jpg,fay',
    ].join('\n');
    const { users, problems } = parseMappingCsv(csv);
    expect([...users]).toEqual([
      ['a.jpg', 'ann'],
      ['multi\nline.jpg', 'carl'],
      ['e.jpg', 'eve'],
    ]);
    expect(problems).toEqual([
      { line: 4, detail: 'a file and a user are needed' },
      { line: 5, detail: 'the file is mapped more than once' },
      { line: 8, detail: 'a file and a user are needed' },
      { line: 10, detail: 'a quote is not closed' },
    ]);
  });

  it('reports a header without the needed columns, and an empty file', () => {
    expect(parseMappingCsv('name,person\na.jpg,ann\n')).toEqual({
      users: new Map(),
      problems: [{ line: 1, detail: 'the header needs a file and a user column' }],
    });
    expect(parseMappingCsv('')).toEqual({
      users: new Map(),
      problems: [{ line: 1, detail: 'no header row' }],
    });
  });
});

describe('mappingFileKey', () => {
  it('compares names without letter case, Unicode form, leading ./ or Windows separators', () => {
    expect(mappingFileKey(' ./Photos\\Jos\u0065\u0301.JPG ')).toBe(mappingFileKey('photos/jos\u00e9.jpg'));
  });
});
