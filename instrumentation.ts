/** Runs once when the server starts (never during `next build`). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openDatabaseAtBoot } = await import("./lib/server/boot");
  await openDatabaseAtBoot();
}
