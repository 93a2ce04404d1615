import type { RevenueReport, RevenueReportQuery } from '../schemas/reports.js';
import type { Transport } from '../transport.js';

/** Financial reports (admins and admin API keys only). */
export class AdminReports {
  constructor(private readonly transport: Transport) {}

  /**
   * Collected and outstanding money per month and per practice area, per currency.
   * @example const report = await admin.reports.revenue({ from: '2026-01', to: '2026-06' });
   */
  revenue(query: RevenueReportQuery = {}): Promise<RevenueReport> {
    return this.transport.request<RevenueReport>({ method: 'GET', path: '/admin/reports/revenue', query });
  }
}
