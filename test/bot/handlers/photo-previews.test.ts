/**
 * The cards' helpers with the outside world: previews made by the real pipeline (a photo Graph holds that the
 * pipeline refuses gives a placeholder, not a failed answer) and dates in the person's language and time zone.
 */
import { formatWhen, previewDataUriOf, PREVIEW_SIDE } from '../../../src/bot/handlers/photo-previews.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import { preparePhoto } from '../../../src/photo/photo-pipeline.js';
import { encodeJpeg, photoLike } from '../../helpers/images.js';

/** The real pipeline, in this thread, as the pool would run it. */
const pipeline = {
  run: (input: Uint8Array, options?: Parameters<typeof preparePhoto>[1]) => preparePhoto(input, options),
};

function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('debug', (line: string) => lines.push(line));
  return { logger, lines };
}

describe('previewDataUriOf', () => {
  it('makes a small JPEG data URI of a photo, a few KB', async () => {
    const { logger } = recordingLogger();
    const uri = await previewDataUriOf(pipeline, await encodeJpeg(photoLike(648, 648, 3)), logger);
    expect(uri).toMatch(/^data:image\/jpeg;base64,/);
    expect(uri!.length).toBeLessThan(20 * 1024);
    const jpeg = Buffer.from(uri!.split(',')[1]!, 'base64');
    // SOF0 height and width of a baseline JPEG made at PREVIEW_SIDE.
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(jpeg.readUInt16BE(sof + 5)).toBe(PREVIEW_SIDE);
    expect(jpeg.readUInt16BE(sof + 7)).toBe(PREVIEW_SIDE);
  });

  it('gives nothing for no photo, and nothing (with a log line naming only the code) for one it cannot preview', async () => {
    const { logger, lines } = recordingLogger();
    expect(await previewDataUriOf(pipeline, null, logger)).toBeUndefined();
    // A 64 px photo, as Graph may hold one: the pipeline refuses it as too small.
    const tiny = await encodeJpeg(photoLike(64, 64, 4));
    expect(await previewDataUriOf(pipeline, tiny, logger)).toBeUndefined();
    expect(lines.join('\n')).toMatch(/ImageTooSmall/);
    expect(lines.join('\n')).not.toMatch(/base64|\/9j\//);
  });
});

describe('formatWhen', () => {
  const moment = '2026-12-01T13:54:00.000Z';
  // ICU versions differ on the space before AM/PM (a narrow no-break space in newer ones).
  const when = (...args: Parameters<typeof formatWhen>) => formatWhen(...args).replace(/\u202f/g, ' ');

  it("writes the date in the person's language and time zone", () => {
    expect(when(moment, 'en', 'America/New_York')).toBe('Dec 1, 2026, 8:54 AM');
    expect(when(moment, 'de', 'Europe/Berlin')).toBe('1. Dez. 2026, 14:54');
    expect(when(moment, 'zh-CN', 'Asia/Shanghai')).toBe('2026年12月1日 21:54');
  });

  it('falls back to UTC, and says so, without a zone or with one it does not know', () => {
    expect(when(moment, 'en')).toBe('Dec 1, 2026, 1:54 PM UTC');
    expect(when(moment, 'ru', 'Not/A_Zone')).toBe('1 дек. 2026 г., 13:54 UTC');
  });
});
