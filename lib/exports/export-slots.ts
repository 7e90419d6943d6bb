/**
 * How many exports run at once: an export reads the whole portfolio in
 * batches, so a handful of them could starve every other request (20
 * concurrent exports raised the list's median from 30 to 167 ms). Per app
 * instance: at most PER_CLIENT for one user (or one anonymous address) and
 * TOTAL overall; past that the route answers 429 with Retry-After.
 * A slot is held until the response body is finished, failed or cancelled.
 */
export const EXPORTS_PER_CLIENT = 2;
export const EXPORTS_TOTAL = 4;
export const EXPORT_RETRY_AFTER_SECONDS = 5;

interface SlotState {
  total: number;
  byClient: Map<string, number>;
}

const globalForSlots = globalThis as unknown as { __lodestoneExportSlots?: SlotState };
const state: SlotState = (globalForSlots.__lodestoneExportSlots ??= { total: 0, byClient: new Map() });

/** A release function, or null when the client or the instance is at its limit. */
export function acquireExportSlot(client: string, limits = { perClient: EXPORTS_PER_CLIENT, total: EXPORTS_TOTAL }): (() => void) | null {
  const mine = state.byClient.get(client) ?? 0;
  if (mine >= limits.perClient || state.total >= limits.total) return null;
  state.byClient.set(client, mine + 1);
  state.total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    state.total--;
    const left = (state.byClient.get(client) ?? 1) - 1;
    if (left > 0) state.byClient.set(client, left);
    else state.byClient.delete(client);
  };
}

export function exportsRunning(): number {
  return state.total;
}

/** The same bytes, calling release once when the stream ends, fails or is cancelled. */
export function releasingWhenDone(body: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        release();
        controller.error(err);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}
