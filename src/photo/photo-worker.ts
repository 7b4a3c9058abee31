/** Entry point of a photo worker thread (see worker-pool.ts): serves pipeline jobs until it is terminated. */
import { silenceLibraryConsole } from './codecs.js';
import { serveJobs } from './photo-job.js';

silenceLibraryConsole();
serveJobs();
