import pg from 'pg';
import type { Queryable } from '../../../src/adapters/postgres/pool.js';

// Holds sale transactions open at a known point: a trigger on `sales` (test databases only) waits for a
// shared advisory lock that the fault holds exclusively. A job that reaches the gate has written its
// ledger entry and sale rows but not committed, so a fault can strike "before the ledger commit".

const GATE_LOCK = 909_009;

export async function installSalesGate(db: Queryable): Promise<void> {
  await db.query(`
    CREATE OR REPLACE FUNCTION fault_sales_gate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(${GATE_LOCK});
      RETURN NEW;
    END $$;
    DROP TRIGGER IF EXISTS fault_sales_gate ON sales;
    CREATE TRIGGER fault_sales_gate AFTER INSERT ON sales FOR EACH ROW EXECUTE FUNCTION fault_sales_gate();`);
}

export interface ClosedGate {
  /** Transactions currently waiting at the gate. */
  waiting(): Promise<number>;
  open(): Promise<void>;
}

export async function closeSalesGate(databaseUrl: string): Promise<ClosedGate> {
  const holder = new pg.Client({ connectionString: databaseUrl });
  holder.on('error', () => {});
  await holder.connect();
  await holder.query('SELECT pg_advisory_lock($1)', [GATE_LOCK]);
  return {
    async waiting() {
      const { rows } = await holder.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`,
        [GATE_LOCK],
      );
      return rows[0]?.n ?? 0;
    },
    async open() {
      await holder.query('SELECT pg_advisory_unlock($1)', [GATE_LOCK]).catch(() => {});
      await holder.end().catch(() => {});
    },
  };
}
