/** Credentials the e2e server is started with and the tests log in with. */
export const E2E_ADMIN_PASSWORD = "e2e-admin-password-0123";
export const E2E_ADMIN_API_TOKEN = "e2e-admin-api-token-0123456789";
/** The simulators' port: the one after the app's, so a spec can reach their control API. */
export const e2eSimulatorUrl = () => `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3005) + 1}`;
export const E2E_SESSION_SECRET = "e2e-session-secret-that-is-long-enough-0123456789";
