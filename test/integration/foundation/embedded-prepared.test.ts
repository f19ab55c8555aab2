import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../../src/adapters/postgres/embedded.js';

// PGlite is one session shared by every pg connection. Hot queries are named prepared statements, which
// each connection prepares for itself: the second connection's Parse of the same name must not fail.

describe('named prepared statements on embedded PostgreSQL', () => {
  let embedded: EmbeddedPostgres;
  beforeAll(async () => {
    embedded = await startEmbeddedPostgres();
  });
  afterAll(async () => {
    await embedded?.stop();
  });

  it('lets several connections prepare and run the same named statement, concurrently', async () => {
    const clients = Array.from({ length: 3 }, () => new pg.Client({ connectionString: embedded.url }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const statement = (n: number) => ({ name: 'add-one', text: 'SELECT $1::int + 1 AS n', values: [n] });
      const answers = await Promise.all(
        clients.flatMap((client, index) => [
          client.query(statement(index)),
          client.query(statement(index * 10)),
        ]),
      );
      expect(answers.map((answer) => answer.rows[0].n)).toEqual([1, 1, 2, 11, 3, 21]);
      // A different text under a name the session holds is still PostgreSQL's error, not a silent mix-up.
      await expect(clients[0]!.query({ name: 'add-one-b', text: 'SELECT 2 AS n' })).resolves.toBeTruthy();
      await expect(clients[1]!.query({ name: 'add-one-b', text: 'SELECT 3 AS n' })).rejects.toThrow(
        /already exists/,
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });
});
