import { logger } from '../log.js';

export interface SignalOptions {
  /**
   * After this long a graceful stop gives up and the process exits 1: a job that never finishes must not
   * keep a deploy waiting. Jobs cut off this way are retried (every job's effect is guarded).
   */
  forceAfterMs?: number;
}

/**
 * SIGTERM/SIGINT stop the process gracefully (stop taking work, let running jobs finish, close
 * connections); a second signal, or the grace period running out, exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>, options: SignalOptions = {}): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down gracefully');
    if (options.forceAfterMs !== undefined) {
      setTimeout(() => {
        logger.error({ graceMs: options.forceAfterMs }, 'graceful shutdown took too long, exiting');
        process.exit(1);
      }, options.forceAfterMs).unref();
    }
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
