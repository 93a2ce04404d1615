// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The account widgets (login, profile, account menu, home, navigation, announcements, passwords…).
import type { Catalog } from '../../../../sdk/i18n.js';

export default {
  Profile: 'الملف الشخصي',
  'Log out': 'تسجيل الخروج',
  Language: 'اللغة',
  'Your language could not be saved. Please try again.': 'تعذّر حفظ لغتك. يُرجى المحاولة مرة أخرى.',
  'Loading announcements…': 'جارٍ تحميل الإعلانات…',
  'No announcements from your firm yet.': 'لم ينشر مكتبك أي إعلانات بعد.',
  New: 'جديد',
  'Mark as read': 'تعليم كمقروء',
  'Published {date}': 'نُشر في {date}',
  'All announcements': 'جميع الإعلانات',
  'You do not have access to this part of the portal. Ask {firm} if you need it.':
    'ليس لديك حق الوصول إلى هذا القسم من البوابة. اطلبه من {firm} إذا كنت بحاجة إليه.',
  'Loading your summary…': 'جارٍ تحميل ملخصك…',
  'You are all caught up: nothing is waiting for you.': 'أنت على اطلاع بكل شيء: لا شيء بانتظارك.',
  'Waiting for you': 'بانتظارك',
  'Balance due': 'الرصيد المستحق',
  'Nothing to pay': 'لا مبالغ مستحقة',
  'Overdue invoices': 'فواتير متأخرة السداد',
  'Next due': 'الاستحقاق التالي',
  'No due date ahead': 'لا توجد مواعيد استحقاق قادمة',
  'Unread announcements': 'إعلانات غير مقروءة',
  '{number}, {amount}, due {date}': '{number}، {amount}، تستحق في {date}',
  '1 overdue invoice': 'فاتورة واحدة متأخرة السداد',
  '{count} overdue invoices': 'فواتير متأخرة السداد: {count}',
  '1 invoice to pay': 'فاتورة واحدة مستحقة الدفع',
  '{count} invoices to pay': 'فواتير مستحقة الدفع: {count}',
  '1 unread announcement': 'إعلان واحد غير مقروء',
  '{count} unread announcements': 'إعلانات غير مقروءة: {count}',
  'Please sign in to see your summary.': 'يُرجى تسجيل الدخول لعرض ملخصك.',
  "You are about to see the portal exactly as this client's primary contact does, in this browser tab only. Your own sign-in is not affected; closing the tab ends the preview.":
    'أنت على وشك رؤية البوابة تمامًا كما تراها جهة الاتصال الرئيسية لهذا العميل، في علامة التبويب هذه فقط. لن يتأثر تسجيل دخولك، وإغلاق علامة التبويب ينهي المعاينة.',
  'Open the preview': 'فتح المعاينة',
  'Opening…': 'جارٍ الفتح…',
  'This link is incomplete. Copy the whole address printed by `caseflow impersonate` into your browser.':
    'هذا الرابط غير مكتمل. انسخ العنوان الكامل الذي يطبعه `caseflow impersonate` في متصفحك.',
  'Ask for a new link with `caseflow impersonate <client>`: each link works once, for two minutes.':
    'اطلب رابطًا جديدًا باستخدام `caseflow impersonate <client>`: يعمل كل رابط مرة واحدة لمدة دقيقتين.',
  'The preview is open.': 'المعاينة مفتوحة.',
  Email: 'البريد الإلكتروني',
  Password: 'كلمة المرور',
  'Sign in': 'تسجيل الدخول',
  'Signing in…': 'جارٍ تسجيل الدخول…',
  'Email or password is incorrect.': 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  'Forgot password?': 'هل نسيت كلمة المرور؟',
  'Enter the email you sign in with. We will send you a link to choose a new password.':
    'أدخل البريد الإلكتروني الذي تسجّل الدخول به. سنرسل إليك رابطًا لاختيار كلمة مرور جديدة.',
  'Send link': 'إرسال الرابط',
  'Sending…': 'جارٍ الإرسال…',
  'Back to sign in': 'العودة إلى تسجيل الدخول',
  'If this email belongs to a portal account, we have sent it a link to choose a new password. The link works once and expires in 48 hours.':
    'إذا كان هذا البريد الإلكتروني يخص حسابًا في البوابة، فقد أرسلنا إليه رابطًا لاختيار كلمة مرور جديدة. يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال 48 ساعة.',
  'Client portal': 'بوابة العملاء',
  Menu: 'القائمة',
  "Your firm's plan does not include the client portal. Please ask {firm} to upgrade.":
    'لا تشمل خطة مكتبك بوابة العملاء. يُرجى أن تطلب من {firm} ترقيتها.',
  'Admin preview as {name}': 'معاينة المسؤول بصفة {name}',
  'opened by {admin}; closing this tab ends it.': 'فتحها {admin}؛ وإغلاق علامة التبويب هذه ينهيها.',
  'Your details': 'بياناتك',
  Name: 'الاسم',
  Client: 'العميل',
  Firm: 'المكتب',
  'Change password': 'تغيير كلمة المرور',
  'Current password': 'كلمة المرور الحالية',
  'New password': 'كلمة المرور الجديدة',
  'Repeat the new password': 'أعد كتابة كلمة المرور الجديدة',
  'Enter your current password.': 'أدخل كلمة مرورك الحالية.',
  'Your current password is incorrect.': 'كلمة مرورك الحالية غير صحيحة.',
  'Saving…': 'جارٍ الحفظ…',
  'Your password has been changed. Your other sessions have been signed out.':
    'تم تغيير كلمة مرورك، وتم تسجيل الخروج من جلساتك الأخرى.',
  'You are previewing the portal as this contact: their password cannot be changed here.':
    'أنت تعاين البوابة بصفة جهة الاتصال هذه: لا يمكن تغيير كلمة مرورها هنا.',
  'Loading your profile…': 'جارٍ تحميل ملفك الشخصي…',
  'Language of the portal and your emails': 'لغة البوابة ورسائل بريدك الإلكتروني',
  '{language} (the default of {firm})': '{language} (اللغة الافتراضية لدى {firm})',
  'Save language': 'حفظ اللغة',
  'Your language has been saved.': 'تم حفظ لغتك.',
  'You are previewing the portal as this contact: their language cannot be changed here.':
    'أنت تعاين البوابة بصفة جهة الاتصال هذه: لا يمكن تغيير لغتها هنا.',
  'Set password': 'تعيين كلمة المرور',
  'This link is incomplete. Open it again from your email, or copy the whole address into your browser.':
    'هذا الرابط غير مكتمل. افتحه مرة أخرى من بريدك الإلكتروني، أو انسخ العنوان الكامل في متصفحك.',
  'Need a new link? Choose "Forgot password?" on the {link}.':
    'هل تحتاج إلى رابط جديد؟ اختر «هل نسيت كلمة المرور؟» في {link}.',
  'login page': 'صفحة تسجيل الدخول',
  'Need a new link? Ask an administrator of your firm to send you a new invitation.':
    'هل تحتاج إلى رابط جديد؟ اطلب من أحد مسؤولي مكتبك أن يرسل إليك دعوة جديدة.',
  'Your password is set.': 'تم تعيين كلمة مرورك.',
  'Log in': 'تسجيل الدخول',
  'You can now sign in from the command line:': 'يمكنك الآن تسجيل الدخول من سطر الأوامر:',
  'This password is one of the most common passwords; choose another.':
    'كلمة المرور هذه من أكثر كلمات المرور شيوعًا؛ اختر كلمة أخرى.',
  'Enter an email address such as name@example.com.': 'أدخل عنوان بريد إلكتروني مثل name@example.com.',
  '{field} is required.': 'الحقل «{field}» مطلوب.',
  '{field} is too short.': 'الحقل «{field}» قصير جدًا.',
  '{field} is too long.': 'الحقل «{field}» طويل جدًا.',
  '{field} is not valid.': 'الحقل «{field}» غير صالح.',
  '{field} is incorrect.': 'الحقل «{field}» غير صحيح.',
  'Use at least {min} characters.': 'استخدم {min} أحرف على الأقل.',
  'Use at most {max} characters.': 'استخدم {max} حرفًا على الأكثر.',
  'The two passwords do not match.': 'كلمتا المرور غير متطابقتين.',
  'Use {min} to {max} characters, and not one of the most common passwords. A passphrase of several words is fine.':
    'استخدم من {min} إلى {max} حرفًا، وتجنّب كلمات المرور الأكثر شيوعًا. لا بأس بعبارة مرور من عدة كلمات.',
  'This link has expired or was already used. Ask for a new one.':
    'انتهت صلاحية هذا الرابط أو سبق استخدامه. اطلب رابطًا جديدًا.',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
