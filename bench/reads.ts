/**
 * The catalog reads the benchmark times, each as Pharos asks it and as Backstage's catalog
 * backend answers the same question, with what each answer must contain. Targets are the
 * issue's ratios Backstage ÷ Pharos at the median.
 */
import type { Read, Side } from "./compare";
import { SEARCH_TERMS } from "./generate-catalog";

export type ReadContext = {
  components: number;
  groups: number;
  /** Component names (= Pharos slugs) in generation order. */
  slugs: string[];
  token: string;
  /** An untimed write through Pharos's API that moves its catalog version (its caches start over). */
  pharosWrite: (i: number) => Promise<void>;
  /** Timed samples per server and client for the cheap reads. */
  requests: number;
};

const status200 = (status: number, body: string) =>
  status === 200 ? null : `status ${status}: ${body.slice(0, 200)}`;

function json<T>(check: (body: T, path: string) => string | null) {
  return (status: number, body: string, path: string) =>
    status200(status, body) ?? check(JSON.parse(body) as T, path);
}

type PharosPage = { total: number; items: { slug: string }[] };
type BackstagePage = { totalItems: number; items: { metadata: { name: string } }[] };
type Facets = Record<string, { value: string; count: number }[]>;
type BackstageFacets = { facets: Record<string, { value: string; count: number }[]> };

const lifecycleTotal = (counts: { count: number }[] | undefined) =>
  (counts ?? []).reduce((s, c) => s + c.count, 0);

