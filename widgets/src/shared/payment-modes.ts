// How a payment arrived (its `mode`), named for people: the invoice and the
// payment history show it; kept out of the code every billing widget shares,
// because the invoice list has no payments to name.

const names: Record<string, string> = {
  card: 'Card',
  bank_transfer: 'Bank transfer',
  check: 'Cheque',
  cash: 'Cash',
  other: 'Other',
};

/** The mode's name; US English writes "Check", as the invoice's PDF does, every other English "Cheque". */
export function paymentMode(mode: string, locale: string | undefined): string {
  if (mode === 'check' && /-US\b/i.test(locale ?? '')) return 'Check';
  return names[mode] ?? names.other!;
}
