import type { FormField, SubmissionAnswer } from '@sanad/contracts';
import { CONTENT, textIn } from './form-draft';

/**
 * What the share panel hands an integrator: the hosted link, the embed tag, an HTML form and a
 * JSON call, all built from the live version's fields so they can be pasted as they are.
 */

export function hostedLink(origin: string, key: string): string {
  return `${origin}/f/${key}`;
}

export function embedSnippet(origin: string, key: string, fields: readonly FormField[]): string {
  const hidden = fields
    .filter((f) => f.type === 'hidden')
    .map((f) => ` data-hidden-${f.key}="${escapeAttr(exampleText(f))}"`)
    .join('');
  return `<script src="${origin}/public/forms/embed.js" data-sanad-form="${key}"${hidden} async></script>`;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const INPUT_TYPES: Partial<Record<FormField['type'], string>> = {
  short_text: 'text',
  number: 'number',
  decimal: 'number',
  date: 'date',
  email: 'email',
  phone: 'tel',
  url: 'url',
  file: 'file',
  hidden: 'hidden',
};

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One input per field, named by its key, each in a label in the form's language `lang`;
 * `_sanad_t` is the minimum-fill-time token.
 */
export function htmlSnippet(
  origin: string,
  key: string,
  fields: readonly FormField[],
  lang: 'ar' | 'en',
  submit: string,
): string {
  const dir = lang === 'ar' ? ' dir="rtl"' : '';
  const lines = [
    `<form method="post" action="${origin}/public/forms/${key}/submit" enctype="multipart/form-data" lang="${lang}"${dir}>`,
    `  <!-- GET ${origin}/public/forms/${key}/token → _sanad_t (minimum fill time) -->`,
    `  <input type="hidden" name="_sanad_t" value="">`,
  ];
  for (const field of fields) {
    if (CONTENT.has(field.type)) continue;
    const required = field.required ? ' required' : '';
    const name = field.key;
    const label = escapeText(textIn(field.label, lang));
    const option = (o: FormField['options'][number]) => escapeText(textIn(o.label, lang));
    if (field.type === 'hidden') lines.push(`  <input type="hidden" name="${name}" value="">`);
    else if (field.type === 'long_text')
      lines.push(`  <label>${label} <textarea name="${name}"${required}></textarea></label>`);
    else if (field.type === 'select' || field.type === 'multi_select') {
      const multiple = field.type === 'multi_select' ? ' multiple' : '';
      lines.push(`  <label>${label}`, `    <select name="${name}"${multiple}${required}>`);
      for (const o of field.options)
        lines.push(`      <option value="${o.value}">${option(o)}</option>`);
      lines.push('    </select>', '  </label>');
    } else if (field.type === 'radio') {
      lines.push(`  <fieldset><legend>${label}</legend>`);
      for (const o of field.options)
        lines.push(
          `    <label><input type="radio" name="${name}" value="${o.value}"${required}> ${option(o)}</label>`,
        );
      lines.push('  </fieldset>');
    } else if (field.type === 'checkbox')
      lines.push(
        `  <label><input type="checkbox" name="${name}" value="true"${required}> ${label}</label>`,
      );
    else {
      const multiple = field.type === 'file' && (field.file?.maxFiles ?? 1) > 1 ? ' multiple' : '';
      const accept =
        field.type === 'file' && field.file?.accept.length
          ? ` accept="${field.file.accept.join(',')}"`
          : '';
      lines.push(
        `  <label>${label} <input type="${INPUT_TYPES[field.type] ?? 'text'}" name="${name}"${accept}${multiple}${required}></label>`,
      );
    }
  }
  lines.push(`  <button type="submit">${escapeText(submit)}</button>`, '</form>');
  return lines.join('\n');
}

function exampleText(field: FormField): string {
  return field.type === 'hidden' ? 'value' : 'text';
}

/** An answer of the right shape for each type (files go through the HTML endpoint). */
export function exampleValue(field: FormField): SubmissionAnswer | undefined {
  switch (field.type) {
    case 'number':
      return field.min !== null ? Number(field.min) : 1;
    case 'decimal':
      return field.min !== null ? Number(field.min) : 1.5;
    case 'date':
      return typeof field.min === 'string' ? field.min : '2026-01-31';
    case 'select':
    case 'radio':
      return field.options[0]?.value ?? '';
    case 'multi_select':
      return field.options.slice(0, 2).map((o) => o.value);
    case 'checkbox':
      return true;
    case 'email':
      return 'customer@example.com';
    case 'phone':
      return '+966500000000';
    case 'url':
      return 'https://example.com';
    case 'file':
    case 'heading':
    case 'paragraph':
      return undefined;
    default:
      return exampleText(field);
  }
}

export function jsonExample(fields: readonly FormField[]): Record<string, SubmissionAnswer> {
  const values: Record<string, SubmissionAnswer> = {};
  for (const field of fields) {
    const value = exampleValue(field);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

export function curlSnippet(origin: string, key: string, fields: readonly FormField[]): string {
  const body = JSON.stringify({ values: jsonExample(fields) }).replace(/'/g, "'\\''");
  return [
    `curl -X POST ${origin}/public/forms/${key}/submissions \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body}'`,
  ].join('\n');
}
