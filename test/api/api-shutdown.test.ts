/**
 * A graceful close waits for the page's requests under way as for the bot's turns: a photo upload still arriving
 * when the server starts closing is read to its end, prepared and set, and only then does the server stop.
 */
import { request } from 'node:http';
import { ownPhoto } from '../helpers/emulator-photos.js';
import { encodeJpeg, photoLike } from '../helpers/images.js';
import { PEOPLE, startLocalApi } from './api-helpers.js';

it('finishes a photo change under way before closing', async () => {
  const api = await startLocalApi();
  try {
    const token = await api.pageToken();
    const image = await encodeJpeg(photoLike(400, 400, 12));
    let closing: Promise<void> | undefined;
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: api.app.server.port,
        method: 'PUT',
        path: '/api/photo?target=me',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
      });
      req.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.on('error', reject);
      // Half the photo now; the rest once the server is closing.
      req.write(image.subarray(0, image.byteLength / 2));
      setTimeout(() => {
        closing = api.app.server.close(30_000);
        setTimeout(() => req.end(image.subarray(image.byteLength / 2)), 200);
      }, 200);
    });
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toHaveProperty('changeId');
    await closing;
    expect(await ownPhoto(api.emulatorUrl, api.graphToken(PEOPLE.alex))).not.toBeNull();
  } finally {
    await api.stop();
  }
});
