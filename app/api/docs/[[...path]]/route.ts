/** The API reference at /api/docs under `next dev` and `next start`, served by the same router. */
export { GET, HEAD } from "@/lib/api/next-route";
