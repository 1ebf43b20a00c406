import { RATING_COMMENT_MAX, RATING_DIMENSIONS, type RatingDimension } from '@sanad/contracts';
import { escapeHtml } from '@sanad/core';
import type { RawAnswers } from '../ratings/rating-answers.util';
import { customerPageDocument, type CustomerPageFrame } from './customer-page.document';
import { ratingText } from './rating-page.texts';

export type RatingPageFrame = CustomerPageFrame;

export interface RatingFormInput extends RatingPageFrame {
  action: string;
  /** The link's star, chosen on the form. */
  chosen: number;
  /** The stars recorded so far, or null before anything is. */
  recorded: number | null;
  /** Where the page's script records the chosen star at once (the landing page), or null. */
  starUrl: string | null;
  values: RawAnswers;
  errors: Array<{ field: string; message: string }>;
}

export type RatingMessageKind = 'thanks' | 'locked' | 'expired' | 'invalid';

const STAR_STYLES = `
.intro{margin:0 0 18px;color:var(--muted)}
.intro strong{color:var(--text)}
.stars{display:flex;gap:8px;flex-wrap:wrap;margin:0;padding:0;border:0}
.star{position:relative;display:inline-flex;flex-direction:column;align-items:center;justify-content:center;min-width:52px;min-height:56px;padding:6px 4px;border:1.5px solid var(--line);border-radius:var(--radius);background:var(--surface);cursor:pointer;color:#9aa1ad;line-height:1.1}
.star input{position:absolute;opacity:0;inset:0;margin:0;cursor:pointer}
.star__glyph{font-size:24px}
.star__n{font-size:13px;font-weight:600;color:var(--muted)}
.star:hover{border-color:var(--line-strong)}
.star:has(input:focus-visible){outline:3px solid var(--primary);outline-offset:2px}
.star:has(input:checked){border-color:var(--primary);background:var(--primary-soft)}
${[1, 2, 3, 4, 5].map((n) => `.stars:has(input[value="${n}"]:checked) .star:nth-child(-n+${n}) .star__glyph`).join(',')}{color:#d97706}
.field--invalid .stars .star{border-color:var(--danger)}
.message__score{font-size:28px;color:#d97706;letter-spacing:2px;margin:0 0 8px}
.link{color:var(--link);font-weight:600}
`;

export function renderRatingForm(input: RatingFormInput): string {
  const { language: lang, values } = input;
  const errorOf = (field: string) => input.errors.find((e) => e.field === field)?.message ?? null;
  const group = (field: 'score' | RatingDimension, label: string, optional: boolean) => {
    const error = errorOf(field);
    const checked =
      values[field] ?? (field === 'score' ? String(input.recorded ?? input.chosen) : '');
    const stars = [1, 2, 3, 4, 5]
      .map(
        (n) =>
          `<label class="star"><input type="radio" name="${field}" value="${n}"${String(n) === checked ? ' checked' : ''}${field === 'score' ? ' required' : ''} aria-label="${escapeHtml(ratingText('stars', lang, { n }))}"><span class="star__glyph" aria-hidden="true">★</span><span class="star__n" aria-hidden="true">${n}</span></label>`,
      )
      .join('');
    return `<fieldset class="field${error ? ' field--invalid' : ''}" id="field-${field}"${error ? ` aria-describedby="error-${field}"` : ''}>
<legend class="field__label">${escapeHtml(label)}${optional ? ` <span class="field__help">${escapeHtml(ratingText('optional', lang))}</span>` : ''}</legend>
<div class="stars">${stars}</div>
${error ? `<p class="field__error" id="error-${field}"><span class="field__error-icon" aria-hidden="true">!</span>${escapeHtml(error)}</p>` : ''}
</fieldset>`;
  };
  const commentError = errorOf('comment');
  const summary =
    input.errors.length > 0
      ? `<div class="summary" role="alert" tabindex="-1"><p class="summary__title">${escapeHtml(ratingText('errorSummary', lang))}</p><ul class="summary__list">${input.errors
          .map(
            (e) => `<li><a href="#field-${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`,
          )
          .join('')}</ul></div>`
      : '';
  const recordedText = ratingText('recorded', lang, { n: input.recorded ?? input.chosen });
  const intro =
    input.recorded !== null
      ? `<p class="intro"><strong>${escapeHtml(recordedText)}</strong> ${escapeHtml(ratingText('more', lang))}</p>`
      : `<p class="intro" id="intro" data-recorded="${escapeHtml(recordedText)}"><strong>${escapeHtml(ratingText('chosen', lang, { n: input.chosen }))}</strong> ${escapeHtml(ratingText('sendToRecord', lang))}</p>`;
  // The one script: records the chosen star (a scanner that opens the link runs no script).
  const script = input.starUrl
    ? `<script nonce="${escapeHtml(input.nonce)}">(function(){var i=document.getElementById('intro');fetch(${scriptString(input.starUrl)},{method:'POST',credentials:'same-origin'}).then(function(r){if(r.ok&&i){i.innerHTML='';var s=document.createElement('strong');s.textContent=i.getAttribute('data-recorded');i.appendChild(s);i.appendChild(document.createTextNode(' '+${scriptString(ratingText('more', lang))}));}});})();</script>`
    : '';
  const body = `${intro}
