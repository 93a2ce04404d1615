// Machine-drafted; see README "Languages" for how a firm corrects a translation.
import type { Catalog } from '../../../sdk/i18n.js';

/** The invoice PDF (server/modules/invoices/pdf.ts). */
export default {
  Unpaid: 'غير مدفوعة',
  'Partially paid': 'مدفوعة جزئيا',
  Paid: 'مدفوعة',
  Overdue: 'متأخرة السداد',
  Cancelled: 'ملغاة',
  Card: 'بطاقة',
  'Bank transfer': 'تحويل مصرفي',
  Check: 'شيك',
  Cheque: 'شيك',
  Cash: 'نقدا',
  Other: 'أخرى',
  'Invoice {number} · {firm}': 'فاتورة {number} · {firm}',
  Invoice: 'فاتورة',
  'Invoice number': 'رقم الفاتورة',
  Status: 'الحالة',
  'Issue date': 'تاريخ الإصدار',
  'Due date': 'تاريخ الاستحقاق',
  'Bill to': 'فاتورة إلى',
  Description: 'الوصف',
  Qty: 'الكمية',
  'Unit price': 'سعر الوحدة',
  Tax: 'الضريبة',
  Amount: 'المبلغ',
  Subtotal: 'المجموع الفرعي',
  Total: 'الإجمالي',
  'Amount paid': 'المبلغ المدفوع',
  'Balance due': 'الرصيد المستحق',
  'Payments received': 'المدفوعات المستلمة',
  'Remit to': 'عنوان الدفع',
  'Please note': 'يرجى الملاحظة',
  'How to pay': 'طريقة الدفع',
  'Payment instructions updated {date}': 'تم تحديث تعليمات الدفع في {date}',
  Note: 'ملاحظة',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
