"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Input } from "@/components/ui/input";

/** Quiet this long after the last key before the catalog is asked: one request per pause, not per letter. */
const DEBOUNCE_MS = 300;

/**
 * The catalog's search field, searching as the person types: the query goes into the URL
 * (replacing, not pushing, so Back leaves the page instead of undoing letters), which
 * re-renders the list on the server. Inside the page's form, so Enter and no-JS still work.
 */
export function SearchBox({ defaultValue }: { defaultValue?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [value, setValue] = useState(defaultValue ?? "");
  const [, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  // The URL changed without this field ("Clear all", Back): show its query, unless the person is typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(defaultValue ?? "");
  }, [defaultValue]);

  const search = (q: string) => {
    const next = new URLSearchParams(params.toString());
    if (q.trim()) next.set("q", q.trim());
    else next.delete("q");
    next.delete("page"); // a new search starts on its first page
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  return (
    <Input
      ref={input}
      id="q"
      name="q"
      type="search"
      value={value}
      autoComplete="off"
      placeholder="Name, slug, description or tag"
      onChange={(e) => {
        const q = e.target.value;
        setValue(q);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => search(q), DEBOUNCE_MS);
      }}
    />
  );
}
