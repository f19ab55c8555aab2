// WhatsApp lets a business send free-form messages only within 24 hours of the customer's last message;
// after that, or before any message at all, only a pre-approved template may start the conversation.

export const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

export function needsTemplate(nowUtcMs: number, lastInboundAtUtcMs: number | null): boolean {
  if (lastInboundAtUtcMs === null || !Number.isFinite(lastInboundAtUtcMs)) return true;
  return nowUtcMs - lastInboundAtUtcMs >= CUSTOMER_WINDOW_MS;
}
