import { NPS_COMMENT_MAX, type Language } from '@sanad/contracts';
import { escapeHtml, withDigits } from '@sanad/core';
import { customerPageDocument, type CustomerPageFrame } from '../../public/customer-page.document';
import type { RawNpsAnswer } from '../responses/nps-answer.util';
import { npsText as rawText, type NpsPageTextKey } from './nps-page.texts';

export interface NpsPageFrame extends CustomerPageFrame {
  digits: 'latn' | 'arab';
}

export interface NpsFormInput extends NpsPageFrame {
  action: string;
  question: string;
  values: RawNpsAnswer;
  errors: Array<{ field: string; message: string }>;
  /**
   * `chosen`: the link was opened, nothing recorded yet: the page posts the score at once.
   * `recorded`: the answer is recorded (the customer may add a comment); `commented`: the
   * comment too. `retry`: a post was refused (400), the answers kept.
   */
  mode: 'chosen' | 'recorded' | 'commented' | 'retry';
}

export type NpsMessageKind = 'locked' | 'expired' | 'cancelled' | 'invalid';

const STYLES = `
.question{margin:0 0 14px;font-size:19px;font-weight:700;line-height:1.5}
.intro{margin:0 0 18px;color:var(--muted)}
.intro strong{color:var(--text)}
.scale{margin:0;padding:0;border:0;min-width:0}
.scores{display:grid;grid-template-columns:repeat(11,minmax(0,1fr));gap:4px;margin:6px 0 4px}
.score{position:relative;display:flex;align-items:center;justify-content:center;min-height:48px;border:1.5px solid var(--line);border-radius:var(--radius);background:var(--surface);cursor:pointer;font-weight:700;font-size:16px}
.score input{position:absolute;opacity:0;inset:0;margin:0;cursor:pointer}
.score:hover{border-color:var(--line-strong)}
.score:has(input:focus-visible){outline:3px solid var(--primary);outline-offset:2px}
.score:has(input:checked){border-color:var(--primary);background:var(--primary);color:var(--on-primary)}
.ends{display:flex;justify-content:space-between;gap:12px;margin:0 0 6px;font-size:13px;color:var(--muted)}
.field--invalid .score{border-color:var(--danger)}
@media (max-width:420px){.scores{grid-template-columns:repeat(6,minmax(0,1fr))}.score{min-height:44px}}
.message__score{font-size:28px;font-weight:700;color:var(--primary);margin:0 0 8px}
`;

/** The page's texts in the workspace's digits (Arabic pages may write ٠–٩). */
function texts(frame: NpsPageFrame) {
  return (
    key: NpsPageTextKey,
    language: Language,
    params: Record<string, string | number> = {},
  ) => {
    const text = rawText(key, language, params);
    return language === 'ar' ? withDigits(text, frame.digits) : text;
  };
}

export function renderNpsForm(input: NpsFormInput): string {
  const npsText = texts(input);
  const { language: lang, values } = input;
  const digit = (n: number | string) =>
    lang === 'ar' ? withDigits(String(n), input.digits) : String(n);
  const errorOf = (field: string) => input.errors.find((e) => e.field === field)?.message ?? null;
  const scoreError = errorOf('score');
  const commentError = errorOf('comment');
  const checked = values.score ?? '';
  const scores = Array.from({ length: 11 }, (_, n) => n)
    .map(
      (n) =>
        `<label class="score"><input type="radio" name="score" value="${n}"${String(n) === checked ? ' checked' : ''} required aria-label="${escapeHtml(npsText('scoreLabel', lang, { n: digit(n) }))}"><span aria-hidden="true">${escapeHtml(digit(n))}</span></label>`,
    )
    .join('');
  const summary =
    input.errors.length > 0
      ? `<div class="summary" role="alert" tabindex="-1"><p class="summary__title">${escapeHtml(npsText('errorSummary', lang))}</p><ul class="summary__list">${input.errors
          .map(
            (e) => `<li><a href="#field-${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`,
          )
          .join('')}</ul></div>`
      : '';
  const n = digit(checked);
  const intro = {
    chosen: `<strong>${escapeHtml(npsText('chosen', lang, { n }))}</strong> ${escapeHtml(npsText('sendToRecord', lang))}`,
    recorded: `<strong>${escapeHtml(npsText('recorded', lang, { n }))}</strong> ${escapeHtml(npsText('addComment', lang))}`,
    commented: `<strong>${escapeHtml(npsText('commentSaved', lang))}</strong> ${escapeHtml(npsText('recorded', lang, { n }))}`,
    retry: escapeHtml(npsText('pressSend', lang)),
  }[input.mode];
  // One click for a person: the score posts at once; scanners that only fetch the link record
  // nothing. Without JavaScript the customer presses "Send".
  const script =
    input.mode === 'chosen'
      ? `<script nonce="${escapeHtml(input.nonce)}">document.getElementById('nps-form').submit();</script>`
      : '';
  const body = `<p class="question" dir="auto">${escapeHtml(input.question)}</p>
