import { strToU8 } from 'fflate';
import { openZip, RATIO_FLOOR_BYTES } from '../../src/admin/zip-source.js';
import { EntryReadError } from '../../src/admin/entry-read.js';
import {
  MiB,
  centralHeaders,
  entryData,
  jpeg,
  limits,
  makeZip,
  noise,
  unixMode,
  withDeclaredCount,
  withDeclaredSize,
} from './import-fixtures.js';

const text = (value: string) => strToU8(value);

describe('openZip', () => {
  it('lists the files with their names and sizes and reads them only when asked', async () => {
    const photo = await jpeg(1);
    const other = await jpeg(2);
    const zip = makeZip({
      'jane@contoso.com.jpg': photo,
      'photos/': new Uint8Array(0),
      'photos/sam.jpg': other,
      '__MACOSX/._sam.jpg': text('resource fork'),
      'photos/.DS_Store': text('finder'),
    });
    const source = await openZip(zip, 'team.zip', limits());
    expect(source.name).toBe('team.zip');
    expect(source.entries.map((entry) => [entry.name, entry.size])).toEqual([
      ['jane@contoso.com.jpg', photo.length],
      ['photos/sam.jpg', other.length],
    ]);
    // Folders, macOS resource forks and dot files are left out without a word.
    expect(source.skipped).toEqual([]);
    expect(source.mapping).toBeUndefined();
    await expect(source.entries[1]?.read()).resolves.toEqual(other);
    await expect(source.entries[0]?.read()).resolves.toEqual(photo);
  });

  describe('refuses the whole zip', () => {
    it('when it is larger than maxBytes, before reading it at all', async () => {
      const zip = makeZip({ 'a.jpg': await jpeg() });
      await expect(openZip(zip, 'z.zip', limits({ maxBytes: zip.length }))).resolves.toBeDefined();
      await expect(openZip(zip, 'z.zip', limits({ maxBytes: zip.length - 1 }))).rejects.toMatchObject({
        code: 'ZipTooLarge',
      });
      // Not a zip at all, yet the size is what answers: nothing was parsed.
      await expect(openZip(noise(2048), 'z.zip', limits({ maxBytes: 1024 }))).rejects.toMatchObject({
        code: 'ZipTooLarge',
      });
    });

    it('when it is not a zip, is cut short or has a corrupt central directory', async () => {
      const zip = makeZip({ 'a.jpg': await jpeg(1), 'b.jpg': await jpeg(2) });
      await expect(openZip(text('just some text, not a zip'), 'z.zip', limits())).rejects.toMatchObject({
        code: 'ZipUnreadable',
      });
      await expect(openZip(zip.subarray(0, zip.length - 30), 'z.zip', limits())).rejects.toMatchObject({
        code: 'ZipUnreadable',
      });
      const corrupt = Buffer.from(zip);
      corrupt.writeUInt32LE(0xdeadbeef, centralHeaders(zip)[1]);
      await expect(openZip(corrupt, 'z.zip', limits())).rejects.toMatchObject({ code: 'ZipUnreadable' });
    });

    it('when it declares more entries than maxEntries, before reading them', async () => {
      const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${i}.txt`, text(`${i}`)]));
      const zip = makeZip(files);
      await expect(openZip(zip, 'z.zip', limits({ maxEntries: 6 }))).resolves.toBeDefined();
      await expect(openZip(zip, 'z.zip', limits({ maxEntries: 5 }))).rejects.toMatchObject({
        code: 'ZipTooManyEntries',
      });
      // A central directory claiming 60,000 entries where there are 2: the claim alone is refused (reading the
      // entries would have failed as unreadable instead).
      const claims = withDeclaredCount(makeZip({ 'a.txt': text('a'), 'b.txt': text('b') }), 60_000);
      await expect(openZip(claims, 'z.zip', limits())).rejects.toMatchObject({ code: 'ZipTooManyEntries' });
    });

    it('when its entries declare more uncompressed bytes together than maxUncompressedBytes', async () => {
      const zip = makeZip({ 'a.bin': noise(100_000), 'b.bin': noise(100_000), 'c.bin': noise(100_000) });
      await expect(openZip(zip, 'z.zip', limits({ maxUncompressedBytes: 300_000 }))).resolves.toBeDefined();
      await expect(openZip(zip, 'z.zip', limits({ maxUncompressedBytes: 299_999 }))).rejects.toMatchObject({
        code: 'ZipTooMuchData',
      });
    });

    it('when one entry compresses beyond maxRatio (a zip bomb), though the totals are within the caps', async () => {
      const bomb = makeZip({ 'a.jpg': await jpeg(), 'zeros.jpg': new Uint8Array(50 * MiB) });
      expect(bomb.length).toBeLessThan(MiB); // about 1000:1
      await expect(openZip(bomb, 'bomb.zip', limits({ maxRatio: 100 }))).rejects.toMatchObject({
        code: 'ZipTooMuchData',
      });
      // The same zip with a ratio cap above what it has is let through: the ratio, not the size, refused it.
      await expect(openZip(bomb, 'bomb.zip', limits({ maxRatio: 100_000 }))).resolves.toBeDefined();
    });

    it('does not count small entries that compress well as bombs', async () => {
      const zip = makeZip({ 'notes.txt': new Uint8Array(RATIO_FLOOR_BYTES) });
      const source = await openZip(zip, 'z.zip', limits({ maxRatio: 10 }));
      expect(source.entries.map((entry) => entry.name)).toEqual(['notes.txt']);
    });
  });

  describe('leaves out single entries, and reports them', () => {
    it('names that climb out, are absolute, carry a drive letter or control characters', async () => {
      const photo = await jpeg();
      const zip = makeZip({
        '../x.jpg': photo,
        '/etc/x.jpg': photo,
        'C:\\x.jpg': photo,
        'a/../../b.jpg': photo,
        'a\\..\\..\\c.jpg': photo,
        '\\\\server\\share\\d.jpg': photo,
        'nul\u0000.jpg': photo,
        'line\nbreak.jpg': photo,
        'ok.jpg': photo,
      });
      const source = await openZip(zip, 'z.zip', limits());
      expect(source.entries.map((entry) => entry.name)).toEqual(['ok.jpg']);
      expect(source.skipped).toEqual([
        { file: '../x.jpg', reason: 'unsafe-name' },
        { file: '/etc/x.jpg', reason: 'unsafe-name' },
        { file: 'C:\\x.jpg', reason: 'unsafe-name' },
        { file: 'a/../../b.jpg', reason: 'unsafe-name' },
        { file: 'a\\..\\..\\c.jpg', reason: 'unsafe-name' },
        { file: '\\\\server\\share\\d.jpg', reason: 'unsafe-name' },
        { file: 'nul\uFFFD.jpg', reason: 'unsafe-name' },
        // A name without the UTF-8 flag is CP437, which shows a line feed as "◙"; it is refused all the same.
        { file: 'line\u25d9break.jpg', reason: 'unsafe-name' },
      ]);
    });

    it('symbolic links and other special files', async () => {
      const zip = makeZip({
        'link.jpg': [text('/etc/passwd'), unixMode(0o120777)],
        'fifo.jpg': [new Uint8Array(0), unixMode(0o010644)],
        'plain.jpg': [await jpeg(), unixMode(0o100644)],
      });
      const source = await openZip(zip, 'z.zip', limits());
      expect(source.entries.map((entry) => entry.name)).toEqual(['plain.jpg']);
      expect(source.skipped).toEqual([
        { file: 'link.jpg', reason: 'link' },
        { file: 'fifo.jpg', reason: 'link' },
      ]);
    });

    it('zips inside the zip, unopened', async () => {
      const inner = makeZip({ 'jane.jpg': await jpeg() });
      const source = await openZip(
        makeZip({ 'more/inner.ZIP': inner, 'a.jpg': await jpeg() }),
        'z.zip',
        limits(),
      );
      expect(source.entries.map((entry) => entry.name)).toEqual(['a.jpg']);
      expect(source.skipped).toEqual([{ file: 'more/inner.ZIP', reason: 'nested-zip' }]);
    });

    it('entries larger than a photo may be, and entries it cannot decode', async () => {
      const big = noise(200_000);
      const zip = Buffer.from(makeZip({ 'big.jpg': big, 'odd.jpg': await jpeg(), 'ok.jpg': await jpeg() }));
      // Compression method 99 (AES, which yauzl does not decode) on the second entry.
      zip.writeUInt16LE(99, (centralHeaders(zip)[1] as number) + 10);
      const source = await openZip(zip, 'z.zip', limits({ maxEntryBytes: 199_999 }));
      expect(source.entries.map((entry) => entry.name)).toEqual(['ok.jpg']);
      expect(source.skipped).toEqual([
        { file: 'big.jpg', reason: 'unreadable' },
        { file: 'odd.jpg', reason: 'unreadable' },
      ]);
    });
  });

  describe('mapping.csv', () => {
    it('at the root is offered apart from the entries; elsewhere it is just a file', async () => {
      const csv = '\uFEFFfile,user\r\njane.jpg,jane@contoso.com\r\n';
      const source = await openZip(
        makeZip({ 'MAPPING.csv': text(csv), 'jane.jpg': await jpeg(), 'sub/mapping.csv': text('x') }),
        'z.zip',
        limits(),
      );
      expect(source.mapping).toBe('file,user\r\njane.jpg,jane@contoso.com\r\n');
      expect(source.entries.map((entry) => entry.name)).toEqual(['jane.jpg', 'sub/mapping.csv']);
    });

    it('that is not UTF-8 is reported unreadable, and not used', async () => {
      const latin1 = Uint8Array.from([...text('file,user\nJos'), 0xe9, ...text('.jpg,jose@contoso.com\n')]);
      const source = await openZip(makeZip({ 'mapping.csv': latin1 }), 'z.zip', limits());
      expect(source.mapping).toBeUndefined();
      expect(source.skipped).toEqual([{ file: 'mapping.csv', reason: 'unreadable' }]);
    });
  });

  describe("an entry's read()", () => {
    it('refuses an entry with more bytes than it declares', async () => {
      const zip = makeZip({ 'liar.jpg': noise(5000), 'ok.jpg': await jpeg() });
      const source = await openZip(withDeclaredSize(zip, 0, 100), 'z.zip', limits());
      expect(source.entries[0]).toMatchObject({ name: 'liar.jpg', size: 100 });
      await expect(source.entries[0]?.read()).rejects.toBeInstanceOf(EntryReadError);
      await expect(source.entries[1]?.read()).resolves.toHaveLength(source.entries[1]?.size ?? -1);
    });

    it('refuses an entry with fewer bytes than it declares', async () => {
      const zip = makeZip({ 'short.jpg': noise(5000) });
      const source = await openZip(withDeclaredSize(zip, 0, 6000), 'z.zip', limits());
      await expect(source.entries[0]?.read()).rejects.toBeInstanceOf(EntryReadError);
    });

    it('refuses an entry whose compressed data is corrupt, and still reads the others', async () => {
      const zip = Buffer.from(makeZip({ 'bad.jpg': await jpeg(1), 'good.jpg': await jpeg(2) }));
      const { start, length } = entryData(zip, 0);
      zip.fill(0xff, start, start + length);
      const source = await openZip(zip, 'z.zip', limits());
      await expect(source.entries[0]?.read()).rejects.toBeInstanceOf(EntryReadError);
      await expect(source.entries[1]?.read()).resolves.toEqual(await jpeg(2));
    });

    it('refuses a stored entry whose bytes do not match its CRC-32', async () => {
      const zip = Buffer.from(makeZip({ 'flipped.jpg': [await jpeg(), { level: 0 }] }));
      const { start } = entryData(zip, 0);
      zip[start + 100] = (zip[start + 100] as number) ^ 0x01;
      const source = await openZip(zip, 'z.zip', limits());
      await expect(source.entries[0]?.read()).rejects.toBeInstanceOf(EntryReadError);
    });
  });
});
