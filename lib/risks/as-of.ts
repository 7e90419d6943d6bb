/** A heat map's "as of" date from the URL: a real past-or-present YYYY-MM-DD, else none (today). */
export function parseAsOf(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(v)) return undefined;
  return v;
}
