import type { Metadata } from "next";
import { AddDependencyForm } from "@/components/catalog/add-dependency-form";
import { BlastRadius } from "@/components/catalog/blast-radius";
import { DependencyGraph } from "@/components/catalog/dependency-graph";
import { DependencyList } from "@/components/catalog/dependency-list";
import { HopControl } from "@/components/catalog/hop-control";
import { LevelBadge } from "@/components/catalog/level-badge";
import { ScorecardCard } from "@/components/catalog/scorecard-card";
import { ServiceFacts } from "@/components/catalog/service-facts";
import { ServiceLifecycleActions } from "@/components/catalog/service-lifecycle-actions";
import { TierBadge } from "@/components/catalog/tier-badge";
import { ServiceIncidents } from "@/components/incidents/service-incidents";
import { Forbidden } from "@/components/shell/forbidden";
import { ServiceSlos } from "@/components/slo/service-slos";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { FlashMessage } from "@/components/ui/flash-message";
import { Icon, type IconName } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { STALE_AFTER_DAYS } from "@/lib/catalog/list-filter";
import { servicePageRead } from "@/lib/catalog/reads";
import { scorecardView } from "@/lib/catalog/scorecard";
import { serviceFactsView } from "@/lib/catalog/service-facts";
import { toColumnar } from "@/lib/columnar";
import { relativeTime } from "@/lib/format";
import { pageQuery } from "@/lib/query/page";
import { serviceSlosRead } from "@/lib/slo/page-reads";

