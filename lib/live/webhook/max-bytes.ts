// The largest webhook delivery the app reads. Framework-free, so the app's server (server.ts)
// can cap the body where its bytes arrive, as well as the handler refusing it (handler.ts).
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
