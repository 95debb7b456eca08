import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import type { Service, Team } from "@/db/schema";
import { dateTime, relativeTime } from "@/lib/format";

type Owner = { name: string; email: string; memberRole: string };

export function ServiceFacts({
  service,
  team,
  owners,
}: {
  service: Service;
  team: Team | null;
  owners: Owner[];
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Overview</CardTitle>
      </CardHeader>
      <div className="grid grid-cols-1 gap-4 p-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="grid min-w-0 content-start gap-3">
          <p className="whitespace-pre-line text-sm">
            {service.description || <span className="text-muted-foreground">No description yet.</span>}
          </p>
          {service.tags.length ? (
            <div className="flex flex-wrap gap-1">
              {service.tags.map((t) => (
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
            <Fact label="On-call">{service.onCall ?? <Missing />}</Fact>
            <Fact label="Repository">
              {service.repoUrl ? <ExternalUrl url={service.repoUrl} /> : <Missing />}
            </Fact>
            <Fact label="Runbook">
              {service.runbookUrl ? <ExternalUrl url={service.runbookUrl} /> : <Missing />}
            </Fact>
            <Fact label="System">
              {service.system
                ? `${service.system}${service.businessDomain ? ` · ${service.businessDomain}` : ""}`
                : "—"}
            </Fact>
            <Fact label="RTO / RPO">
              {service.rtoMinutes !== null || service.rpoMinutes !== null ? (
                `${minutes(service.rtoMinutes)} / ${minutes(service.rpoMinutes)}`
              ) : (
                <Missing />
              )}
            </Fact>
            <Fact label="Last DR test">
              {service.lastDrTestAt ? (
                `${dateTime(service.lastDrTestAt).slice(0, 10)} (${relativeTime(service.lastDrTestAt)})`
              ) : (
                <Missing />
              )}
            </Fact>
            <Fact label="Verified">{service.verifiedAt ? relativeTime(service.verifiedAt) : "never"}</Fact>
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

function minutes(m: number | null) {
  if (m === null) return "—";
  return m >= 60 && m % 60 === 0 ? `${m / 60} h` : `${m} min`;
}
