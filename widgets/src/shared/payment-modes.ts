// How a payment arrived (its `mode`), named for people: the invoice and the
// payment history show it; kept out of the code every billing widget shares,
// because the invoice list has no payments to name.

export const paymentModes: Record<string, string> = {
  card: 'Card',
  bank_transfer: 'Bank transfer',
  check: 'Cheque',
  cash: 'Cash',
  other: 'Other',
};
