import { stringify } from 'csv-stringify/sync';
import type { Queryable } from '../../adapters/postgres/pool.js';
import { createDashboardDataRepository } from '../../adapters/postgres/repositories/dashboard-data.js';
import { paiseToRupees } from '../../core/money.js';
import type { Viewer } from './sessions.js';

// The ledger as CSV, rupees as plain numbers so a spreadsheet can sum them. The sales columns
// (date,product,quantity,price) are the ones the import reads, so an export can be loaded into another
// shop. Staff get no purchase prices: those are the shop's costs.

export async function ledgerCsv(db: Queryable, viewer: Viewer): Promise<string> {
  const rows = await createDashboardDataRepository(db).exportRows(viewer.shopId);
  const records = rows.map((row) => {
    const hidden = row.type === 'purchase' && !viewer.seesProfit;
    return [
      row.date,
      row.type,
      row.product,
      row.quantity,
      row.unit,
      hidden || row.unitPricePaise === null ? '' : paiseToRupees(row.unitPricePaise),
      hidden || row.amountPaise === null ? '' : paiseToRupees(row.amountPaise),
      row.source ?? '',
    ];
  });
  return stringify(records, {
    header: true,
    columns: ['date', 'type', 'product', 'quantity', 'unit', 'price', 'amount', 'source'],
  });
}
