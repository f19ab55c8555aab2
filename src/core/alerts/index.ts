export { isInSlot, isWithin, minutesOf } from './alert-clock.js';
export { decideAlerts, type ShopAlertInput } from './decide-alerts.js';
export * from './types.js';
export { CUSTOMER_WINDOW_MS, needsTemplate } from './whatsapp-window.js';
