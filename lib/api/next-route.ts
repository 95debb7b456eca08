import { api } from "./router";

/*
 * The router as Next route handlers, for `next dev` and `next start` (the production server,
 * scripts/server.mjs, hands these requests to the router before Next's own). Both catch-all
 * files — /api/v1 and /api/docs — export these.
 */
const handle = (request: Request) => {
  // Next compresses route answers itself here; the router compressing too gave gzip twice.
  const plain = new Request(request);
  plain.headers.delete("accept-encoding");
  return api().fetch(plain);
};

export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as PATCH,
  handle as POST,
  handle as PUT,
};
