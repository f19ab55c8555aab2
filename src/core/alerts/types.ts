import type { Paise } from '../money.js';

export type AlertKind =
  | 'low-stock'
  | 'expiring'
  | 'festival-restock'
  | 'price'
  | 'no-sales-today'
  | 'weekly-summary';

/** What a job records (unique on shop + dedupeKey) and then renders and sends. */
export interface AlertDescriptor {
  kind: AlertKind;
  productIds?: string[];
  festivalId?: string;
  /** Stable per kind, day and item set: recording it makes a retried or re-run job send nothing twice. */
  dedupeKey: string;
  /** Outside WhatsApp's 24-hour customer-care window only an approved template may be sent. */
  needsTemplate: boolean;
  params: Record<string, unknown>;
}

/** An alert already sent to this shop (from the job's records). */
export interface SentAlert {
  kind: AlertKind;
  /** Shop-local day it was sent. */
  localDate: string;
  productIds?: string[];
  festivalId?: string;
  dedupeKey: string;
}

/** 'HH:MM', 24-hour, shop-local. */
export type ClockTime = string;

export interface AlertSettings {
  alertsOn: boolean;
  /** Kinds the owner switched off one by one. */
  kindsOff: AlertKind[];
  quietHours: { start: ClockTime; end: ClockTime };
  morningAt: ClockTime;
  eveningAt: ClockTime;
  /** Sunday, shop-local. */
  weeklyAt: ClockTime;
  /** How long after its start a slot still fires (a scheduler that ran late still sends once). */
  slotHours: number;
  festivalLeadDays: number[];
  /** Price alerts only for changes worth at least this much profit a day. */
  minPriceGainPaisePerDay: Paise;
}

export const defaultAlertSettings: AlertSettings = {
  alertsOn: true,
  kindsOff: [],
  quietHours: { start: '21:30', end: '08:00' },
  morningAt: '09:00',
  eveningAt: '20:00',
  weeklyAt: '19:00',
  slotHours: 3,
  festivalLeadDays: [14, 7],
  minPriceGainPaisePerDay: 500,
};

export interface LowStockItem {
  productId: string;
  /** Null when nothing is expected to sell (never low). */
  daysOfCover: number | null;
  isLow: boolean;
  suggestedOrderUnits: number;
}

/** Stock that expires soon and will not sell before then. */
export interface ExpiringItem {
  productId: string;
  expiresOn: string;
  daysToExpiry: number;
  units: number;
  expectedSales: number;
  /** The clearance price price advice suggests for it, when it has one. */
  clearancePricePaise?: Paise;
}

export interface FestivalRestockItem {
  productId: string;
  orderUnits: number;
}

export interface UpcomingFestival {
  id: string;
  date: string;
  /** Restock list for the items this festival lifts (from the restock core). */
  restock?: FestivalRestockItem[];
}

export interface PriceAlertCandidate {
  productId: string;
  kind: 'raise' | 'lower' | 'keep' | 'clearance';
  currentPricePaise: Paise;
  pricePaise: Paise;
  profitChangePaise: Paise;
  confidence: 'low' | 'medium' | 'high';
}
