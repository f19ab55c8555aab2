// WhatsApp limits how fast one user may be messaged: roughly one message per interval on average, with
// short bursts tolerated. We model it as "at most `burst` messages in any window of burst × interval",
// which keeps the long-run average at one per interval and still lets a quick exchange flow.

export interface RecipientPace {
  /** How many messages may go to one recipient back to back. */
  burst: number;
  /** The long-run spacing between messages to one recipient, in ms (WhatsApp: about 6 s). */
  intervalMs: number;
}

/**
 * How long to wait before the next message to a recipient may leave, given how long ago each recent
 * message to it was sent (any order). Zero means send now.
 */
export function paceDelayMs(recentAgesMs: readonly number[], pace: RecipientPace): number {
  const windowMs = pace.burst * pace.intervalMs;
  const inWindow = recentAgesMs.filter((age) => age < windowMs).sort((a, b) => a - b);
  if (inWindow.length < pace.burst) return 0;
  // The window frees a slot when the oldest of the newest `burst` sends leaves it.
  const oldestCounted = inWindow[pace.burst - 1] ?? 0;
  return Math.max(1, Math.ceil(windowMs - oldestCounted));
}
