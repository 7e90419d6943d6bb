/**
 * zod's jitless switch without importing zod (see instrumentation-client.ts):
 * zod keeps its global configuration on `globalThis.__zod_globalConfig` and
 * adopts an object that is already there when it loads.
 */
type ZodGlobal = typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };

export function zodJitless(): void {
  const g = globalThis as ZodGlobal;
  (g.__zod_globalConfig ??= {}).jitless = true;
}
