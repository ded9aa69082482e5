/** Checks a form makes before it sends, so the reader hears about a typo without a round trip. */
export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
/** The pool's password policy (cdk/definitions/identity.ts): 10+ characters, a lower-case letter and a digit. */
export const isStrongPassword = (value: string) => value.length >= 10 && /[a-zæøå]/.test(value) && /\d/.test(value);
