import { ActionButton } from "@/components/ui/action-button";
import { archiveServiceAction, restoreServiceAction, verifyServiceAction } from "@/lib/catalog/actions";

export function ServiceLifecycleActions({ slug, archived }: { slug: string; archived: boolean }) {
  return (
    <>
      {archived ? null : (
        <ActionButton action={verifyServiceAction} fields={{ slug }} label="Verify" testId="verify-service" />
      )}
      {archived ? (
        <ActionButton action={restoreServiceAction} fields={{ slug }} label="Restore" />
      ) : (
        <ActionButton
          action={archiveServiceAction}
          fields={{ slug }}
          label="Archive"
          variant="destructive"
          confirm={{
            title: "Archive this service?",
            description: "It leaves the catalog but keeps its history; you can restore it.",
          }}
        />
      )}
    </>
  );
}
