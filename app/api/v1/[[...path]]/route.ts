/** Every /api/v1 request under `next dev` and `next start`: the one router answers (lib/api/router.ts). */
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "@/lib/api/next-route";
