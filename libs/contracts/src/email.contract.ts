/** A mailbox's email setup as admins see it; the SMTP password never leaves the server. */
export interface MailboxEmailSettingsView {
  mailboxId: string;
  /** `<slug>@INBOUND_DOMAIN`: forward the company's support address here. */
  inboundAddress: string | null;
  /** Other addresses an admin attached; mail to them reaches this mailbox directly. */
  customAddresses: string[];
  smtp: {
    host: string | null;
    port: number | null;
    security: 'tls' | 'starttls' | 'none';
    user: string | null;
    passwordSet: boolean;
  };
  fromName: string | null;
  fromAddress: string | null;
  /** What sends this mailbox's replies now: its own server, the installation's, or nothing. */
  outgoing: 'mailbox' | 'global' | 'none';
  autoAck: { enabled: boolean; ar: string | null; en: string | null };
}

export interface BlockedSenderView {
  id: string;
  /** An address, or `@domain` for a whole domain. */
  pattern: string;
  createdAt: string;
}

export interface TestEmailResultView {
  sent: true;
  response: string;
}
