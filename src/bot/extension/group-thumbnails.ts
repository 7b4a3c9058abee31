/**
 * The pictures of groups in the messaging extension's search results: a group's current photo, made small on the
 * photo pool, or where it has none (or it cannot be read) its initials.
 *
 * A search result has two faces: the Adaptive Card that goes into the message, whose picture is the app's usual
 * one (the photo as a JPEG data URI, or the initials as text in a placeholder: `pictureElement`), and the preview
 * Teams lists the results with, a thumbnail card whose picture must be an image. For the initials that image is
 * drawn here: a PNG of the initials in white on a coloured disc, printed with jimp's bundled bitmap font (Open
 * Sans, Latin-1), which needs no system fonts and looks the same on every client. Initials the font cannot draw
 * (Cyrillic, Chinese) become an SVG data URI instead, which the client renders with its own fonts.
 *
 * Results come from Graph one group at a time, so at most {@link PHOTO_READS_AT_ONCE} photos are read at once,
 * and one group's failure costs that group its photo, not the search.
 */
import { Jimp, loadFont, measureText, measureTextHeight } from 'jimp';
import { SANS_32_WHITE } from 'jimp/fonts';
import type { AccessTokenSource, GraphPhotoClient } from '../../graph/graph-photo-client.js';
import type { Logger } from '../../logger.js';
import { mapLimited } from '../../storage/concurrency.js';
import { initialsOf, jpegDataUri, type Picture } from '../cards/index.js';
import type { PreviewMaker } from '../handlers/photo-previews.js';
import { codeOf } from '../turn-errors.js';

/** A thumbnail's side in pixels: the pipeline's smallest output, and what Teams shows a result at (or less). */
export const THUMBNAIL_SIDE = 96;

/** Group photos read from Graph at once for one search. */
export const PHOTO_READS_AT_ONCE = 4;

/** Initials images kept, by initials and colour (a search shows the same few again and again). */
const INITIALS_CACHE_SIZE = 256;

/** The disc colours, chosen by the name so a group keeps its colour; each carries white text legibly. */
const DISC_COLOURS = [
  0x2b63c6, 0x8a3ab9, 0xc2410c, 0x0f766e, 0xb91c1c, 0x4d7c0f, 0x1d4ed8, 0x9d174d,
] as const;

/** A group's pictures: for the card, and as the preview's image. */
export interface GroupPicture {
  readonly picture: Picture;
  /** A `data:` URI: a JPEG of the photo, a PNG (or SVG) of the initials. */
  readonly thumbnail: string;
}

/** A group to picture. */
export interface PicturedGroup {
  readonly id: string;
  readonly displayName: string;
}

export interface GroupThumbnailsDeps {
  readonly preparer: PreviewMaker;
  readonly photos: Pick<GraphPhotoClient, 'getPhoto'>;
  readonly logger: Logger;
}

export class GroupThumbnails {
  private font: Promise<BitmapFont | undefined> | undefined;
  private readonly initials = new Map<string, string>();

  constructor(private readonly deps: GroupThumbnailsDeps) {}

  /** The pictures of `groups`, in their order. */
  async of(groups: readonly PicturedGroup[], token: AccessTokenSource): Promise<GroupPicture[]> {
    return mapLimited(groups, PHOTO_READS_AT_ONCE, (group) => this.one(group, token));
  }

  /**
   * One group's pictures: its photo, else its initials.
   * @param side the photo's side in pixels (a dialog shows it larger than a result list)
   */
  async one(group: PicturedGroup, token: AccessTokenSource, side = THUMBNAIL_SIDE): Promise<GroupPicture> {
    const preview = await this.photoPreview(group, token, side);
    if (preview !== undefined)
      return { picture: { kind: 'photo', previewDataUri: preview }, thumbnail: preview };
    const initials = initialsOf(group.displayName);
    return {
      picture: initials === '' ? { kind: 'none' } : { kind: 'initials', initials },
      thumbnail: await this.initialsThumbnail(initials, colourOf(group.displayName)),
    };
  }

