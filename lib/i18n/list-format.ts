/**
 * How the interface enumerates names (rate sets, roles, units, fields): the
 * locale's own list format, not an ASCII comma — "a, b, c" in English,
 * "甲、乙、丙" in Chinese. Narrow conjunction: no "and" before the last item,
 * as the English text always read (issue 17.6).
 */
export const ENUMERATION = { type: "conjunction", style: "narrow" } as const;
