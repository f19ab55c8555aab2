import type { Queryable } from '../../../src/adapters/postgres/pool.js';

// Where PostgreSQL's time goes, statement by statement, when the server has pg_stat_statements loaded
// (shared_preload_libraries; not on by default, and nothing here turns it on). The view is cumulative and
// server-wide, so a run reads it for its own database before the load and after the drain, and reports
// the difference. Without the module the run reports nothing here and measures the same.

export interface StatementFigure {
  query: string;
  calls: number;
  execMs: number;
}

type Snapshot = Map<string, StatementFigure>;

/** The run database's statements so far, or undefined where pg_stat_statements is not loaded. */
export async function statementSnapshot(db: Queryable): Promise<Snapshot | undefined> {
  const { rows: loaded } = await db.query<{ on: boolean }>(
    `SELECT current_setting('shared_preload_libraries') ~ 'pg_stat_statements' AS on`,
  );
  if (!loaded[0]?.on) return undefined;
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const { rows } = await db.query<{ id: string; query: string; calls: string; exec_ms: number }>(
    `SELECT queryid::text AS id, query, calls::text, total_exec_time AS exec_ms FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel`,
  );
  return new Map(
    rows.map((row) => [row.id, { query: row.query, calls: Number(row.calls), execMs: row.exec_ms }]),
  );
}

/** The statements that took the most execution time between two snapshots, largest first. */
export function topStatements(before: Snapshot, after: Snapshot, count: number): StatementFigure[] {
  const spent: StatementFigure[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    const calls = now.calls - (then?.calls ?? 0);
    if (calls > 0) spent.push({ query: now.query, calls, execMs: now.execMs - (then?.execMs ?? 0) });
  }
  return spent.sort((a, b) => b.execMs - a.execMs).slice(0, count);
}
