/** Event names, shared by the outbox, sockets and (later) webhooks. */
export const CONVERSATION_CREATED = 'conversation.created';
export const CONVERSATION_UPDATED = 'conversation.updated';
export const MESSAGE_CREATED = 'message.created';
/** A message changed after it was written (its delivery state). */
export const MESSAGE_UPDATED = 'message.updated';
export const CONVERSATION_MERGED = 'conversation.merged';
export const MENTION_CREATED = 'mention.created';
