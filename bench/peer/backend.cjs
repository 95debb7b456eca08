/**
 * The peer for `npm run bench -- --peer`: Backstage's catalog backend and nothing else, as
 * Backstage's own docs assemble a backend. The harness (bench/peer/backstage.ts) writes the
 * app-config (PostgreSQL database, file locations, unauthenticated reads) and starts this
 * file with `node backend.cjs --config <file>`.
 */
const { createBackend } = require("@backstage/backend-defaults");

const backend = createBackend();
backend.add(require("@backstage/plugin-catalog-backend").default);
backend.start();
