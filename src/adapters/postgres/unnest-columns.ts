// Multi-row writes send their rows as one array per column, read back with unnest($n::type[], ...): one
// statement whatever the number of rows, and the same statement text (so the same plan) for any count.

/** The rows as parallel column arrays, in the order of `keys`; undefined is sent as NULL. */
export function unnestColumns<R, K extends keyof R>(rows: readonly R[], keys: readonly K[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key] ?? null));
}
