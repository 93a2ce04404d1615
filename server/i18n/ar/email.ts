// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The emails (server/modules/email/templates.ts, server/modules/tenants/settings-email.ts).
import type { Catalog } from '../../../sdk/i18n.js';

export default {
  'Hello {name},': 'مرحبًا {name}،',
  'This link works once and expires in 48 hours.': 'يعمل هذا الرابط مرة واحدة فقط وتنتهي صلاحيته خلال 48 ساعة.',
  "You're invited to {firm} on CaseFlow": 'أنت مدعو إلى {firm} على CaseFlow',
  '{firm} has invited you to its CaseFlow workspace. Choose a password to get started.':
    'دعاك {firm} إلى مساحة عمله على CaseFlow. اختر كلمة مرور للبدء.',
  'Set your password': 'عيّن كلمة المرور',
  'If you did not expect this invitation, ignore this email.': 'إذا لم تكن تتوقع هذه الدعوة، فتجاهل هذه الرسالة.',
  'Your client portal at {firm}': 'بوابة العملاء الخاصة بك لدى {firm}',
  '{firm} has opened a client portal for you: your invoices, documents and more in one place. Choose a password to log in.':
    'فتح لك {firm} بوابة للعملاء: فواتيرك ومستنداتك وغير ذلك في مكان واحد. اختر كلمة مرور لتسجيل الدخول.',
  'If you did not expect this email, you can ignore it.': 'إذا لم تكن تتوقع هذه الرسالة، فيمكنك تجاهلها.',
  'Reset your {firm} portal password': 'أعد تعيين كلمة مرور بوابة {firm}',
  'Someone asked to reset the password of your {firm} client portal account.':
    'طلب أحدهم إعادة تعيين كلمة مرور حسابك في بوابة عملاء {firm}.',
  'Choose a new password': 'اختر كلمة مرور جديدة',
  'If you did not ask for this, ignore this email: your password stays as it is.':
    'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.',
  'Payment received: Invoice {number}': 'تم استلام الدفعة: الفاتورة {number}',
  'We received your payment of {amount} for Invoice {number}. Thank you.':
    'استلمنا دفعتك البالغة {amount} عن الفاتورة {number}. شكرًا لك.',
  'The invoice is now paid in full.': 'تم الآن سداد الفاتورة بالكامل.',
  'The balance still due is {amount}.': 'الرصيد المستحق المتبقي هو {amount}.',
  'View your invoices': 'اعرض فواتيرك',
  'Keep this email as your receipt. Card payments are processed by Stripe.':
    'احتفظ بهذه الرسالة إيصالًا لك. تعالج Stripe المدفوعات بالبطاقات.',
  'Invoice {number} from {firm}': 'الفاتورة {number} من {firm}',
  '{firm} has sent you invoice {number}. Amount due: {amount}, due {date}.':
    'أرسل إليك {firm} الفاتورة {number}. المبلغ المستحق: {amount}، تاريخ الاستحقاق {date}.',
  '{firm} has sent you invoice {number}. Amount due: {amount}.':
    'أرسل إليك {firm} الفاتورة {number}. المبلغ المستحق: {amount}.',
  'How to pay is on the invoice page.': 'طريقة الدفع موضحة في صفحة الفاتورة.',
  'View the invoice': 'اعرض الفاتورة',
  'You receive this email because your firm lists you as a recipient of its invoices.':
    'تصلك هذه الرسالة لأن مكتبك أدرجك ضمن مستلمي فواتيره.',
  'Bank details': 'التفاصيل المصرفية',
  Notes: 'ملاحظات',
  'A staff user': 'أحد الموظفين',
  'The API key "{name}"': 'مفتاح واجهة البرمجة «{name}»',
  'An API key': 'مفتاح لواجهة البرمجة',
  '(none)': '(لا شيء)',
  '{actor} changed the payment instructions of {firm} on {when}. Clients now see the new text on every invoice they can pay.':
    'غيّر {actor} تعليمات الدفع الخاصة بـ {firm} في {when}. يرى العملاء الآن النص الجديد على كل فاتورة يمكنهم دفعها.',
  'If you did not expect this change, contact the firm’s other admins at once: changed bank details are how invoice fraud works.':
    'إذا لم تكن تتوقع هذا التغيير، فتواصل فورًا مع المسؤولين الآخرين في المكتب: فتغيير التفاصيل المصرفية هو أسلوب الاحتيال في الفواتير.',
  'Was:': 'كان:',
  'Now:': 'الآن:',
  'Payment instructions were changed at {firm}': 'تم تغيير تعليمات الدفع لدى {firm}',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
