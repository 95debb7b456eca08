import { asRoute } from "@/lib/api/rest";
import { serviceFacetsReply } from "@/lib/api/service-reads";

export const GET = asRoute(serviceFacetsReply);
