import { z } from "zod";

// Runs in the browser before the app. Zod probes whether it may compile
// validators with `new Function`; under our CSP (no 'unsafe-eval') the probe
// fails harmlessly but is reported as a CSP violation. jitless skips it.
z.config({ jitless: true });
