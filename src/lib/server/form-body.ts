// Moved to http/form-body.ts (HTTP adapter code). Kept only until hooks.server.ts, which
// another branch rewrites, imports './lib/server/http/form-body' itself.
export { tolerantFormData } from './http/form-body';
