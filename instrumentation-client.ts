// Runs in the browser before the app. Zod probes whether it may compile
// validators with `new Function`; under our CSP (no 'unsafe-eval') the probe
// fails harmlessly but is reported as a CSP violation. jitless skips it.
// Set through zod's global config object rather than `z.config()`: importing
// zod here put the whole library (31 KB gzip) on every page, also on pages
// that validate nothing. zod adopts an existing `globalThis.__zod_globalConfig`
// when it loads (lib/validation/zod-global-config.test.ts fails if it stops).
import { zodJitless } from "./lib/validation/zod-global-config";

zodJitless();
