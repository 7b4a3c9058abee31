/**
 * The `src` of each `<img>` in a Teams message's HTML body, found by a bounded scan rather than a parser or a
 * regular expression over the whole text.
 *
 * A message action hands the bot the message as Teams stores it (`messagePayload.body.content`): an image pasted
 * into the message is only there, as `<img src="https://graph.microsoft.com/v1.0/chats/.../hostedContents/.../$value">`.
 * The HTML is whatever the sender's client produced, so it is read as hostile input: only its first
 * {@link MAX_HTML_CHARS} characters, at most {@link MAX_IMAGES} images, sources of at most {@link MAX_SRC_CHARS}
 * characters. Every step moves forward, so the scan is linear in the text it looks at, whatever the input (no
 * pattern that can backtrack, which is how a crafted message stalls a regular expression); an unterminated quote
 * ends the scan instead of being guessed at. Comments are skipped, so an `<img>` someone commented out is not
 * taken. An HTML parser from npm would do the same job with far more code; Teams' HTML needs none of it.
 *
 * Attribute values are entity-decoded (`&amp;` is how a URL's `&` appears in HTML): the named entities a URL can
 * carry and numeric ones. What comes out is only a candidate: the caller decides whether it is a URL it may fetch.
 */

/** Characters of the HTML body looked at; a Teams message holds at most about 28 KB of text. */
export const MAX_HTML_CHARS = 256 * 1024;
/** Images taken from one message, at most. */
export const MAX_IMAGES = 16;
/** Longest `src` taken; a Graph hosted-content URL is a few hundred characters. */
export const MAX_SRC_CHARS = 4096;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
};

/** An entity: bounded repetitions only, no nesting, so it cannot backtrack. */
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g;

/** Decodes the character references an attribute value may hold; unknown names are left as they are. */
export function decodeEntities(value: string): string {
  return value.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // No NUL, surrogates or values past Unicode: a URL with those is refused later anyway, but not built here.
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';
}

/** True when `<img` starts at `at` and the tag name ends there (not `<imgx`). */
function isImgTag(html: string, at: number): boolean {
  if (html.slice(at + 1, at + 4).toLowerCase() !== 'img') return false;
  const after = html[at + 4];
  return after === undefined || isSpace(after) || after === '/' || after === '>';
}

/** One attribute read from `from`: its name (lower case), its value, and where the scan goes on. */
interface ReadAttribute {
  readonly name: string;
  readonly value: string;
  readonly next: number;
}

/**
 * Reads the attribute at `from` (after any spaces), or `undefined` at the tag's end; `null` when the text ends
 * inside the tag or inside a quoted value, which ends the scan.
 */
function readAttribute(html: string, from: number): ReadAttribute | undefined | null {
  let at = from;
  while (at < html.length && (isSpace(html[at]) || html[at] === '/')) at++;
  if (at >= html.length) return null;
  if (html[at] === '>') return undefined;
  const nameStart = at;
  // At least one character is taken, so a stray `=` or quote cannot stop the scan from moving.
  at++;
  while (at < html.length && !isSpace(html[at]) && html[at] !== '=' && html[at] !== '>' && html[at] !== '/')
    at++;
  const name = html.slice(nameStart, at).toLowerCase();
  while (at < html.length && isSpace(html[at])) at++;
  if (html[at] !== '=') return { name, value: '', next: at };
  at++;
  while (at < html.length && isSpace(html[at])) at++;
  if (at >= html.length) return null;
  const quote = html[at];
  if (quote === '"' || quote === "'") {
    const end = html.indexOf(quote, at + 1);
    if (end < 0) return null;
    return { name, value: html.slice(at + 1, end), next: end + 1 };
  }
  const valueStart = at;
  while (at < html.length && !isSpace(html[at]) && html[at] !== '>') at++;
  return { name, value: html.slice(valueStart, at), next: at };
}

/**
 * The `src` of every `<img>` in `html`, in document order, entity-decoded, within the bounds above. An image
 * without a `src`, or with one longer than {@link MAX_SRC_CHARS}, is skipped.
 */
export function imageSources(html: string): string[] {
  const text = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  const found: string[] = [];
  let at = 0;
  while (found.length < MAX_IMAGES) {
    const open = text.indexOf('<', at);
    if (open < 0) break;
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      if (close < 0) break;
      at = close + 3;
      continue;
    }
    if (!isImgTag(text, open)) {
      at = open + 1;
      continue;
    }
    let cursor = open + 4;
    let src: string | undefined;
    let ended = false;
    for (;;) {
      const attribute = readAttribute(text, cursor);
      if (attribute === null) {
        ended = true;
        break;
      }
      if (attribute === undefined) break;
      // The first `src` counts, as in a browser.
      if (attribute.name === 'src' && src === undefined) src = attribute.value;
      cursor = attribute.next;
    }
    if (ended) break;
    const value = src?.trim();
    if (value !== undefined && value !== '' && value.length <= MAX_SRC_CHARS)
      found.push(decodeEntities(value));
    at = cursor + 1;
  }
  return found;
}
