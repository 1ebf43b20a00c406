export const DEFAULT_LANGUAGE = 'ar';
export const DEFAULT_TIME_ZONE = 'Asia/Riyadh';
/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'sanad_session';
/** Name of the readable CSRF cookie; its value goes back in the CSRF header on writes. */
export const CSRF_COOKIE = 'sanad_csrf';
export const CSRF_HEADER = 'x-csrf-token';
