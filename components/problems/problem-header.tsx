import { MarkdownView } from "@/components/incidents/markdown-view";
import Link from "@/components/ui/link";
import type { ProblemDetail } from "@/lib/incidents/problem-queries";
import { KnownErrorFlag, ProblemStateBadge, problemReference, standsAsKnownError } from "./problem-badges";

/** The problem's name and where it stands: state, known-error flag, service and owner, then what is known. */
export function ProblemHeader({ problem: p }: { problem: ProblemDetail }) {
  return (
    <header className="mb-5 grid gap-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Link href="/problems" className="text-muted-foreground hover:underline">
          Problems
        </Link>
        <span className="text-muted-foreground">/</span>
        <span className="font-mono">{problemReference(p.number)}</span>
      </p>
      <h1
        className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]"
        data-testid="problem-title"
      >
        {p.title}
      </h1>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <ProblemStateBadge state={p.state} />
        {/* The state says "known error" itself; an accepted risk still is one, so it carries the flag. */}
        {p.knownErrorAt && standsAsKnownError(p.state) && p.state !== "known_error" ? (
          <KnownErrorFlag since={p.knownErrorAt} />
        ) : null}
        {p.service ? (
          <Link href={`/services/${p.service.slug}`} className="badge hover:underline">
            {p.service.name}
          </Link>
        ) : null}
        {p.owner ? <span className="text-muted-foreground">Owner {p.owner.name}</span> : null}
      </div>
      {p.description ? (
        <MarkdownView source={p.description} className="max-w-3xl text-sm text-muted-foreground" />
      ) : null}
    </header>
  );
}
