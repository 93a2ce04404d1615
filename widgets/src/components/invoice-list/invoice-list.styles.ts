import { baseStyles } from '../../base/styles.js';
import { billingStyles } from '../../shared/billing-styles.js';

export const invoiceListStyles = [baseStyles, billingStyles];