  /** The group's photo as a small JPEG data URI, or `undefined` when it has none or it cannot be read. */
  private async photoPreview(
    group: PicturedGroup,
    token: AccessTokenSource,
    side: number,
  ): Promise<string | undefined> {
    try {
      const photo = await this.deps.photos.getPhoto({ kind: 'group', groupId: group.id }, token);
      if (photo === null) return undefined;
      const small = await this.deps.preparer.run(photo, { size: side, crop: 'center' });
      return jpegDataUri(small.jpeg);
    } catch (error) {
      this.deps.logger.warn('group thumbnail not made', { code: codeOf(error) ?? 'unexpected' });
      return undefined;
    }
  }

  /** The initials on a disc, as a PNG (or SVG) data URI; cached. */
  async initialsThumbnail(initials: string, colour: number): Promise<string> {
    const key = `${colour}:${initials}`;
    const cached = this.initials.get(key);
    if (cached !== undefined) return cached;
    const font = await this.loadedFont();
    const uri =
      font !== undefined && graphemes(initials).every((grapheme) => Object.hasOwn(font.chars, grapheme))
        ? await initialsPng(font, initials, colour)
        : initialsSvg(initials, colour);
    if (this.initials.size >= INITIALS_CACHE_SIZE) {
      const oldest = this.initials.keys().next().value;
      if (oldest !== undefined) this.initials.delete(oldest);
    }
    this.initials.set(key, uri);
    return uri;
  }

  /** jimp's font, loaded once; `undefined` when it cannot be (then every thumbnail is an SVG). */
  private loadedFont(): Promise<BitmapFont | undefined> {
    this.font ??= loadFont(SANS_32_WHITE).catch((error: unknown) => {
      this.deps.logger.warn('initials font not loaded', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      return undefined;
    });
    return this.font;
  }
}

type BitmapFont = Awaited<ReturnType<typeof loadFont>>;

/** A text's user-perceived characters: one that takes several code points is not one the bitmap font has. */
function graphemes(text: string): string[] {
  return Array.from(
    new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
    (s) => s.segment,
  );
}

/** A colour for a name: the same name always gets the same one. */
export function colourOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return DISC_COLOURS[hash % DISC_COLOURS.length] ?? DISC_COLOURS[0];
}

async function initialsPng(font: BitmapFont, initials: string, colour: number): Promise<string> {
  const side = THUMBNAIL_SIDE;
  const image = new Jimp({ width: side, height: side, color: 0x00000000 });
  const { data } = image.bitmap;
  const centre = (side - 1) / 2;
  const radius = side / 2;
  const [r, g, b] = [(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff];
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      // One pixel of soft edge, so the disc is round rather than stepped.
      const alpha = Math.max(0, Math.min(1, radius - distance));
      const at = (y * side + x) * 4;
      data[at] = r;
      data[at + 1] = g;
      data[at + 2] = b;
      data[at + 3] = Math.round(alpha * 255);
    }
  }
  if (initials !== '') {
    const width = measureText(font, initials);
    const height = measureTextHeight(font, initials, side);
    image.print({
      font,
      x: Math.round((side - width) / 2),
      y: Math.round((side - height) / 2),
      text: initials,
    });
  }
  const png = await image.getBuffer('image/png');
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** The initials as an SVG, for characters the bitmap font lacks; escaped, though initials are letters only. */
function initialsSvg(initials: string, colour: number): string {
  const side = THUMBNAIL_SIDE;
  const fill = `#${colour.toString(16).padStart(6, '0')}`;
  const text = initials.replace(/[<>&"']/g, '');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${side} ${side}">` +
    `<circle cx="${side / 2}" cy="${side / 2}" r="${side / 2}" fill="${fill}"/>` +
    `<text x="50%" y="50%" dy=".35em" text-anchor="middle" font-family="Segoe UI, sans-serif" font-size="36" fill="#ffffff">${text}</text>` +
    `</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
