"use client";

import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

/** Facets beside the list on wide screens; behind a button on phones, so the list comes first. */
export function FiltersPanel({ children, active }: { children: ReactNode; active: number }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="mb-3 lg:hidden"
        aria-expanded={open}
        aria-controls="catalog-filters"
        onClick={() => setOpen(!open)}
      >
        <Icon name="i-sliders-horizontal" /> Filters{active ? ` (${active})` : ""}
      </Button>
      <aside
        id="catalog-filters"
        aria-label="Filters"
        className={`${open ? "grid" : "hidden"} gap-5 lg:grid`}
      >
        {children}
      </aside>
    </div>
  );
}
