// Regenerates the README's configuration table from src/config.ts (run through `npm run docs:config`).
import { readFileSync, writeFileSync } from 'node:fs';
import { configTableMarkdown } from '../dist/config.js';

const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const pattern = /(<!-- config-table:start -->)[\s\S]*?(<!-- config-table:end -->)/;
if (!pattern.test(text)) throw new Error('README.md has no config-table markers');
writeFileSync(readme, text.replace(pattern, `$1\n${configTableMarkdown()}\n$2`));
