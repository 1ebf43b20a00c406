/** Domain events of this lib, written to the outbox and broadcast to the workspace's agents. */
export const MEMBER_UPDATED = 'member.updated';
export const MEMBER_INVITED = 'member.invited';
export const MEMBER_JOINED = 'member.joined';
