"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { CATALOG_COLUMNS, type CatalogColumn, COLUMN_LABELS } from "@/lib/catalog/columns";
import { setCatalogColumnsAction } from "@/lib/views/actions";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground";

/**
 * Which optional columns the catalog shows. A choice is saved for the person (so it holds on
 * every device) and takes over from columns a saved view or shared link put in the URL.
 */
export function ColumnChooser({ columns, canSave }: { columns: readonly CatalogColumn[]; canSave: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [shown, setShown] = useOptimistic(columns);
  const [, startTransition] = useTransition();

  const toggle = (column: CatalogColumn, on: boolean) => {
    const next = CATALOG_COLUMNS.filter((c) => (c === column ? on : shown.includes(c)));
    const urlWithout = new URLSearchParams(params);
    urlWithout.set("cols", next.join(","));
    startTransition(async () => {
      setShown(next);
      if (!canSave) {
        router.replace(`${pathname}?${urlWithout}`, { scroll: false });
        return;
      }
      const form = new FormData();
      for (const c of next) form.append("columns[]", c);
      const result = await setCatalogColumnsAction({}, form);
      if (result.ok === false) {
        toast.error(result.error ?? "The columns could not be saved.");
        return;
      }
      urlWithout.delete("cols");
      const query = urlWithout.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  };

  return (
    <Menu.Root>
      <Menu.Trigger asChild>
        <Button variant="outline" size="sm" data-testid="column-chooser">
          <Icon name="i-columns-3" /> Columns
        </Button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-48 rounded-md border bg-card p-1 shadow-md"
        >
          <Menu.Label className="px-2 py-1.5 text-xs text-muted-foreground">Show columns</Menu.Label>
          {CATALOG_COLUMNS.map((c) => (
            <Menu.CheckboxItem
              key={c}
              className={itemClass}
              checked={shown.includes(c)}
              onCheckedChange={(on) => toggle(c, on === true)}
              // Keep the menu open: people usually change more than one column.
              onSelect={(e) => e.preventDefault()}
            >
              <span className="grid size-4 place-items-center">
                <Menu.ItemIndicator>
                  <Icon name="i-check" className="size-4" />
                </Menu.ItemIndicator>
              </span>
              {COLUMN_LABELS[c]}
            </Menu.CheckboxItem>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