export function catalogReads(ctx: ReadContext): Read[] {
  const bearer = { authorization: `Bearer ${ctx.token}` };
  // A stride through the catalog rather than neighbours, so no page of an index stays hot.
  const slugAt = (i: number) => ctx.slugs[(i * 7919) % ctx.slugs.length];
  const term = (i: number) => SEARCH_TERMS[i % SEARCH_TERMS.length];
  const pages = Math.max(1, Math.min(5, Math.floor(ctx.components / 200)));
  const batch = 20;
  const rounds = Math.max(1, Math.ceil(ctx.requests / batch));
  const cheap = { rounds, batch, warmup: 20 };
  const componentsOnly = "filter=kind=component";

  // Pages 1…n in turn; each answer must hold its page's items and the whole total.
  const expected = (size: number, p: number) => Math.max(0, Math.min(size, ctx.components - p * size));
  const pageRead = (size: number, turn: number): Pick<Read, "pharos" | "backstage"> => ({
    pharos: {
      path: (i) => `/api/v1/services?${turn > 1 ? `page=${1 + (i % turn)}&` : ""}pageSize=${size}`,
      headers: bearer,
      check: json<PharosPage>((b, p) => {
        const want = expected(size, Number(new URL(p, "http://x").searchParams.get("page") ?? 1) - 1);
        if (b.total !== ctx.components) return `total is ${b.total}, expected ${ctx.components}`;
        return b.items.length === want ? null : `${b.items.length} items, expected ${want}`;
      }),
    },
    backstage: {
      path: (i) =>
        `/api/catalog/entities/by-query?${componentsOnly}&limit=${size}${turn > 1 ? `&offset=${(i % turn) * size}` : ""}`,
      check: json<BackstagePage>((b, p) => {
        const want = expected(size, Number(new URL(p, "http://x").searchParams.get("offset") ?? 0) / size);
        if (b.totalItems !== ctx.components)
          return `totalItems is ${b.totalItems}, expected ${ctx.components}`;
        return b.items.length === want ? null : `${b.items.length} items, expected ${want}`;
      }),
    },
  });

  const facetPharos = (before?: Side["before"]): Side => ({
    path: () => "/api/v1/services/facets?facet=lifecycle",
    headers: bearer,
    before,
    check: json<Facets>((b) =>
      lifecycleTotal(b.lifecycle) === ctx.components
        ? null
        : `lifecycle counts sum to ${lifecycleTotal(b.lifecycle)}`,
    ),
  });
  const facetBackstage: Side = {
    path: () => `/api/catalog/entity-facets?facet=spec.lifecycle&${componentsOnly}`,
    check: json<BackstageFacets>((b) => {
      const n = lifecycleTotal(b.facets["spec.lifecycle"]);
      return n === ctx.components ? null : `lifecycle counts sum to ${n}`;
    }),
  };

  const wholePharos = (before?: Side["before"]): Side => ({
    path: () => "/api/v1/catalog-info.yaml",
    headers: bearer,
    before,
    check: (status, body) => {
      if (status !== 200) return `status ${status}: ${body.slice(0, 200)}`;
      const n = body.split("\nkind: Component\n").length - 1;
      return n === ctx.components ? null : `${n} components`;
    },
  });
  const wholeBackstage: Side = {
    path: () => "/api/catalog/entities",
    check: json<{ kind: string }[]>((b) => {
      const n = b.filter((e) => e.kind === "Component").length;
      return n === ctx.components ? null : `${n} components`;
    }),
  };

  return [
    {
      id: "first-page",
      label: "First page of 20",
      target: 2,
      ...cheap,
      ...pageRead(20, 1),
    },
    {
      id: "search",
      label: `Search (${SEARCH_TERMS.length} terms in turn)`,
      target: 5,
      ...cheap,
      pharos: {
        path: (i) => `/api/v1/services?q=${encodeURIComponent(term(i))}&pageSize=20`,
        headers: bearer,
        check: json<PharosPage>((b) => (b.total > 0 ? null : "no hits")),
      },
      // As Backstage's catalog table sends its search box: the text filter's fields, by name.
      backstage: {
        path: (i) =>
          `/api/catalog/entities/by-query?${componentsOnly}&limit=20&orderField=metadata.name,asc` +
          `&fullTextFilterTerm=${encodeURIComponent(term(i))}` +
          "&fullTextFilterFields=metadata.name,metadata.title,spec.profile.displayName",
        check: json<BackstagePage>((b) => (b.totalItems > 0 ? null : "no hits")),
      },
    },
    {
      id: "facet-cached",
      label: "Lifecycle facet (Pharos cached)",
      target: null,
      ...cheap,
      pharos: facetPharos(),
      backstage: facetBackstage,
    },
    {
      id: "facet-after-write",
      label: "Lifecycle facet right after a write",
      target: 2,
      rounds: Math.max(1, Math.ceil(ctx.requests / 2 / 10)),
      batch: 10,
      warmup: 5,
      pharos: facetPharos(ctx.pharosWrite),
      // Backstage keeps no facet cache, and a write reaches it only minutes later.
      backstage: facetBackstage,
    },
    {
      id: "entity",
      label: "One entity by name",
      target: 2,
      ...cheap,
      pharos: {
        path: (i) => `/api/v1/services/${slugAt(i)}`,
        headers: bearer,
        check: json<{ slug: string }>((b, p) => (b.slug === p.split("/").at(-1) ? null : `got ${b.slug}`)),
      },
      backstage: {
        path: (i) => `/api/catalog/entities/by-name/component/default/${slugAt(i)}`,
        check: json<{ metadata: { name: string } }>((b, p) =>
          b.metadata.name === p.split("/").at(-1) ? null : `got ${b.metadata.name}`,
        ),
      },
    },
    {
      id: "page-200",
      label: `A page of 200 (pages 1–${pages} in turn)`,
      target: 2,
      rounds: Math.max(1, Math.ceil(ctx.requests / 2 / 10)),
      batch: 10,
      warmup: 5,
      ...pageRead(200, pages),
    },
    {
      id: "whole-catalog",
      label: "Whole catalog (YAML export ↔ /entities)",
      target: 1,
      rounds: 5,
      batch: 2,
      warmup: 2,
      pharos: wholePharos(),
      backstage: wholeBackstage,
    },
    {
      id: "whole-catalog-after-write",
      label: "Whole catalog right after a write",
      target: 1,
      rounds: 5,
      batch: 2,
      warmup: 1,
      // Pharos keeps the last export until the catalog changes; after a write it reads afresh.
      pharos: wholePharos(ctx.pharosWrite),
      backstage: wholeBackstage,
    },
  ];
}
