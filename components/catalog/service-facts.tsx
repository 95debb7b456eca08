"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import type { ServiceFactsView } from "@/lib/catalog/service-facts";

/** The service page's overview: description, tags, owner and the operational facts. See ServiceFactsView. */
export function ServiceFacts({ facts }: { facts: ServiceFactsView }) {
  const { team, owners } = facts;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Overview</CardTitle>
      </CardHeader>
      <div className="grid grid-cols-1 gap-4 p-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="grid min-w-0 content-start gap-3">
          <p className="whitespace-pre-line text-sm">
            {facts.description || <span className="text-muted-foreground">No description yet.</span>}
          </p>
          {facts.tags.length ? (
            <div className="flex flex-wrap gap-1">
              {facts.tags.map((t) => (
                <Link key={t} href={`/services?tag=${encodeURIComponent(t)}`}>
                  <Badge>{t}</Badge>
                </Link>
              ))}
            </div>
          ) : null}
          <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
            <Fact label="Owner">
              {team ? (
                <Link href={`/teams/${team.slug}`} className="text-primary hover:underline">
                  {team.name}
                </Link>
              ) : (
                <span className="text-breaching-fg">No owner</span>
              )}
            </Fact>
            <Fact label="On-call">{facts.onCall ?? <Missing />}</Fact>
            <Fact label="Repository">
              {facts.repoUrl ? <ExternalUrl url={facts.repoUrl} /> : <Missing />}
            </Fact>
            <Fact label="Runbook">
              {facts.runbookUrl ? <ExternalUrl url={facts.runbookUrl} /> : <Missing />}
            </Fact>
            <Fact label="System">{facts.system ?? "—"}</Fact>
            <Fact label="RTO / RPO">{facts.rtoRpo ?? <Missing />}</Fact>
            <Fact label="Last DR test">{facts.lastDrTest ?? <Missing />}</Fact>
            <Fact label="Verified">{facts.verified}</Fact>
          </dl>
        </div>
        <div className="min-w-0">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            People ({owners.length})
          </h3>
          {owners.length ? (
            <ul className="grid gap-1 text-sm">
              {owners.map((o) => (
                <li key={o.email} className="flex min-w-0 items-center justify-between gap-2">
                  <span className="min-w-0 truncate">
                    {o.name} <span className="text-xs text-muted-foreground">{o.email}</span>
                  </span>
                  {o.memberRole === "lead" ? (
                    <Badge tone="primary" className="shrink-0">
                      Lead
                    </Badge>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">Nobody in the owning team yet.</p>
          )}
        </div>
      </div>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 truncate">{children}</dd>
    </>
  );
}

function Missing() {
  return <span className="text-muted-foreground">not set</span>;
}

function ExternalUrl({ url }: { url: string }) {
  return (
    <a href={url} className="text-primary hover:underline" target="_blank" rel="noreferrer noopener">
      {url.replace(/^https?:\/\//, "")}
    </a>
  );
}
