/**
 * The bounded scan of a message's HTML for `<img src>`: Teams' own markup, entity-decoded sources, the odd shapes
 * HTML allows, and the bounds that keep a hostile message from costing more than a linear pass over 256 KB.
 */
import {
  MAX_HTML_CHARS,
  MAX_IMAGES,
  MAX_SRC_CHARS,
  decodeEntities,
  imageSources,
} from '../../../src/bot/extension/html-images.js';

const HOSTED =
  'https://graph.microsoft.com/v1.0/chats/19:abc@thread.v2/messages/1700000000000/hostedContents/aWQ9eA==/$value';

describe('imageSources', () => {
  it("finds the image of a message as Teams writes it, with the URL's entities decoded", () => {
    const html =
      `<p>Our new logo</p><p><img alt="image" src="${HOSTED.replace('$value', '$value?a=1&amp;b=2')}" ` +
      `width="250" height="250" style="vertical-align:bottom" itemid="0-cus-d1-x"></p>`;
    expect(imageSources(html)).toEqual([`${HOSTED}?a=1&b=2`]);
  });

  it('reads single-quoted, unquoted and upper-case attributes, and self-closing tags, in document order', () => {
    const html = `<IMG SRC='https://a.example/1.png'/><img src=https://a.example/2.png><img\nalt=x\tsrc = "https://a.example/3.png" />`;
    expect(imageSources(html)).toEqual([
      'https://a.example/1.png',
      'https://a.example/2.png',
      'https://a.example/3.png',
    ]);
  });

  it('takes the first src of a tag, skips images without one, and does not mistake other tags for images', () => {
    const html =
      '<imgx src="https://a.example/not.png"><img alt="no source"><img src="">' +
      '<img src="https://a.example/first.png" src="https://a.example/second.png"><image src="https://a.example/svg.png">';
    expect(imageSources(html)).toEqual(['https://a.example/first.png']);
  });

  it('does not read a src out of another attribute or out of text', () => {
    const html =
      '<p>src="https://a.example/text.png"</p><img alt=\'src="https://a.example/alt.png"\' data-src="https://a.example/data.png">';
    expect(imageSources(html)).toEqual([]);
  });

  it('skips images inside comments', () => {
    const html = '<!-- <img src="https://a.example/hidden.png"> --><img src="https://a.example/shown.png">';
    expect(imageSources(html)).toEqual(['https://a.example/shown.png']);
  });

  it('stops at an unterminated quote or tag rather than guessing', () => {
    expect(imageSources('<img src="https://a.example/1.png"><img src="https://a.example/2.png')).toEqual([
      'https://a.example/1.png',
    ]);
    expect(imageSources('<img src="https://a.example/1.png"')).toEqual([]);
    expect(imageSources('<!-- <img src="https://a.example/1.png">')).toEqual([]);
  });

  it('takes at most MAX_IMAGES images and no source longer than MAX_SRC_CHARS', () => {
    const many = Array.from({ length: MAX_IMAGES + 5 }, (_, i) => `<img src="https://a.example/${i}.png">`);
    const found = imageSources(many.join(''));
    expect(found).toHaveLength(MAX_IMAGES);
    expect(found[0]).toBe('https://a.example/0.png');
    const long = `https://a.example/${'a'.repeat(MAX_SRC_CHARS)}.png`;
    expect(imageSources(`<img src="${long}"><img src="https://a.example/short.png">`)).toEqual([
      'https://a.example/short.png',
    ]);
  });

  it('looks at the first MAX_HTML_CHARS characters only', () => {
    const padding = 'x'.repeat(MAX_HTML_CHARS);
    expect(imageSources(`${padding}<img src="https://a.example/late.png">`)).toEqual([]);
  });

  it('stays linear on hostile input: a megabyte of half-open tags and attributes is scanned in well under a second', () => {
    const hostile = [
      '<img '.repeat(300_000),
      `<img ${'a='.repeat(300_000)}`,
      `<img ${'a '.repeat(300_000)}`,
      '<'.repeat(1_000_000),
      '<!--'.repeat(300_000),
      `<img src="${'&amp;'.repeat(200_000)}`,
    ];
    for (const html of hostile) {
      const started = performance.now();
      imageSources(html);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('decodeEntities', () => {
  it('decodes the named and numeric references a URL can carry', () => {
    expect(decodeEntities('a&amp;b&quot;c&#39;d&apos;e&lt;f&gt;g&#x41;&#66;')).toBe(`a&b"c'd'e<f>gAB`);
  });

  it('leaves unknown names and invalid code points as they are', () => {
    expect(decodeEntities('&bogus; &#0; &#xD800; &#x110000; &amp')).toBe(
      '&bogus; &#0; &#xD800; &#x110000; &amp',
    );
  });
});
