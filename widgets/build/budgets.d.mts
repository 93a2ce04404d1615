export interface Budget {
  name: string;
  entries: string[];
  limit: number;
}
export interface MeasuredBudget extends Budget {
  gzip: number;
}
export const invoiceListPageLimit: number;
export const entryLimit: number;
export const hostedInitialLimit: number;
export function budgetsFor(widgetEntries: string[]): Budget[];
export function measureBudgets(
  budgets: Budget[],
  build: { entries: Record<string, string>; imports: Record<string, string[]>; gzip: Record<string, number> },
): { report: MeasuredBudget[]; failures: string[] };
