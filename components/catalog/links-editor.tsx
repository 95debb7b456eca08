"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";

type Row = { key: number; title: string; url: string; kind: string };
type Errors = Record<string, string>;

let nextKey = 0;
const row = (r: Partial<Row> = {}): Row => ({ key: nextKey++, title: "", url: "", kind: "", ...r });

/** The stored value: JSON rows from this editor, or the older "Title | url | kind" lines. */
function parse(value: string): Row[] {
  if (!value.trim()) return [];
  try {
    const rows = JSON.parse(value) as Partial<Row>[];
    if (Array.isArray(rows))
      return rows.map((r) => row({ title: r.title ?? "", url: r.url ?? "", kind: r.kind ?? "" }));
  } catch {
    // lines, below
  }
  return value
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const [title = "", url = "", kind = ""] = l.split("|").map((p) => p.trim());
      return row({ title, url, kind });
    });
}

/**
 * A service's links as rows of title, URL and kind. What the form submits is one field,
 * `links`, holding the rows as JSON; errors come back per row (`links.2.url`) and are shown
 * beside that row's input.
 */
export function LinksEditor({ value, errors }: { value: string; errors: Errors }) {
  const [rows, setRows] = useState<Row[]>(() => parse(value));
  const set = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // Rows the person left empty are not links.
  const kept = rows.filter((r) => r.title.trim() || r.url.trim());
  const submitted = JSON.stringify(
    kept.map((r) => ({ title: r.title, url: r.url, ...(r.kind.trim() ? { kind: r.kind } : {}) })),
  );
  const listError = errors.links;
  return (
    <fieldset className="grid gap-2 sm:col-span-2" aria-describedby={listError ? "links-error" : undefined}>
      <legend className="text-sm font-medium">Links</legend>
      <p className="text-xs text-muted-foreground">Dashboards, docs and anything else responders look for.</p>
      <input type="hidden" name="links" value={submitted} />
      {rows.map((r) => {
        const at = kept.indexOf(r);
        const err = (f: string) => (at >= 0 ? errors[`links.${at}.${f}`] : undefined);
        const id = (f: string) => `link-${r.key}-${f}`;
        return (
          <div
            key={r.key}
            className="grid grid-cols-1 gap-2 rounded-md border p-2 sm:grid-cols-[1fr_2fr_8rem_auto]"
          >
            {(["title", "url", "kind"] as const).map((f) => (
              <div key={f} className="grid gap-1">
                <label htmlFor={id(f)} className="text-xs text-muted-foreground">
                  {f === "title" ? "Title" : f === "url" ? "URL" : "Kind"}
                </label>
                <Input
                  id={id(f)}
                  value={r[f]}
                  onChange={(e) => set(r.key, { [f]: e.target.value })}
                  type={f === "url" ? "url" : "text"}
                  placeholder={
                    f === "title"
                      ? "Latency dashboard"
                      : f === "url"
                        ? "https://grafana.example.com/d/…"
                        : "dashboard"
                  }
                  aria-invalid={err(f) ? true : undefined}
                  aria-describedby={err(f) ? `${id(f)}-error` : undefined}
                />
                {err(f) ? (
                  <p
                    id={`${id(f)}-error`}
                    className="text-xs font-medium text-destructive"
                    data-testid={`error-links-${at}-${f}`}
                  >
                    {err(f)}
                  </p>
                ) : null}
              </div>
            ))}
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="self-end"
              aria-label={`Remove the link ${r.title || r.url || "row"}`}
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
            >
              <Icon name="i-x" />
            </Button>
          </div>
        );
      })}
      <div>
        <Button type="button" variant="outline" size="sm" onClick={() => setRows((rs) => [...rs, row()])}>
          <Icon name="i-plus" /> Add a link
        </Button>
      </div>
      {listError ? (
        <p id="links-error" className="text-xs font-medium text-destructive" data-testid="error-links">
          {listError}
        </p>
      ) : null}
    </fieldset>
  );
}
