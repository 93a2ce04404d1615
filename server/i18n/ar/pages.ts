// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The hosted pages (server/portal/pages.ts) and the error pages (server/portal/error-pages.ts).
import type { Catalog } from '../../../sdk/i18n.js';

export default {
  Home: 'الرئيسية',
  Invoices: 'الفواتير',
  Payments: 'المدفوعات',
  Announcements: 'الإعلانات',
  Profile: 'الملف الشخصي',
  'Skip to content': 'انتقل إلى المحتوى',
  Phone: 'الهاتف',
  Email: 'البريد الإلكتروني',
  Website: 'الموقع الإلكتروني',
  'Contact {firm}': 'تواصل مع {firm}',
  'Client portal': 'بوابة العملاء',
  'Log in': 'تسجيل الدخول',
  'All announcements': 'كل الإعلانات',
  'All invoices': 'كل الفواتير',
  'Choose your password': 'اختر كلمة المرور',
  'Reset your password': 'أعد تعيين كلمة المرور',
  'This password is for your staff account at this firm.': 'كلمة المرور هذه لحسابك كموظف في هذا المكتب.',
  'Admin preview': 'معاينة المسؤول',
  'No firm is served at this address': 'لا يوجد مكتب على هذا العنوان',
  'Check the address in the email or the link your firm sent you.':
    'تحقق من العنوان الوارد في البريد الإلكتروني أو الرابط الذي أرسله إليك مكتبك.',
  'Page not found': 'الصفحة غير موجودة',
  'There is no page at this address. The link may be out of date, or part of it may be missing.':
    'لا توجد صفحة على هذا العنوان. ربما انتهت صلاحية الرابط، أو ينقصه جزء منه.',
  'Something went wrong': 'حدث خطأ ما',
  'We could not show this page. Please try again in a few minutes.':
    'تعذّر علينا عرض هذه الصفحة. يُرجى المحاولة مرة أخرى بعد بضع دقائق.',
  'This page could not be shown': 'تعذّر عرض هذه الصفحة',
  'Your browser asked for something this page cannot answer.': 'طلب متصفحك شيئًا لا تستطيع هذه الصفحة الإجابة عنه.',
  'If it keeps happening, quote this reference when you contact your firm: {id}':
    'إذا تكرر ذلك، فاذكر هذا المرجع عند تواصلك مع مكتبك: {id}',
  'Go to your portal home': 'انتقل إلى الصفحة الرئيسية لبوابتك',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
