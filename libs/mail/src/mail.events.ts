/** Written with every stored inbound message; the inbound processor consumes it. */
export const EMAIL_RECEIVED = 'email.received';
