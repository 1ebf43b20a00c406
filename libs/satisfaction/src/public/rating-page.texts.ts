import type { Language, RatingDimension } from '@sanad/contracts';

const TEXTS = {
  title: { ar: 'قيّم تجربتك', en: 'Rate your experience' },
  recorded: {
    ar: 'شكرًا! سجّلنا تقييمك: {n} من 5.',
    en: 'Thank you! We recorded your rating: {n} of 5.',
  },
  chosen: {
    ar: 'اخترت {n} من 5.',
    en: 'You chose {n} of 5.',
  },
  sendToRecord: {
    ar: 'اضغط «إرسال» لحفظ تقييمك، وأخبرنا بالمزيد إن شئت.',
    en: 'Press “Send” to record your rating, and tell us more if you like.',
  },
  more: {
    ar: 'أخبرنا بالمزيد إن شئت، ثم اضغط «إرسال».',
    en: 'Tell us more if you like, then press “Send”.',
  },
  overall: { ar: 'التقييم العام', en: 'Overall' },
  manner: { ar: 'الأسلوب والتعامل', en: 'Manner and courtesy' },
  speed: { ar: 'سرعة الرد', en: 'Speed of reply' },
  clarity: { ar: 'وضوح الردود', en: 'Clarity of the replies' },
  happiness: { ar: 'مستوى السعادة', en: 'How happy you are' },
  optional: { ar: '(اختياري)', en: '(optional)' },
  comment: { ar: 'تعليقك', en: 'Your comment' },
  commentHelp: { ar: 'حتى 2000 حرف.', en: 'Up to 2,000 characters.' },
  submit: { ar: 'إرسال', en: 'Send' },
  changeable: {
    ar: 'يمكنك تعديل تقييمك خلال 7 أيام من تقديمه.',
    en: 'You can change your rating for 7 days after you first gave it.',
  },
  thanksTitle: { ar: 'شكرًا لك', en: 'Thank you' },
  thanksText: {
    ar: 'وصلنا تقييمك، وهو يساعدنا على خدمتك بشكل أفضل.',
    en: 'We got your rating; it helps us serve you better.',
  },
  edit: { ar: 'تعديل إجاباتي', en: 'Change my answers' },
  lockedTitle: { ar: 'لم يعد تعديل التقييم ممكنًا', en: 'This rating can no longer be changed' },
  lockedText: {
    ar: 'يمكن تعديل التقييم خلال 7 أيام من تقديمه فقط. تقييمك المسجّل: {n} من 5.',
    en: 'A rating can be changed for 7 days after it was first given. Your recorded rating: {n} of 5.',
  },
  expiredTitle: { ar: 'انتهت صلاحية الرابط', en: 'This link has expired' },
  expiredText: {
    ar: 'تعمل روابط التقييم 30 يومًا بعد إرسالها، ولم يُسجَّل أي تقييم.',
    en: 'Rating links work for 30 days after they are sent; nothing was recorded.',
  },
  invalidTitle: { ar: 'رابط التقييم غير صحيح', en: 'This rating link is not valid' },
  invalidText: {
    ar: 'تعذّر التعرّف على هذا الرابط ولم يُسجَّل أي تقييم. افتح الرابط كما وصلك في البريد تمامًا.',
    en: 'We could not recognise this link and recorded nothing. Open the link exactly as it came in the email.',
  },
  errorSummary: { ar: 'راجع ما يلي:', en: 'Please check the following:' },
  stars: { ar: '{n} من 5', en: '{n} of 5' },
  poweredBy: { ar: 'يعمل بواسطة سند', en: 'Powered by Sanad' },
  languageName: { ar: 'العربية', en: 'English' },
} as const satisfies Record<string, Record<Language, string>>;

export type RatingPageTextKey = keyof typeof TEXTS | RatingDimension;

export function ratingText(
  key: keyof typeof TEXTS,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return TEXTS[key][language].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? ''),
  );
}
