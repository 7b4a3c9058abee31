/** Entry point of a photo worker thread (see worker-pool.ts): serves pipeline jobs until it is terminated. */
import { serveJobs } from './photo-job.js';

serveJobs();
