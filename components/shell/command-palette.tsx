"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Icon } from "@/components/ui/icon";
import type { Permission } from "@/lib/auth/permissions";
import { paletteSearchAction } from "@/lib/palette/actions";
import { MORE_PAGES, NAV, type NavItem } from "./nav-items";

const itemClass =
  "flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm aria-selected:bg-accent aria-selected:text-accent-foreground [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground [&_.icon]:text-muted-foreground";
const groupClass =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:tracking-wider [&_[cmdk-group-heading]]:text-muted-foreground";

/** Typed text settles for this long before the server is asked, so a word is one request. */
const DEBOUNCE_MS = 150;

function useDebounced(value: string) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

const matches = (item: NavItem & { keywords?: string }, q: string) =>
  !q || `${item.label} ${item.keywords ?? ""} ${item.href}`.toLowerCase().includes(q.toLowerCase());

/**
 * ⌘K / Ctrl-K on every page: jump to any page of the navigation, or to a service or team
 * (and, as later domains add their sources, SLOs, incidents, changes and people) by name or
 * slug. Pages are matched here; everything else is found by the server behind the read gate.
 */
export function CommandPalette({ allowed }: { allowed: Permission[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  // Known only in the browser; the server renders "Ctrl" and a Mac corrects it after hydration.
  const [modifier, setModifier] = useState("Ctrl");
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.userAgent)) setModifier("⌘");
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const found = useQuery({
    queryKey: ["palette", q],
    queryFn: () => paletteSearchAction(q),
    enabled: open && q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const pages = useMemo(() => {
    const mayOpen = (i: NavItem) => !i.permission || allowed.includes(i.permission);
    const all = [...NAV.flatMap((g) => g.items), ...MORE_PAGES].filter(mayOpen);
    return all.filter((i) => matches(i, text.trim())).slice(0, text.trim() ? 6 : all.length);
  }, [allowed, text]);

  const go = (href: string) => {
    setOpen(false);
    setText("");
    router.push(href);
  };

  const groups = q && found.data ? found.data : [];
  // The first result is the one Enter opens: when results change, the highlight moves to it
  // rather than staying on an entry of the previous answer.
  const first = groups[0]?.items[0]?.id ?? (pages[0] ? `page:${pages[0].href}` : "");
  const [selected, setSelected] = useState("");
  useEffect(() => setSelected(first), [first]);
  const searching = found.isFetching || (text.trim() !== q && text.trim().length > 0);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button
          type="button"
          className="flex h-9 w-full max-w-xs items-center gap-2 rounded-md border bg-background px-3 text-sm text-muted-foreground hover:bg-accent"
          data-testid="palette-trigger"
        >
          <Icon name="i-search" />
          <span className="min-w-0 flex-1 truncate text-left">Search or jump to…</span>
          <kbd className="hidden rounded border bg-muted px-1.5 font-sans text-[11px] sm:inline">
            {modifier} K
          </kbd>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className="fixed top-[12vh] left-1/2 z-50 w-[min(36rem,calc(100vw-1.5rem))] -translate-x-1/2 overflow-hidden rounded-lg border bg-card shadow-2xl"
          aria-describedby={undefined}
        >
          <Dialog.Title className="sr-only">Search or jump to</Dialog.Title>
          <Command
            shouldFilter={false}
            loop
            label="Search or jump to"
            value={selected}
            onValueChange={setSelected}
          >
            <div className="flex items-center gap-2 border-b px-3">
              <Icon name="i-search" className="text-muted-foreground" />
              <Command.Input
                value={text}
                onValueChange={setText}
                placeholder="Services, teams, pages…"
                className="h-12 flex-1 bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              />
              {searching ? (
                <LoaderCircle className="size-4 animate-spin text-muted-foreground" aria-label="Searching" />
              ) : null}
            </div>
            <Command.List className="max-h-[60vh] overflow-y-auto p-1.5">
              {!searching && q && !groups.length && !pages.length ? (
                <Command.Empty className="px-3 py-6 text-center text-sm text-muted-foreground">
                  Nothing found for “{q}”.
                </Command.Empty>
              ) : null}
              {groups.map((g) => (
                <Command.Group key={g.group} heading={g.group} className={groupClass}>
                  {g.items.map((item) => (
                    <Command.Item
                      key={item.id}
                      value={item.id}
                      onSelect={() => go(item.href)}
                      className={itemClass}
                    >
                      <span className="min-w-0 flex-1 truncate">{item.label}</span>
                      {item.hint ? (
                        <span className="shrink-0 text-xs text-muted-foreground">{item.hint}</span>
                      ) : null}
                    </Command.Item>
                  ))}
                </Command.Group>
              ))}
              {pages.length ? (
                <Command.Group heading="Pages" className={groupClass}>
                  {pages.map((p) => (
                    <Command.Item
                      key={p.href}
                      value={`page:${p.href}`}
                      onSelect={() => go(p.href)}
                      className={itemClass}
                    >
                      <Icon name={p.icon} />
                      <span className="flex-1">{p.label}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
            </Command.List>
            <div className="flex items-center gap-3 border-t px-3 py-2 text-xs text-muted-foreground">
              <span className="inline-flex items-center gap-1">
                <Icon name="i-corner-down-left" className="size-3" /> to open
              </span>
              <span>↑↓ to move</span>
              <span>Esc to close</span>
            </div>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
