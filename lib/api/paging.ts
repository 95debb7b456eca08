export const MAX_PAGE_SIZE = 200;

/** `page` is 1-based; out-of-range values are clamped rather than rejected. */
export function parsePaging(params: URLSearchParams, defaultSize = 50) {
  const page = clampInt(params.get("page"), 1, 1, 1_000_000);
  const pageSize = clampInt(params.get("pageSize"), defaultSize, 1, MAX_PAGE_SIZE);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

function clampInt(raw: string | null, fallback: number, min: number, max: number) {
  const n = raw === null ? Number.NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
