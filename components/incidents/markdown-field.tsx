"use client";

import { type KeyboardEvent, useDeferredValue, useMemo, useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { type BlamelessHint, blamelessHints } from "@/lib/incidents/blameless";
import { cn } from "@/lib/utils";
import { BlamelessHintList } from "./blameless-hint-list";
import { MarkdownView } from "./markdown-view";

export type MarkdownFieldProps = {
  name: string;
  label: string;
  defaultValue?: string;
  help?: string;
  /** The postmortem section ("rootCauses" also flags people's names). */
  section?: string;
  people?: string[];
  error?: string;
  rows?: number;
  onChange?: (value: string) => void;
};

type Tab = "write" | "preview";
const TABS: { tab: Tab; label: string }[] = [
  { tab: "write", label: "Write" },
  { tab: "preview", label: "Preview" },
];

/**
 * One postmortem section in Markdown: the text beside its preview from 1024 px up, Write and
 * Preview tabs below that. The textarea stays mounted (only hidden) on the Preview tab, so
 * the form always submits it. Preview and wording hints follow a deferred copy of the text,
 * so typing stays immediate however long the section grows.
 */
export function MarkdownField({
  name,
  label,
  defaultValue = "",
  help,
  section,
  people,
  error,
  rows = 8,
  onChange,
}: MarkdownFieldProps) {
  const id = name;
  const [value, setValue] = useState(defaultValue);
  const [tab, setTab] = useState<Tab>("write");
  const deferred = useDeferredValue(value);
  const hints = useMemo(() => blamelessHints(deferred, { section, people }), [deferred, section, people]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const hintsId = `${id}-hints`;

  /** Selects a hint's phrase in the text, unless the text has moved on since it was found. */
  const selectHint = (hint: BlamelessHint) => {
    const el = textarea.current;
    if (!el || el.value.slice(hint.index, hint.index + hint.match.length) !== hint.match) return;
    el.focus();
    el.setSelectionRange(hint.index, hint.index + hint.match.length);
  };

  // The tabs pattern of WAI-ARIA: arrow keys move between tabs, Tab moves into the panel.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
    e.preventDefault();
    const next: Tab =
      e.key === "Home" ? "write" : e.key === "End" ? "preview" : tab === "write" ? "preview" : "write";
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <Field id={id} label={label} hint={help} error={error}>
      {(p) => (
        <div className="grid gap-2">
          <div role="tablist" aria-label={`${label}: write or preview`} className="pm-tabs lg:hidden">
            {TABS.map((t) => (
              <button
                key={t.tab}
                ref={(el) => {
                  tabRefs.current[t.tab] = el;
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${t.tab}`}
                aria-selected={tab === t.tab}
                aria-controls={`${id}-panel-${t.tab}`}
                tabIndex={tab === t.tab ? 0 : -1}
                className="pm-tab"
                onClick={() => setTab(t.tab)}
                onKeyDown={onTabKey}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div className="grid items-stretch gap-3 lg:grid-cols-2">
            <div
              id={`${id}-panel-write`}
              role="tabpanel"
              aria-labelledby={`${id}-tab-write`}
              className={cn("grid min-w-0 content-start gap-2", tab !== "write" && "max-lg:hidden")}
            >
              <Textarea
                {...p}
                ref={textarea}
                name={name}
                rows={rows}
                value={value}
                aria-describedby={[p["aria-describedby"], hintsId].filter(Boolean).join(" ")}
                className="resize-y leading-relaxed"
                onChange={(e) => {
                  setValue(e.target.value);
                  onChange?.(e.target.value);
                }}
              />
              <BlamelessHintList id={hintsId} hints={hints} onSelect={selectHint} />
            </div>
            <div
              id={`${id}-panel-preview`}
              role="tabpanel"
              aria-labelledby={`${id}-tab-preview`}
              className={cn("flex min-w-0 flex-col gap-1", tab !== "preview" && "max-lg:hidden")}
            >
              <p className="pm-preview-label" aria-hidden>
                Preview
              </p>
              <div className="pm-preview" data-testid={`${id}-preview`}>
                {deferred.trim() ? (
                  <MarkdownView source={deferred} />
                ) : (
                  <p className="text-sm text-muted-foreground">Nothing to preview yet.</p>
                )}
              </div>
            </div>
          </div>
        </div>
      )}
    </Field>
  );
}
