"use client";

import type { ProblemFields } from "./problem-fields";

const SHOWN: { key: Exclude<keyof ProblemFields, "version">; label: string }[] = [
  { key: "rootCause", label: "Root cause" },
  { key: "workaround", label: "Workaround" },
  { key: "title", label: "Title" },
  { key: "service", label: "Service" },
  { key: "owner", label: "Owner" },
  { key: "description", label: "Description" },
];

const show = (v: string | undefined) => (v ? v : "—");

/**
 * Someone saved the problem while this person edited it: their version beside this edit,
 * field by field where they differ, and the choice to apply this edit on top of theirs.
 */
export function ProblemConflict({
  current,
  mine,
  onRebase,
}: {
  current: ProblemFields;
  mine: Omit<ProblemFields, "version">;
  onRebase: () => void;
}) {
  const differing = SHOWN.filter(({ key }) => current[key] !== mine[key]);
  return (
    <div
      className="rounded-md border border-at-risk/50 bg-at-risk/10 p-3 text-sm"
      data-testid="conflict-panel"
      role="alert"
    >
      <p className="font-medium">
        Version {current.version} was saved while you edited. Theirs beside yours:
      </p>
      <p className="mt-0.5 text-xs text-muted-foreground">
        Applying yours on top keeps their change to every field you left as it was.
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-xs">
          <thead>
            <tr className="text-left text-muted-foreground">
              <th className="py-1 pr-2 font-medium">Field</th>
              <th className="py-1 pr-2 font-medium">Version {current.version}</th>
              <th className="py-1 font-medium">Your edit</th>
            </tr>
          </thead>
          <tbody>
            {differing.map(({ key, label }) => (
              <tr key={key} className="border-t align-top">
                <td className="py-1 pr-2">{label}</td>
                <td className="whitespace-pre-wrap py-1 pr-2">{show(current[key])}</td>
                <td className="whitespace-pre-wrap py-1">{show(mine[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="btn btn-sm btn-outline mt-2 h-auto whitespace-normal py-1.5"
        onClick={onRebase}
        data-testid="rebase-edit"
      >
        Keep my edit and apply it on top of version {current.version}
      </button>
    </div>
  );
}
