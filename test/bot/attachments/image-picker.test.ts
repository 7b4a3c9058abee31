import {
  pickImage,
  TEAMS_FILE_DOWNLOAD_INFO,
  type Attachment,
} from '../../../src/bot/attachments/image-picker.js';

const html: Attachment = {
  contentType: 'text/html',
  content: '<div><img src="https://us-api.asm.skype.com/v1/objects/0-eus-d1/views/imgo" /></div>',
};
const inline = (
  url = 'https://smba.trafficmanager.net/amer/v3/attachments/a1/views/original',
): Attachment => ({
  contentType: 'image/*',
  contentUrl: url,
});
const file = (
  fileType: unknown,
  downloadUrl: unknown = 'https://contoso-my.sharepoint.com/dl?tempauth=x',
) => ({
  contentType: TEAMS_FILE_DOWNLOAD_INFO,
  name: 'me.png',
  content: { downloadUrl, uniqueId: 'u1', fileType },
});

describe('pickImage', () => {
  it('skips the text/html copy Teams adds and picks the inline image/* attachment', () => {
    expect(pickImage([html, inline()])).toEqual({
      image: { kind: 'inline', url: 'https://smba.trafficmanager.net/amer/v3/attachments/a1/views/original' },
      imageCount: 1,
    });
    expect(pickImage([html])).toEqual({ image: null, imageCount: 0 });
  });

  it('takes any image/ content type, in any case', () => {
    for (const contentType of ['image/png', 'image/jpeg', 'Image/PNG']) {
      expect(pickImage([{ contentType, contentUrl: 'https://x.botframework.com/a' }]).image).toEqual({
        kind: 'inline',
        url: 'https://x.botframework.com/a',
      });
    }
  });

  it('picks a file whose fileType is an image type, case-insensitively, keeping the name for display', () => {
    expect(pickImage([file('PNG')])).toEqual({
      image: {
        kind: 'file',
        url: 'https://contoso-my.sharepoint.com/dl?tempauth=x',
        fileType: 'png',
        name: 'me.png',
      },
      imageCount: 1,
    });
    for (const type of ['jpg', 'jpeg', 'gif', 'webp', 'heic', 'heif', 'HEIC']) {
      expect(pickImage([file(type)]).image).toMatchObject({ kind: 'file', fileType: type.toLowerCase() });
    }
  });

  it('does not take a non-image file, whatever its name says', () => {
    expect(pickImage([file('pdf'), file('svg'), file('exe'), file(undefined), file(7)])).toEqual({
      image: null,
      imageCount: 0,
      // Named, so the answer can say which file was not a photo.
      otherFileName: 'me.png',
    });
  });

  it('names the first file that is not an image, and only a file', () => {
    const report = { ...file('pdf'), name: 'report.pdf' };
    const notes = { ...file('docx'), name: 'notes.docx' };
    expect(pickImage([html, report, notes])).toEqual({
      image: null,
      imageCount: 0,
      otherFileName: 'report.pdf',
    });
    expect(pickImage([{ ...file('pdf'), name: '' }, notes]).otherFileName).toBe('notes.docx');
    expect(pickImage([html, { contentType: 'application/pdf', name: 'x.pdf' }])).toEqual({
      image: null,
      imageCount: 0,
    });
  });

  it('returns the first image in order and counts them all', () => {
    const second = inline('https://smba.trafficmanager.net/amer/v3/attachments/a2/views/original');
    const result = pickImage([html, file('docx'), file('jpg'), second, html, inline()]);
    expect(result.imageCount).toBe(3);
    expect(result.image).toMatchObject({ kind: 'file', fileType: 'jpg' });
    expect(pickImage([second, file('jpg')])).toEqual({
      image: { kind: 'inline', url: second.contentUrl },
      imageCount: 2,
    });
  });

  it('finds nothing in no attachments', () => {
    expect(pickImage(undefined)).toEqual({ image: null, imageCount: 0 });
    expect(pickImage([])).toEqual({ image: null, imageCount: 0 });
  });

  it('skips (and does not count) an image without a URL', () => {
    const unusable: Attachment[] = [
      { contentType: 'image/*' },
      { contentType: 'image/png', contentUrl: '  ' },
      file('png', null),
      file('png', ''),
      file('png', 42),
      { contentType: TEAMS_FILE_DOWNLOAD_INFO },
      { contentType: TEAMS_FILE_DOWNLOAD_INFO, content: null },
      { contentType: TEAMS_FILE_DOWNLOAD_INFO, content: 'https://x/y.png' },
    ];
    expect(pickImage(unusable)).toMatchObject({ image: null, imageCount: 0 });
    expect(pickImage([...unusable, inline()])).toMatchObject({ image: { kind: 'inline' }, imageCount: 1 });
  });

  it('leaves out an empty or missing name rather than inventing one', () => {
    const picked = pickImage([{ ...file('jpg'), name: '' }]).image;
    expect(picked).toEqual({
      kind: 'file',
      url: 'https://contoso-my.sharepoint.com/dl?tempauth=x',
      fileType: 'jpg',
    });
  });

  it('tolerates JSON from the wire that does not match the type', () => {
    const junk = [
      { contentType: undefined },
      { contentType: 3, contentUrl: 'https://a' },
    ] as unknown as Attachment[];
    expect(pickImage(junk)).toEqual({ image: null, imageCount: 0 });
  });
});
