/**
 * The key projects sort by: case- and accent-insensitive, so "delta" sorts
 * with "Delta" on PGlite and PostgreSQL alike (their default collations differ
 * from cluster to cluster). Every write of nameEn must also write this.
 */
export function nameSortKey(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim().slice(0, 200);
}
