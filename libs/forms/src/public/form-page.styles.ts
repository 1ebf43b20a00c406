import { DEFAULT_BRAND, type BrandColours } from '@sanad/contracts';
import type { FormPageFont } from './form-page.renderer';
import { safeColour, safeUrl } from './html.util';

/** A font URL fit for `url("…")`: http(s) or a path on this site, without quotes or escapes. */
function fontUrl(url: string): string | null {
  const safe = safeUrl(url);
  return safe && !/["'()\\\s]/.test(safe) ? safe : null;
}

function fontFaces(fonts: readonly FormPageFont[]): string {
  return fonts
    .map((font) => {
      const url = fontUrl(font.url);
      if (!url) return '';
      const range =
        font.unicodeRange && /^[\dA-Fa-f+U?,\s-]+$/.test(font.unicodeRange)
          ? `unicode-range:${font.unicodeRange};`
          : '';
      return `@font-face{font-family:'IBM Plex Sans Arabic';font-style:normal;font-display:swap;font-weight:${font.weight};src:url("${url}") format("woff2");${range}}`;
    })
    .join('');
}

/**
 * The page's whole stylesheet, inlined (one request, allowed by the CSP nonce). Mobile first;
 * logical properties only, so the same rules are right in Arabic and English.
 */
export function formPageStyles(colours: BrandColours, fonts: readonly FormPageFont[]): string {
  const d = DEFAULT_BRAND.colours;
  const primary = safeColour(colours.primary, d.primary);
  const hover = safeColour(colours.primaryHover, d.primaryHover);
  const soft = safeColour(colours.primarySoft, d.primarySoft);
  const on = safeColour(colours.onPrimary, d.onPrimary);
  const link = safeColour(colours.link, d.link);
  return `${fontFaces(fonts)}
:root{--primary:${primary};--primary-hover:${hover};--primary-soft:${soft};--on-primary:${on};--link:${link};
--text:#16181d;--muted:#5b6270;--line:#d5d9e0;--line-strong:#9aa1ad;--surface:#fff;--canvas:#f4f5f7;
--danger:#b42318;--danger-soft:#fef3f2;--radius:12px;
--font:'IBM Plex Sans Arabic',system-ui,-apple-system,'Segoe UI',Tahoma,sans-serif}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--canvas);color:var(--text);font:400 16px/1.6 var(--font)}
.embed body{background:transparent}
.page{min-height:100vh;display:flex;flex-direction:column;padding:16px 12px 24px;gap:16px}
.embed .page{min-height:0;padding:2px}
.brand{display:flex;align-items:center;justify-content:space-between;gap:12px;max-width:640px;width:100%;margin-inline:auto;padding-inline:4px;min-height:40px}
.brand__logo{display:block;max-height:40px;max-width:180px;width:auto;height:auto}
.brand__name{font-weight:700;font-size:18px;min-width:0;overflow-wrap:anywhere}
.lang__link{color:var(--link);font-weight:600;font-size:15px;text-decoration:none;padding:6px 12px;border-radius:999px;border:1px solid var(--line)}
.lang__link:hover{background:var(--primary-soft)}
.card{max-width:640px;width:100%;margin-inline:auto;background:var(--surface);border-radius:16px;padding:24px 18px 28px;box-shadow:0 1px 2px rgba(16,24,40,.06),0 4px 16px rgba(16,24,40,.06);border-top:4px solid var(--primary)}
.embed .card{max-width:none;box-shadow:none;border:1px solid var(--line);border-top:4px solid var(--primary)}
.card__title{margin:0 0 8px;font-size:24px;line-height:1.3;font-weight:700;overflow-wrap:anywhere}
.form{display:flex;flex-direction:column;gap:22px;margin:0}
.form__note{margin:0 0 -6px;color:var(--muted);font-size:14px}
.section{margin:10px 0 -8px;font-size:19px;font-weight:700;line-height:1.4;padding-block-start:14px;border-top:1px solid var(--line)}
.prose__text{margin:0 0 8px;color:var(--muted)}
.prose__text:last-child{margin-bottom:0}
.field{display:flex;flex-direction:column;gap:6px;margin:0;padding:0;border:0;min-width:0}
.field__label{font-weight:600;font-size:16px;line-height:1.45;padding:0;overflow-wrap:anywhere}
.field--group .field__label{margin-bottom:2px}
.field__required{color:var(--danger);font-weight:700}
.field__help{margin:-2px 0 2px;color:var(--muted);font-size:14px;line-height:1.5}
.field__help span{display:block}
.input{display:block;width:100%;min-height:48px;padding:10px 14px;font:inherit;color:inherit;background:var(--surface);border:1.5px solid var(--line);border-radius:var(--radius);transition:border-color .15s,box-shadow .15s;appearance:none;-webkit-appearance:none}
.input::placeholder{color:#7a818d}
.input:hover{border-color:var(--line-strong)}
.input:focus{outline:none;border-color:var(--primary);box-shadow:0 0 0 3px var(--primary-soft),0 0 0 5px var(--primary)}
.input:focus:not(:focus-visible){box-shadow:0 0 0 3px var(--primary-soft)}
.input--area{min-height:128px;resize:vertical;line-height:1.6}
[dir=rtl] .input[dir=ltr]{text-align:end}
.input--date{max-width:260px}
.input--number{max-width:260px}
.select{position:relative;display:block}
.select .input{padding-inline-end:44px;cursor:pointer}
.select::after{content:'';position:absolute;inset-inline-end:18px;top:50%;width:8px;height:8px;margin-top:-6px;border-inline-end:2px solid var(--muted);border-bottom:2px solid var(--muted);transform:rotate(45deg);pointer-events:none}
[dir=rtl] .select::after{transform:rotate(-45deg)}
.input--file{padding:10px;border-style:dashed;background:var(--canvas);cursor:pointer}
.input--file::file-selector-button{font:inherit;font-weight:600;margin-inline-end:12px;padding:6px 14px;border-radius:8px;border:1px solid var(--line-strong);background:var(--surface);color:var(--text);cursor:pointer}
.choices{display:flex;flex-direction:column;gap:8px}
.choice{display:flex;overflow-wrap:anywhere;align-items:flex-start;gap:12px;padding:12px 14px;border:1.5px solid var(--line);border-radius:var(--radius);background:var(--surface);cursor:pointer;line-height:1.5;transition:border-color .15s,background-color .15s}
.choice:hover{border-color:var(--line-strong)}
.choice:has(input:checked){border-color:var(--primary);background:var(--primary-soft)}
.choice:has(input:focus-visible){outline:2px solid var(--primary);outline-offset:2px}
.choice input{flex:none;width:20px;height:20px;margin:2px 0 0;accent-color:var(--primary);cursor:pointer}
.choice input:focus{outline:none}
.choice--consent{border-color:transparent;background:var(--canvas)}
.field--invalid .input,.field--invalid .choice{border-color:var(--danger)}
.field--invalid .choice--consent{background:var(--danger-soft)}
.field__error{display:flex;align-items:flex-start;gap:8px;margin:0;color:var(--danger);font-size:14px;font-weight:600;line-height:1.5}
.field__error-icon{flex:none;display:inline-flex;align-items:center;justify-content:center;width:18px;height:18px;margin-top:2px;border-radius:50%;background:var(--danger);color:#fff;font-size:12px;font-weight:700;line-height:1}
.summary{margin:8px 0 20px;padding:14px 16px;border:1px solid #fecdca;border-inline-start:4px solid var(--danger);border-radius:var(--radius);background:var(--danger-soft)}
.summary:focus{outline:2px solid #fda29b;outline-offset:2px}
.summary__title{margin:0 0 6px;font-size:16px;font-weight:700;color:var(--danger)}
.summary__list{margin:0;padding-inline-start:20px}
.summary__list li{margin:2px 0}
.summary a{color:var(--danger);font-weight:600;text-underline-offset:3px}
.form__actions{display:flex;flex-direction:column;margin-top:4px}
.button{display:inline-flex;align-items:center;justify-content:center;min-height:52px;padding:12px 32px;font:inherit;font-size:17px;font-weight:700;color:var(--on-primary);background:var(--primary);border:0;border-radius:var(--radius);cursor:pointer;transition:background-color .15s,transform .05s}
.button:hover{background:var(--primary-hover)}
.button:active{transform:translateY(1px)}
.button:focus-visible{outline:3px solid var(--primary);outline-offset:3px;box-shadow:inset 0 0 0 2px var(--on-primary)}
.challenge:empty{display:none}
.card--message .card__title{text-align:center}
.message{display:flex;flex-direction:column;align-items:center;text-align:center;padding:16px 0 8px}
.message__icon{display:flex;align-items:center;justify-content:center;width:64px;height:64px;border-radius:50%;background:var(--primary-soft);color:var(--primary);margin-bottom:14px}
.message--closed .message__icon{background:var(--canvas);color:var(--muted)}
.message__title{margin:0 0 6px;font-size:20px;font-weight:700}
.message__text{margin:0 0 8px;color:var(--muted);max-width:46ch;overflow-wrap:anywhere}
.footer{text-align:center;color:var(--muted);font-size:13px;margin-top:auto}
.embed .footer{font-size:12px;padding-bottom:2px}
.visually-hidden,.hp{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.hp{inset-inline-start:-10000px;top:auto}
@media (min-width:640px){
.page{padding:48px 24px 32px;gap:20px}
.card{padding:40px 44px 44px}
.card__title{font-size:28px}
.form__actions{flex-direction:row}
.button{min-width:160px}
.embed .card{padding:28px 28px 32px}
}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`;
}
