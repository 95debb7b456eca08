import type { ReactNode } from "react";
import { dateTime } from "@/lib/format";
import type { ProblemDetail } from "@/lib/incidents/problem-queries";

/** The problem's facts: who drives it, where, and the moments it changed its standing. */
export function ProblemDetails({ problem: p }: { problem: ProblemDetail }) {
  const rows: [string, ReactNode][] = [
    [
      "Owner",
      p.owner ? (
        <>
          {p.owner.name}
          <span className="block text-xs text-muted-foreground">{p.owner.email}</span>
        </>
      ) : (
        "Nobody"
      ),
    ],
    ["Service", p.service?.name ?? "None"],
    ["Opened", dateTime(p.createdAt)],
    ["Known error since", dateTime(p.knownErrorAt)],
    ["Resolved", dateTime(p.resolvedAt)],
    ["Last changed", dateTime(p.updatedAt)],
  ];
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="[overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