${summary}
<form class="form" method="post" action="${escapeHtml(input.action)}" novalidate>
${group('score', ratingText('overall', lang), false)}
${RATING_DIMENSIONS.map((d) => group(d, ratingText(d, lang), true)).join('\n')}
<div class="field${commentError ? ' field--invalid' : ''}" id="field-comment">
<label class="field__label" for="comment">${escapeHtml(ratingText('comment', lang))} <span class="field__help">${escapeHtml(ratingText('optional', lang))}</span></label>
<p class="field__help" id="comment-help">${escapeHtml(ratingText('commentHelp', lang))}</p>
<textarea class="input input--area" id="comment" name="comment" dir="auto" rows="4" maxlength="${RATING_COMMENT_MAX}" aria-describedby="comment-help${commentError ? ' error-comment' : ''}">${escapeHtml(values.comment ?? '')}</textarea>
${commentError ? `<p class="field__error" id="error-comment"><span class="field__error-icon" aria-hidden="true">!</span>${escapeHtml(commentError)}</p>` : ''}
</div>
<p class="form__note">${escapeHtml(ratingText('changeable', lang))}</p>
<div class="form__actions"><button class="button" type="submit">${escapeHtml(ratingText('submit', lang))}</button></div>
</form>${script}`;
  return documentOf(input, ratingText('title', lang), body, 'card');
}

export function renderRatingMessage(
  frame: RatingPageFrame,
  kind: RatingMessageKind,
  options: { score?: number; editUrl?: string } = {},
): string {
  const lang = frame.language;
  const title = {
    thanks: ratingText('thanksTitle', lang),
    locked: ratingText('lockedTitle', lang),
    expired: ratingText('expiredTitle', lang),
    invalid: ratingText('invalidTitle', lang),
  }[kind];
  const text = {
    thanks: ratingText('thanksText', lang),
    locked: ratingText('lockedText', lang, { n: options.score ?? '' }),
    expired: ratingText('expiredText', lang),
    invalid: ratingText('invalidText', lang),
  }[kind];
  const score =
    options.score && (kind === 'thanks' || kind === 'locked')
      ? `<p class="message__score" aria-label="${escapeHtml(ratingText('stars', lang, { n: options.score }))}">${'★'.repeat(options.score)}${'☆'.repeat(5 - options.score)}</p>`
      : '';
  const edit = options.editUrl
    ? `<p><a class="link" href="${escapeHtml(options.editUrl)}">${escapeHtml(ratingText('edit', lang))}</a></p>`
    : '';
  const body = `<div class="message${kind === 'thanks' ? '' : ' message--closed'}" data-rating-state="${kind}">
${score}<p class="message__title">${escapeHtml(title)}</p>
<p class="message__text">${escapeHtml(text)}</p>${edit}</div>`;
  return documentOf(frame, title, body, 'card card--message', ratingText('title', lang));
}

/** A string as a script's literal: JSON, with `<` escaped so no `</script>` ends the block. */
function scriptString(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** `title` names the document; the card's heading is `heading` (the page's subject) or it. */
function documentOf(
  frame: RatingPageFrame,
  title: string,
  body: string,
  card: string,
  heading = title,
): string {
  return customerPageDocument(frame, {
    title,
    heading,
    body,
    card,
    styles: STAR_STYLES,
    languageName: (language) => ratingText('languageName', language),
    poweredBy: ratingText('poweredBy', frame.language),
  });
}
