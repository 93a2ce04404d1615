import type { RevenueReport, RevenueReportQuery } from '../schemas/reports.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

/** Financial reports (admins and admin API keys only). */
export class AdminReports {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * Collected and outstanding money per month and per practice area, per currency.
   * @example const report = await admin.reports.revenue({ from: '2026-01', to: '2026-06' });
   */
  revenue(query: RevenueReportQuery = {}): Promise<RevenueReport> {
    return this.api.call('adminRevenueReport', { query });
  }
}