export async function generateMetadata({ params }: PageProps<"/services/[slug]">): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function ServicePage({ params, searchParams }: PageProps<"/services/[slug]">) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const [read, slos] = await Promise.all([
    pageQuery(servicePageRead, { slug, hops: query.hops }),
    pageQuery(serviceSlosRead, { service: slug }),
  ]);
  if (!read.ok) return <Forbidden what="the catalog" />;
  const sloItems = slos.ok ? slos.data.items : [];
  const frozen = sloItems.filter((s) => s.status.budgetRemaining !== null && s.status.budgetRemaining <= 0);
  const { service, team, upstream, downstream, graph, owners, radius, scorecard, editable } = read.data;
  const now = new Date();
  const stale =
    !service.verifiedAt || now.getTime() - service.verifiedAt.getTime() > STALE_AFTER_DAYS * 86_400_000;
  const center = {
    slug: service.slug,
    name: service.name,
    tier: service.tier,
    teamSlug: team?.slug ?? null,
    teamName: team?.name ?? null,
  };
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-muted-foreground">
            <Link href="/services" className="hover:underline">
              Services
            </Link>{" "}
            / {service.slug}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{service.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <TierBadge tier={service.tier} />
            <LevelBadge level={service.scorecardLevel} />
            <Badge>{service.lifecycle}</Badge>
            <Badge>{service.domain}</Badge>
            {service.archivedAt ? (
              <Badge tone="danger">Archived {relativeTime(service.archivedAt, now)}</Badge>
            ) : null}
            {frozen.length ? (
              <Badge tone="danger" data-testid="budget-freeze-badge">
                Budget freeze
              </Badge>
            ) : null}
            {stale ? (
              <Badge tone="warning" data-testid="stale-badge">
                Stale: verified {service.verifiedAt ? relativeTime(service.verifiedAt, now) : "never"}
              </Badge>
            ) : null}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline" size="sm">
            <a href={`/services/${service.slug}/catalog-info.yaml`} download>
              <Icon name="i-download" /> catalog-info.yaml
            </a>
          </Button>
          {editable ? (
            <>
              <Button asChild size="sm" variant="outline">
                <Link href={`/services/${service.slug}/edit`}>
                  <Icon name="i-pencil" /> Edit
                </Link>
              </Button>
              <ServiceLifecycleActions slug={service.slug} archived={service.archivedAt !== null} />
            </>
          ) : null}
        </div>
      </div>
      {query.created === "1" ? (
        <div className="mb-4">
          <FlashMessage param="created" message="Service registered." />
        </div>
      ) : null}
      {query.saved === "1" ? (
        <div className="mb-4">
          <FlashMessage param="saved" message="Changes saved." />
        </div>
      ) : null}
      {radius.cycle ? (
        <p
          className="mb-4 flex items-start gap-2 rounded-md border border-at-risk/40 bg-at-risk/10 px-3 py-2 text-sm text-at-risk-fg"
          data-testid="cycle-warning"
        >
          <Icon name="i-triangle-alert" className="mt-0.5 size-4 shrink-0" />
          This service is part of a dependency cycle: {radius.cycle.join(" → ")}. Cycles are allowed, but an
          outage can feed on itself.
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          <ServiceFacts facts={serviceFactsView(service, team, owners, now)} />
          <Card id="slos">
            <CardHeader>
              <div>
                <CardTitle>SLOs</CardTitle>
                {frozen.length ? (
                  <p className="text-xs text-breaching-fg">
                    In budget freeze: {frozen.map((f) => f.name).join(", ")} spent its budget. Normal changes
                    need a change manager's override.
                  </p>
                ) : null}
              </div>
              {editable ? (
                <Button asChild size="sm" variant="outline">
                  <Link href={`/slos/new?service=${service.slug}`}>
                    <Icon name="i-plus" /> Define an SLO
                  </Link>
                </Button>
              ) : null}
            </CardHeader>
            {sloItems.length ? (
              <ServiceSlos
                rows={sloItems.map((s) => ({
                  id: s.id,
                  name: s.name,
                  state: s.status.state,
                  sli: s.status.sli,
                  target: s.definition.target,
                  remaining: s.status.budgetRemaining,
                }))}
              />
            ) : (
              <p className="px-4 py-4 text-sm text-muted-foreground">
                No SLOs yet: readiness above bronze needs at least one.
              </p>
            )}
          </Card>
          <ServiceIncidents slug={service.slug} />
          <Card>
            <CardHeader>
              <div>
                <CardTitle>Dependencies</CardTitle>
                <p className="text-xs text-muted-foreground">
                  left: what depends on it · right: what it depends on
                </p>
              </div>
              <HopControl slug={service.slug} hops={graph.hops} />
            </CardHeader>
            <CardBody className="grid grid-cols-1 gap-4">
              <DependencyGraph center={center} graph={{ ...graph, nodes: toColumnar(graph.nodes) }} />
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <DependencyList
                  title="Depends on"
                  items={toColumnar(upstream)}
                  service={service.slug}
                  removable={editable}
                />
                <DependencyList
                  title="Depended on by"
                  items={toColumnar(downstream)}
                  service={service.slug}
                  removable={false}
                />
              </div>
              {editable ? <AddDependencyForm service={service.slug} /> : null}
            </CardBody>
          </Card>
        </div>
        {/* Readiness before the placeholders on narrow screens; beside both on wide ones. */}
        <div className="grid min-w-0 grid-cols-1 content-start gap-6 xl:row-span-2">
          <ScorecardCard card={scorecardView(scorecard)} />
          <BlastRadius radius={{ ...radius, services: toColumnar(radius.services) }} />
          {service.links.length ? (
            <Card>
              <CardHeader>
                <CardTitle>Links</CardTitle>
              </CardHeader>
              <ul className="divide-y text-sm">
                {service.links.map((l) => (
                  <li key={l.url} className="px-4 py-2">
                    <a
                      href={l.url}
                      className="inline-flex items-center gap-1 text-primary hover:underline"
                      rel="noreferrer noopener"
                      target="_blank"
                    >
                      {l.title} <Icon name="i-external-link" className="size-3" />
                    </a>
                    {l.kind ? <span className="ml-2 text-xs text-muted-foreground">{l.kind}</span> : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
        <div className="grid min-w-0 grid-cols-1 content-start gap-6 md:grid-cols-3 xl:col-start-1">
          <Slot
            icon="i-activity"
            title="SLOs"
            text="SLOs and error budgets for this service arrive with the SLO domain."
          />
          <Slot
            icon="i-siren"
            title="Incidents"
            text="Open and recent incidents arrive with the incident domain."
          />
          <Slot
            icon="i-calendar-clock"
            title="Changes"
            text="Scheduled and recent changes arrive with the change domain."
          />
        </div>
      </div>
    </>
  );
}

function Slot({ icon, title, text }: { icon: IconName; title: string; text: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Icon name={icon} /> {title}
        </CardTitle>
      </CardHeader>
      <CardBody className="text-sm text-muted-foreground">{text}</CardBody>
    </Card>
  );
}
