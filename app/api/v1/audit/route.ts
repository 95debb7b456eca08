import { getDb } from "@/db/client";
import { parseAuditFilter } from "@/lib/admin/audit-filter";
import { listAudit } from "@/lib/admin/queries";
import { parsePaging } from "@/lib/api/paging";
import { readResponse } from "@/lib/api/rest";

export async function GET(request: Request) {
  return readResponse(request, "audit.read", async () => {
    const params = new URL(request.url).searchParams;
    const paging = parsePaging(params);
    const { items, total } = await listAudit(
      getDb(),
      parseAuditFilter((k) => params.get(k) ?? undefined),
      paging,
    );
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  });
}
