// Result type for functions that report problems instead of throwing.

export type ModelIssue = { path: string; message: string };
export type ModelResult<T> = { ok: true; value: T } | { ok: false; errors: ModelIssue[] };
