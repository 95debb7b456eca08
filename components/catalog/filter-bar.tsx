"use client";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import Link from "@/components/ui/link";
import { withParam } from "@/lib/catalog/query-href";
import { SearchBox } from "./search-box";

/** The on/off filters, each a `1` under its URL parameter. */
const TOGGLES = [
  { param: "mine", label: "Owned by my teams" },
  { param: "stale", label: "Stale (not verified in 90 days)" },
  { param: "archived", label: "Archived" },
  { param: "unowned", label: "Unowned" },
  { param: "frozen", label: "In budget freeze" },
] as const;

const SORTS = [
  ["tier", "Tier"],
  ["level", "Readiness"],
  ["updated", "Recently changed"],
  ["verified", "Least recently verified"],
] as const;

/**
 * The catalog's search, sort and on/off filters. Links and hidden fields are built here
 * from the current query string, so the page sends the query once rather than every link.
 * A plain GET form underneath: Enter and no-JS still search.
 */
export function FilterBar({ query, belowLabel }: { query: string; belowLabel?: string }) {
  const params = new URLSearchParams(query);
  const q = params.get("q") ?? undefined;
  const filtered = [...params.keys()].some((k) => k !== "sort" && k !== "cols");
  return (
    <>
      <form className="mb-4 flex flex-wrap items-end gap-2">
        {[...params].map(([k, v]) =>
          k !== "q" && k !== "sort" ? <input key={k} type="hidden" name={k} value={v} /> : null,
        )}
        <div className="grid min-w-56 flex-1 gap-1">
          <label htmlFor="q" className="text-xs font-medium text-muted-foreground">
            Search
          </label>
          <SearchBox defaultValue={q} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="sort" className="text-xs font-medium text-muted-foreground">
            Sort by
          </label>
          <Select id="sort" name="sort" defaultValue={params.get("sort") ?? "name"}>
            <option value="name">{q ? "Relevance" : "Name"}</option>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>
      <div className="mb-4 flex flex-wrap gap-2 text-sm">
        {TOGGLES.map(({ param, label }) => {
          const on = params.has(param);
          return (
            <Link
              key={param}
              href={withParam(query, param, on ? undefined : "1")}
              className="toggle"
              aria-current={on ? "true" : undefined}
              data-testid={`toggle-${param}`}
            >
              {label}
            </Link>
          );
        })}
        {belowLabel ? (
          // Set by the home page's and scorecards' links; shown so it can be seen and cleared.
          <Link href={withParam(query, "below", undefined)} className="toggle" aria-current="true">
            Below {belowLabel} ✕<span className="sr-only"> (remove this filter)</span>
          </Link>
        ) : null}
        {filtered ? (
          <Link href="/services" className="px-2 py-1 text-primary underline">
            Clear all
          </Link>
        ) : null}
      </div>
    </>
  );
}