<p class="intro" data-nps-state="${input.mode}">${intro}</p>
${summary}
<form class="form" id="nps-form" method="post" action="${escapeHtml(input.action)}" novalidate>
<fieldset class="field scale${scoreError ? ' field--invalid' : ''}" id="field-score"${scoreError ? ' aria-describedby="error-score"' : ''}>
<legend class="field__label">${escapeHtml(npsText('scoreLegend', lang))}</legend>
<div class="scores">${scores}</div>
<div class="ends" aria-hidden="true"><span>${escapeHtml(digit(0))} · ${escapeHtml(npsText('notLikely', lang))}</span><span>${escapeHtml(digit(10))} · ${escapeHtml(npsText('veryLikely', lang))}</span></div>
${scoreError ? `<p class="field__error" id="error-score"><span class="field__error-icon" aria-hidden="true">!</span>${escapeHtml(scoreError)}</p>` : ''}
</fieldset>
<div class="field${commentError ? ' field--invalid' : ''}" id="field-comment">
<label class="field__label" for="comment">${escapeHtml(npsText('comment', lang))} <span class="field__help">${escapeHtml(npsText('optional', lang))}</span></label>
<p class="field__help" id="comment-help">${escapeHtml(npsText('commentHelp', lang))}</p>
<textarea class="input input--area" id="comment" name="comment" dir="auto" rows="4" maxlength="${NPS_COMMENT_MAX}" aria-describedby="comment-help${commentError ? ' error-comment' : ''}">${escapeHtml(values.comment ?? '')}</textarea>
${commentError ? `<p class="field__error" id="error-comment"><span class="field__error-icon" aria-hidden="true">!</span>${escapeHtml(commentError)}</p>` : ''}
</div>
<p class="form__note">${escapeHtml(npsText('changeable', lang))}</p>
<div class="form__actions"><button class="button" type="submit">${escapeHtml(npsText('submit', lang))}</button></div>
</form>${script}`;
  return documentOf(input, npsText('title', lang), body, 'card');
}

export function renderNpsMessage(
  frame: NpsPageFrame,
  kind: NpsMessageKind,
  options: { score?: number } = {},
): string {
  const npsText = texts(frame);
  const lang = frame.language;
  const title = npsText(`${kind}Title`, lang);
  const n =
    options.score === undefined
      ? ''
      : lang === 'ar'
        ? withDigits(String(options.score), frame.digits)
        : String(options.score);
  const text = npsText(`${kind}Text`, lang, { n });
  const score =
    kind === 'locked' && n
      ? `<p class="message__score">${escapeHtml(npsText('scoreLabel', lang, { n }))}</p>`
      : '';
  const body = `<div class="message message--closed" data-nps-state="${kind}">
${score}<p class="message__title">${escapeHtml(title)}</p>
<p class="message__text">${escapeHtml(text)}</p></div>`;
  return documentOf(frame, title, body, 'card card--message', npsText('title', lang));
}

function documentOf(
  frame: NpsPageFrame,
  title: string,
  body: string,
  card: string,
  heading = title,
): string {
  const npsText = texts(frame);
  return customerPageDocument(frame, {
    title,
    heading,
    body,
    card,
    styles: STYLES,
    languageName: (language) => npsText('languageName', language),
    poweredBy: npsText('poweredBy', frame.language),
  });
}
