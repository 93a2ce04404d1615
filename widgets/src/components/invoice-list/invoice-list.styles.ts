import { baseStyles } from '../../shared/styles.js';
import { billingStyles } from '../../shared/billing-styles.js';

export const invoiceListStyles = [baseStyles, billingStyles];
