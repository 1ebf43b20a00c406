/** The `webhook-id` of a message: stable across attempts, redeliveries and replays. */
export function webhookIdOf(messageId: string): string {
  return `msg_${messageId.replace(/-/g, '')}`;
}

/** The message id a `webhook-id` names, or null when it is not one. */
export function messageIdOf(webhookId: string): string | null {
  const hex = /^msg_([0-9a-f]{32})$/i.exec(webhookId.trim())?.[1]?.toLowerCase();
  return hex
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    : null;
}
