export const SESSION_STRATEGY = 'sanad-session';
export const TOKEN_STRATEGY = 'sanad-token';
export const IS_PUBLIC = 'sanad:isPublic';
export const ROLES_KEY = 'sanad:roles';
