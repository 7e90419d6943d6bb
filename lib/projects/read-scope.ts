/**
 * What a reader may read, as plain data (client-safe): the whole portfolio,
 * or the subtrees at these unit paths (none: nothing). Built by
 * lib/projects/project-scope.ts readScopeOf; every project query takes one.
 */
export type ReadScope = { all: true } | { all: false; paths: string[] };

export const WHOLE_PORTFOLIO: ReadScope = { all: true };
