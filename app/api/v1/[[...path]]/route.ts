import { api } from "@/lib/api/router";

/*
 * Every /api/v1 request, under `next dev` and `next start`: the one router (lib/api/router.ts)
 * answers. The production server (scripts/server.mjs) hands these requests to the same
 * router before Next's own, so this file only serves the other two.
 */
const handle = (request: Request) => api().fetch(request);

export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as PATCH,
  handle as POST,
  handle as PUT,
};
