import { api } from "@/lib/api/router";

/*
 * Every /api/v1 request, under `next dev` and `next start`: the one router (lib/api/router.ts)
 * answers. The production server (scripts/server.mjs) hands these requests to the same
 * router before Next's own, so this file only serves the other two.
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
