/**
 * Kept so `src/cli/main.ts` can go on importing `errorText` from here; new code imports from `./index.js`.
 */
export { errorText } from './translate.js';
