// Draws appPackage/color.png and appPackage/outline.png (src/app-package/icons.ts). Run through
// `npm run appPackage:generate`; the tests draw them again and compare with the committed files.
import { writeFileSync } from 'node:fs';
import { drawColorIcon, drawOutlineIcon } from '../dist/app-package/icons.js';

writeFileSync(new URL('../appPackage/color.png', import.meta.url), await drawColorIcon());
writeFileSync(new URL('../appPackage/outline.png', import.meta.url), await drawOutlineIcon());
console.error('appPackage/color.png (192x192) and appPackage/outline.png (32x32) drawn');
