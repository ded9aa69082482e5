/**
 * Response headers the local gateway adds, mirroring the CloudFront response headers policy of the
 * web stack. Locally the SPA also talks to cognito-local on another loopback port, hence `connect-src`.
 */
export const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy':
    "default-src 'self'; connect-src 'self' http://127.0.0.1:*; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
};
