import type { Language } from '@sanad/contracts';

const TEXTS = {
  title: { ar: 'رأيك يهمنا', en: 'Your opinion matters' },
  chosen: {
    ar: 'اخترت {n} من 10.',
    en: 'You chose {n} of 10.',
  },
  sendToRecord: {
    ar: 'أضف تعليقًا إن شئت، ثم اضغط «إرسال» لتسجيل إجابتك.',
    en: 'Add a comment if you like, then press “Send” to record your answer.',
  },
  pressSend: {
    ar: 'غيّر الرقم إن شئت، وأضف تعليقًا، ثم اضغط «إرسال».',
    en: 'Change the number if you like, add a comment, then press “Send”.',
  },
  recorded: {
    ar: 'شكرًا! سجّلنا إجابتك: {n} من 10.',
    en: 'Thank you! We recorded your answer: {n} of 10.',
  },
  commentSaved: { ar: 'شكرًا! وصلنا تعليقك.', en: 'Thank you! We got your comment.' },
  addComment: {
    ar: 'أخبرنا بالسبب إن شئت، ثم اضغط «إرسال».',
    en: 'Tell us why if you like, then press “Send”.',
  },
  scoreLegend: { ar: 'اختر رقمًا من 0 إلى 10', en: 'Choose a number from 0 to 10' },
  notLikely: { ar: 'غير محتمل إطلاقًا', en: 'Not at all likely' },
  veryLikely: { ar: 'محتمل جدًا', en: 'Extremely likely' },
  scoreLabel: { ar: '{n} من 10', en: '{n} of 10' },
  comment: { ar: 'تعليقك', en: 'Your comment' },
  optional: { ar: '(اختياري)', en: '(optional)' },
  commentHelp: { ar: 'حتى 2000 حرف.', en: 'Up to 2,000 characters.' },
  submit: { ar: 'إرسال', en: 'Send' },
  changeable: {
    ar: 'يمكنك تعديل إجابتك خلال 7 أيام من تقديمها.',
    en: 'You can change your answer for 7 days after you first gave it.',
  },
  lockedTitle: { ar: 'لم يعد تعديل الإجابة ممكنًا', en: 'This answer can no longer be changed' },
  lockedText: {
    ar: 'يمكن تعديل الإجابة خلال 7 أيام من تقديمها فقط. إجابتك المسجّلة: {n} من 10.',
    en: 'An answer can be changed for 7 days after it was first given. Your recorded answer: {n} of 10.',
  },
  expiredTitle: { ar: 'انتهت صلاحية الرابط', en: 'This link has expired' },
  expiredText: {
    ar: 'تعمل روابط الاستطلاع 30 يومًا بعد إرسالها، ولم يُسجَّل شيء.',
    en: 'Survey links work for 30 days after they are sent; nothing was recorded.',
  },
  cancelledTitle: { ar: 'أُلغي هذا الاستطلاع', en: 'This survey was cancelled' },
  cancelledText: {
    ar: 'لم يعد هذا الاستطلاع يقبل الإجابات، ولم يُسجَّل شيء.',
    en: 'This survey no longer takes answers; nothing was recorded.',
  },
  invalidTitle: { ar: 'رابط الاستطلاع غير صحيح', en: 'This survey link is not valid' },
  invalidText: {
    ar: 'تعذّر التعرّف على هذا الرابط ولم يُسجَّل شيء. افتح الرابط كما وصلك في البريد تمامًا.',
    en: 'We could not recognise this link and recorded nothing. Open the link exactly as it came in the email.',
  },
  errorSummary: { ar: 'راجع ما يلي:', en: 'Please check the following:' },
  poweredBy: { ar: 'يعمل بواسطة سند', en: 'Powered by Sanad' },
  languageName: { ar: 'العربية', en: 'English' },
} as const satisfies Record<string, Record<Language, string>>;

export type NpsPageTextKey = keyof typeof TEXTS;

export function npsText(
  key: NpsPageTextKey,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return TEXTS[key][language].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? ''),
  );
}
