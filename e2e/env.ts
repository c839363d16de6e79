/** Credentials the e2e server is started with and the tests log in with. */
export const E2E_ADMIN_PASSWORD = "e2e-admin-password-0123";
export const E2E_ADMIN_API_TOKEN = "e2e-admin-api-token-0123456789";
export const E2E_SESSION_SECRET = "e2e-session-secret-that-is-long-enough-0123456789";
