/**
 * The output sizes the pipeline makes, in a module of their own: the command line's usage text and argument checks
 * need them before (and without) loading the pipeline.
 */

/** The largest size Graph serves a photo at, and the default output size. */
export const MAX_OUTPUT_SIZE = 648;
/** The smallest output size the pipeline makes. */
export const MIN_OUTPUT_SIZE = 96;
