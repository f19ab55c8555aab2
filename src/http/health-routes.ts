import { Hono } from 'hono';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** /healthz says the process is up; /readyz that its dependencies answer and its workers run. */
export function createHealthRoutes(options: { checks: ReadinessCheck[]; timeoutMs?: number }) {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const results = await Promise.all(
      options.checks.map(async ({ name, check }) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
            }),
          ]);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, (error as Error).message] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const ready = results.every(([, status]) => status === 'ok');
    return c.json(
      { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) },
      ready ? 200 : 503,
    );
  });
  return app;
}
