/** Written with every stored inbound message; the inbound processor consumes it. */
export const EMAIL_RECEIVED = 'email.received';
/** Written when a reply is queued for email (again); its consumer puts the send job on the queue. */
export const EMAIL_QUEUED = 'email.queued';
