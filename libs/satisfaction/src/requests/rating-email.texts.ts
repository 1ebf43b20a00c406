import { RATING_LINK_DAYS, type Language } from '@sanad/contracts';
import type { EmailChoices } from '@sanad/mail';

const WORDS: Record<Language, string[]> = {
  ar: ['سيئ جدًا', 'سيئ', 'مقبول', 'جيد', 'ممتاز'],
  en: ['Very poor', 'Poor', 'Fair', 'Good', 'Excellent'],
};

/** What a score's star button says (and its title), in the customer's language. */
export function scoreWord(language: Language, score: number): string {
  return WORDS[language][score - 1] ?? '';
}

/**
 * The rating request: `text` is the conversation's message (what agents see: the stars without
 * their links, so nobody rates in the customer's place); `choices` is what only the email
 * carries: the plain-text part with a link per star, and the same links as one-click star
 * buttons for the HTML part (drawn by the mail composer).
 */
export function ratingEmail(
  language: Language,
  input: { contactName: string | null; number: string; workspaceName: string; links: string[] },
): { text: string; choices: EmailChoices } {
  const ar = language === 'ar';
  const greeting = input.contactName
    ? ar
      ? `مرحبًا ${input.contactName}،`
      : `Hello ${input.contactName},`
    : ar
      ? 'مرحبًا،'
      : 'Hello,';
  const ask = ar
    ? `أُغلقت محادثتك رقم ${input.number} مع ${input.workspaceName}. كيف كانت تجربتك؟ اختر عدد النجوم بنقرة واحدة:`
    : `Your conversation #${input.number} with ${input.workspaceName} was closed. How did we do? Choose the stars with one click:`;
  const outro = ar
    ? `بعد النقر يمكنك تقييم الأسلوب والتعامل، وسرعة الرد، ووضوح الردود، ومستوى سعادتك، وترك تعليق. تعمل الروابط ${RATING_LINK_DAYS} يومًا.`
    : `After the click you can rate our manner, speed and clarity and how happy you are, and leave a comment. The links work for ${RATING_LINK_DAYS} days.`;
  const star = (i: number) => `${'★'.repeat(i + 1)} ${scoreWord(language, i + 1)}`;
  const linked = input.links.map((url, i) => `${star(i)}: ${url}`).reverse();
  const unlinked = input.links.map((_url, i) => star(i)).reverse();
  return {
    text: [greeting, '', ask, '', ...unlinked, '', outro].join('\n'),
    choices: {
      text: [greeting, '', ask, '', ...linked, '', outro].join('\n'),
      intro: `${greeting}\n\n${ask}`,
      options: input.links.map((url, i) => ({
        label: `${i + 1} ★`,
        url,
        title: scoreWord(language, i + 1),
      })),
      outro,
    },
  };
}
