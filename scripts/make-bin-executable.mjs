// tsc does not keep the executable bit; npm links `profile-photo` to this file, so give it one.
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
