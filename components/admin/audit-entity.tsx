import Link from "@/components/ui/link";
import { type AuditEntity as Entity, entityTypeLabel } from "@/lib/admin/audit-entity-labels";

/**
 * An audit row's entity by name, linked where it has a page. The id stays in the title (and
 * as text when there is no name), so it can still be copied into the entity filter.
 */
export function AuditEntity({ entity }: { entity: Entity }) {
  const type = entityTypeLabel(entity.type);
  const { name } = entity;
  return (
    <span className="block max-w-56" data-testid="audit-entity" title={entity.id}>
      <span className="block text-muted-foreground">{type}</span>
      {name ? (
        <>
          {name.href ? (
            <Link href={name.href} className="font-medium text-primary underline-offset-4 hover:underline">
              {name.label}
            </Link>
          ) : (
            <span className="font-medium">{name.label}</span>
          )}
          {name.detail ? <span className="block truncate text-muted-foreground">{name.detail}</span> : null}
        </>
      ) : (
        <span className="block truncate">
          <span className="font-mono">{entity.id}</span>
          {entity.deleted ? <span className="text-muted-foreground"> (deleted)</span> : null}
        </span>
      )}
    </span>
  );
}
