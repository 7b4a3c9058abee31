/**
 * The reference for `profile-photo prepare`'s whole-process time: a sharp script doing the same job (upright,
 * square on the centre of interest, 648 px, flattened onto white, quality 88), run as its own process by the bench.
 * Usage: node sharp-prepare.js <input> <output.jpg>
 */
import sharp from 'sharp';

const [input, output] = process.argv.slice(2);
const info = await sharp(input)
  .rotate()
  .resize(648, 648, { fit: 'cover', position: sharp.strategy.attention })
  .flatten({ background: '#ffffff' })
  .jpeg({ quality: 88 })
  .toFile(output ?? 'out.jpg');
process.stdout.write(`${output}: ${info.width}x${info.height}, ${Math.round(info.size / 1024)} KB\n`);
