"use client";

import { useState } from "react";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";

type Row = { key: number; label: string; url: string };

/**
 * Supporting links (dashboards, chat threads, tickets, the status page) as rows of label and
 * URL. With no rows left an empty pair is still sent, so removing the last link saves as
 * "no links" rather than "links unchanged".
 */
export function PostmortemLinksField({
  defaultValue,
  errors,
}: {
  defaultValue: { label: string; url: string }[];
  errors: Record<string, string>;
}) {
  const [rows, setRows] = useState<Row[]>(() => defaultValue.map((l, key) => ({ key, ...l })));
  const [next, setNext] = useState(defaultValue.length);
  const add = () => {
    setRows((r) => [...r, { key: next, label: "", url: "" }]);
    setNext((n) => n + 1);
  };
  // The server numbers the rows it kept: blank rows are left out before validation.
  let kept = -1;
  return (
    <fieldset className="grid gap-2" data-testid="postmortem-links">
      <legend className="mb-1.5 text-sm font-medium">Supporting links</legend>
      {rows.length === 0 ? (
        <>
          <input type="hidden" name="linkLabel" value="" />
          <input type="hidden" name="linkUrl" value="" />
          <p className="text-xs text-muted-foreground">
            Dashboards, chat threads, tickets, the status page: what a reader may want to open.
          </p>
        </>
      ) : null}
      {rows.map((row, i) => {
        const blank = !row.label.trim() && !row.url.trim();
        if (!blank) kept += 1;
        const err = blank ? undefined : (errors[`links.${kept}.label`] ?? errors[`links.${kept}.url`]);
        return (
          <div key={row.key} className="grid gap-1">
            <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2 sm:grid-cols-[14rem_minmax(0,1fr)_auto]">
              <Input
                name="linkLabel"
                aria-label={`Link ${i + 1} label`}
                placeholder="Label, e.g. Error-rate dashboard"
                value={row.label}
                maxLength={200}
                onChange={(e) =>
                  setRows((r) => r.map((x) => (x.key === row.key ? { ...x, label: e.target.value } : x)))
                }
                aria-invalid={err ? true : undefined}
              />
              <Input
                name="linkUrl"
                type="url"
                aria-label={`Link ${i + 1} URL`}
                placeholder="https://…"
                value={row.url}
                className="max-sm:order-last max-sm:col-span-2"
                onChange={(e) =>
                  setRows((r) => r.map((x) => (x.key === row.key ? { ...x, url: e.target.value } : x)))
                }
                aria-invalid={err ? true : undefined}
              />
              <button
                type="button"
                className="btn btn-ghost btn-icon"
                aria-label={`Remove link ${i + 1}`}
                title="Remove this link"
                onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}
              >
                <Icon name="i-x" />
              </button>
            </div>
            {err ? <p className="text-xs font-medium text-destructive">{err}</p> : null}
          </div>
        );
      })}
      {errors.links ? <p className="text-xs font-medium text-destructive">{errors.links}</p> : null}
      <div>
        <button type="button" className="btn btn-sm btn-outline" onClick={add} data-testid="add-link">
          <Icon name="i-plus" /> Add a link
        </button>
      </div>
    </fieldset>
  );
}
