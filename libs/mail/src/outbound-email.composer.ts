import type { SendMailOptions } from 'nodemailer';
import type { Readable } from 'node:stream';
import { escapeHtml, type Language } from '@sanad/core';
import { brandedEmailHtml, type EmailBrand } from './branded-email.layout';
import type { DeliveryKind } from './entities/email-delivery.entity';
import type { OutgoingServer } from './mail-transport';
import { mailboxNameIn, type OutboundContext } from '@sanad/conversations';

/** What an outgoing email is made of: the message, its conversation, mailbox and author. */
export type SendContext = OutboundContext & { authorName: string | null };

const REPLY_SUBJECT = /^\s*(re|رد)\s*:/i;
const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** The email's language: the one recorded with the message, else Arabic if it has Arabic in it. */
export function emailLanguage(context: Pick<OutboundContext, 'language' | 'text'>): Language {
  return context.language ?? (ARABIC_LETTER.test(context.text) ? 'ar' : 'en');
}

export interface ComposeInput {
  context: SendContext;
  kind: DeliveryKind;
  recipients: string[];
  server: OutgoingServer;
  inboundAddress: string;
  thread: { references: string[]; inReplyTo: string | null };
  files: Array<{ fileName: string; contentType: string; contentId: string | null; data: Readable }>;
  /** The workspace's brand: the HTML part wears it. */
  brand: EmailBrand;
}

/**
 * The email a reply becomes: From shows the agent and the mailbox, Reply-To brings answers back
 * to the mailbox, Message-ID/In-Reply-To/References keep the customer's thread, text and HTML
 * parts carry the mailbox signature, the HTML part wears the workspace's brand, and automatic
 * messages say so (RFC 3834) so nobody answers them automatically.
 */
export function composeEmail(input: ComposeInput): SendMailOptions {
  const { context, server } = input;
  // A system mailbox under its default name is named in the email's language (Inbox in English).
  const senderName =
    server.from.name ??
    mailboxNameIn({ kind: context.mailboxKind, name: context.mailboxName }, emailLanguage(context));
  const displayName =
    input.kind === 'reply' && context.authorName
      ? `${context.authorName} (${senderName})`
      : senderName;
  const signature = input.kind === 'reply' ? (context.signature ?? '').trim() : '';
  const body = emailChoicesOf(context.data)?.text ?? context.text;
  const text = signature ? `${body}\n\n-- \n${signature}` : body;
  return {
    from: { name: displayName, address: server.from.address },
    to: input.recipients,
    ...(input.inboundAddress !== server.from.address ? { replyTo: input.inboundAddress } : {}),
    subject: REPLY_SUBJECT.test(context.subject) ? context.subject : `Re: ${context.subject}`,
    messageId: `<${context.emailMessageId}>`,
    ...(input.thread.inReplyTo ? { inReplyTo: `<${input.thread.inReplyTo}>` } : {}),
    ...(input.thread.references.length
      ? { references: input.thread.references.map((id) => `<${id}>`) }
      : {}),
    text,
    html: brandedEmailHtml(
      choicesHtml(context.data) ?? toHtml(context.text, signature),
      input.brand,
    ),
    headers:
      input.kind === 'auto_ack'
        ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' }
        : {},
    attachments: input.files.map((file) => ({
      filename: file.fileName,
      contentType: file.contentType,
      content: file.data,
      ...(file.contentId ? { cid: file.contentId } : {}),
    })),
    envelope: { from: server.from.address, to: input.recipients },
  };
}

/** The message as HTML: paragraphs with `dir="auto"` so Arabic and English each read right. */
function toHtml(text: string, signature: string): string {
  const paragraphs = (value: string): string =>
    value
      .split(/\n{2,}/)
      .map(
        (p) => `<p dir="auto" style="margin:0 0 1em">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`,
      )
      .join('');
  const sign = signature
    ? `<div dir="auto" style="color:#555;border-top:1px solid #ddd;padding-top:8px;margin-top:16px">${paragraphs(signature)}</div>`
    : '';
  return `${paragraphs(text)}${sign}`;
}

/**
 * An automatic message may carry one-click choices (the rating request's stars) in its data:
 * `emailChoices: { text, intro, options: [{ label, url, title }], outro }`. The links are the
 * customer's alone: the message's own text (what agents see in the thread) has none, the email's
 * text part is `text` (with the links) and its HTML part shows the choices as a row of buttons.
 */
export interface EmailChoices {
  text: string;
  intro: string;
  options: Array<{ label: string; url: string; title: string }>;
  outro: string;
}

function emailChoicesOf(data: Record<string, unknown> | undefined): EmailChoices | null {
  const choices = data?.emailChoices as EmailChoices | undefined;
  return choices && Array.isArray(choices.options) && choices.options.length > 0 ? choices : null;
}

function choicesHtml(data: Record<string, unknown> | undefined): string | null {
  const choices = emailChoicesOf(data);
  if (!choices) return null;
  const safe = choices.options.filter((o) => /^https?:\/\//i.test(o.url));
  const cells = safe
    .map(
      (o) =>
        `<td align="center" style="padding:4px"><a href="${escapeHtml(o.url)}" title="${escapeHtml(o.title)}" style="display:inline-block;min-width:44px;padding:10px 6px;border:1px solid #d5d9e0;border-radius:8px;background:#ffffff;color:#b45309;font-size:20px;line-height:1.2;text-decoration:none;font-family:Tahoma,Arial,sans-serif">${escapeHtml(o.label)}</a></td>`,
    )
    .join('');
  const p = (text: string) =>
    text
      ? `<p dir="auto" style="margin:0 0 1em">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`
      : '';
  return `${p(choices.intro)}<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px"><tr>${cells}</tr></table>${p(choices.outro)}`;
}
