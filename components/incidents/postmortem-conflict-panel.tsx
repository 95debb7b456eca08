"use client";

import type { PostmortemSection } from "@/db/schema/incidents";

/** A postmortem's editable fields as text, the way the conflict panel compares them. */
export type PostmortemText = Partial<Record<PostmortemSection | "links" | "reviewers" | "dueOn", string>>;

export type ComparedPostmortem = Record<PostmortemSection, string> & {
  version: number;
  dueOn: string | null;
  links: { label: string; url: string }[];
  reviewers: { email: string }[];
};

const clean = (v: string) => v.replace(/\r\n/g, "\n").trim();

export function postmortemText(pm: ComparedPostmortem, sections: PostmortemSection[]): PostmortemText {
  return {
    ...Object.fromEntries(sections.map((s) => [s, clean(pm[s])])),
    links: pm.links.map((l) => `${l.label} ${l.url}`).join("\n"),
    reviewers: pm.reviewers.map((r) => r.email).join(", "),
    dueOn: pm.dueOn ?? "",
  };
}

/** What this person sent, in the same shape: the form's own fields, lists as the server reads them. */
export function sentText(fd: FormData, sections: PostmortemSection[]): PostmortemText {
  const all = (name: string) => fd.getAll(name).map((v) => String(v).trim());
  const labels = all("linkLabel");
  const urls = all("linkUrl");
  return {
    ...Object.fromEntries(sections.map((s) => [s, clean(String(fd.get(s) ?? ""))])),
    links: labels
      .map((label, i) => `${label} ${urls[i] ?? ""}`.trim())
      .filter(Boolean)
      .join("\n"),
    reviewers: String(fd.get("reviewers") ?? "")
      .split(/[\s,;]+/)
      .filter(Boolean)
      .join(", "),
    dueOn: String(fd.get("dueOn") ?? ""),
  };
}

const shorten = (v: string | undefined) => {
  if (!v) return "—";
  return v.length > 280 ? `${v.slice(0, 280)}…` : v;
};

/**
 * Someone saved the postmortem while this person was editing: their version beside this
 * edit, field by field where the two differ. Nothing is overwritten until the person
 * chooses to apply their edit on top.
 */
export function PostmortemConflictPanel({
  version,
  theirs,
  mine,
  labels,
  onRebase,
}: {
  version: number;
  theirs: PostmortemText;
  mine: PostmortemText;
  labels: Record<string, string>;
  onRebase: () => void;
}) {
  const differ = Object.keys(labels).filter((k) => (theirs[k as never] ?? "") !== (mine[k as never] ?? ""));
  return (
    <div
      className="rounded-md border border-at-risk/50 bg-at-risk/10 p-3 text-sm"
      data-testid="conflict-panel"
      role="alert"
    >
      <p className="font-medium">Version {version} was saved while you edited. Theirs beside yours:</p>
      <div className="mt-2 grid gap-2">
        {differ.map((key) => (
          <div key={key} className="grid gap-1 border-t pt-2 text-xs sm:grid-cols-[9rem_1fr_1fr] sm:gap-3">
            <p className="font-medium">{labels[key]}</p>
            <p className="min-w-0 whitespace-pre-wrap break-words">
              <span className="block text-muted-foreground">Version {version}</span>
              {shorten(theirs[key as never])}
            </p>
            <p className="min-w-0 whitespace-pre-wrap break-words">
              <span className="block text-muted-foreground">Your edit</span>
              {shorten(mine[key as never])}
            </p>
          </div>
        ))}
      </div>
      <button
        type="button"
        className="btn btn-sm btn-outline mt-2 h-auto min-h-8 py-1.5 whitespace-normal text-left"
        onClick={onRebase}
        data-testid="rebase-edit"
      >
        Keep my edit and apply it on top of version {version}
      </button>
    </div>
  );
}
