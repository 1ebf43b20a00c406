import { NPS_LINK_DAYS, type Language } from '@sanad/contracts';
import { escapeHtml, withDigits } from '@sanad/core';

/** The question a survey asks when the admin gives none ({workspace} is the workspace's name). */
export const DEFAULT_NPS_QUESTION: Record<Language, string> = {
  ar: 'ما مدى احتمال أن توصي بـ{workspace} لصديق أو زميل؟',
  en: 'How likely are you to recommend {workspace} to a friend or colleague?',
};

const WORDS = {
  subject: { ar: '{workspace}: سؤال واحد سريع', en: '{workspace}: one quick question' },
  helloName: { ar: 'مرحبًا {name}،', en: 'Hello {name},' },
  hello: { ar: 'مرحبًا،', en: 'Hello,' },
  choose: {
    ar: 'اختر رقمًا من 0 إلى 10 بنقرة واحدة:',
    en: 'Choose a number from 0 to 10 with one click:',
  },
  notLikely: { ar: 'غير محتمل إطلاقًا', en: 'Not at all likely' },
  veryLikely: { ar: 'محتمل جدًا', en: 'Extremely likely' },
  outro: {
    ar: `بعد النقر يمكنك إضافة تعليق. تعمل الروابط ${NPS_LINK_DAYS} يومًا.`,
    en: `After the click you can add a comment. The links work for ${NPS_LINK_DAYS} days.`,
  },
} as const satisfies Record<string, Record<Language, string>>;

function word(key: keyof typeof WORDS, language: Language, params: Record<string, string> = {}) {
  return WORDS[key][language].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** The survey's question in a language, with the workspace's name in it. */
export function npsQuestion(template: string, workspaceName: string): string {
  return template.replace(/\{workspace\}/g, workspaceName);
}

/**
 * The survey email: a plain-text part with the eleven links, and an HTML body with them as a
 * row of numbered buttons (0 first in reading order, so at the right in Arabic) between the
 * "not likely" and "very likely" labels. Everything the admin or the customer wrote is escaped.
 */
export function npsEmail(
  language: Language,
  input: {
    contactName: string | null;
    workspaceName: string;
    question: string;
    links: string[];
    digits: 'latn' | 'arab';
  },
): { subject: string; text: string; html: string } {
  const digit = (n: number) =>
    language === 'ar' ? withDigits(String(n), input.digits) : String(n);
  const greeting = input.contactName
    ? word('helloName', language, { name: input.contactName })
    : word('hello', language);
  const question = input.question;
  const lines = input.links.map((url, score) => `${digit(score)}: ${url}`);
  const text = [
    greeting,
    '',
    question,
    word('choose', language),
    `(0 = ${word('notLikely', language)}, 10 = ${word('veryLikely', language)})`,
    '',
    ...lines,
    '',
    word('outro', language),
  ].join('\n');
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const cells = input.links
    .map(
      (url, score) =>
        `<td align="center" width="9%" style="padding:1px"><a href="${escapeHtml(url)}" title="${escapeHtml(digit(score))}" style="display:block;padding:10px 0;border:1px solid #d5d9e0;border-radius:6px;background:#ffffff;color:#1a1a1a;font-size:15px;font-weight:bold;line-height:1.2;text-align:center;text-decoration:none;font-family:Tahoma,Arial,sans-serif">${escapeHtml(digit(score))}</a></td>`,
    )
    .join('');
  const p = (value: string, style = 'margin:0 0 1em') =>
    `<p dir="auto" style="${style}">${escapeHtml(value)}</p>`;
  const html = [
    p(greeting),
    `<p dir="auto" style="margin:0 0 1em;font-size:16px;font-weight:bold">${escapeHtml(question)}</p>`,
    p(word('choose', language)),
    // The row shrinks to the screen (a phone fits all eleven): fixed layout, equal cells.
    `<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" style="max-width:480px;table-layout:fixed;margin:8px 0 4px"><tr>${cells}</tr></table>`,
    `<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" style="max-width:480px;margin:0 0 16px;font-size:12px;color:#6b7280"><tr>`,
    `<td style="text-align:start">${escapeHtml(word('notLikely', language))}</td>`,
    `<td style="text-align:end">${escapeHtml(word('veryLikely', language))}</td></tr></table>`,
    p(word('outro', language), 'margin:0;color:#6b7280;font-size:12px'),
  ].join('');
  return { subject: word('subject', language, { workspace: input.workspaceName }), text, html };
}
