"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Icon } from "@/components/ui/icon";
import { Input, Select } from "@/components/ui/input";
import Link from "@/components/ui/link";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CatalogColumn } from "@/lib/catalog/columns";
import type { ActionState } from "@/lib/command/action";
import { deleteViewAction, saveViewAction } from "@/lib/views/actions";
import { viewHref } from "@/lib/views/href";
import type { ViewSummary } from "@/lib/views/queries";
import { useTeamChoices } from "./use-team-choices";

type ListProps = {
  views: ViewSummary[];
  /** What is on screen (normalised filters and the columns), to mark the view it matches. */
  query: string;
  columns: readonly CatalogColumn[];
};

type SaveProps = {
  /** The current filters as a query string and the columns on screen: what "Save view" keeps. */
  query: string;
  columns: readonly CatalogColumn[];
};

/** Saved views as links above the catalog: the person's own and those shared with their teams. */
export function SavedViews({ views, query, columns }: ListProps) {
  if (!views.length) return null;
  return (
    <nav aria-label="Saved views" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="inline-flex items-center gap-1 text-xs font-medium text-muted-foreground">
        <Icon name="i-bookmark" className="size-3.5" /> Views
      </span>
      {views.map((v) => {
        const href = viewHref(v);
        const open = v.query === query && v.columns.join() === columns.join();
        return (
          <span
            key={v.id}
            className={`inline-flex items-center rounded-full border ${open ? "border-primary bg-accent text-accent-foreground" : ""}`}
          >
            <Link
              href={href}
              aria-current={open ? "page" : undefined}
              className="inline-flex items-center gap-1 rounded-full py-1 pr-1 pl-3 hover:underline"
              title={
                v.sharedWith ? `Shared with ${v.sharedWith} by ${v.ownerName}` : "Only you see this view"
              }
            >
              {v.name}
              {v.sharedWith ? (
                <span className="inline-flex items-center gap-0.5 text-xs text-muted-foreground">
                  <Icon name="i-users" className="size-3" />
                  <span className="sr-only">shared with</span> {v.sharedWith}
                </span>
              ) : null}
            </Link>
            {v.mine ? <DeleteView id={v.id} name={v.name} /> : <span className="pr-2" />}
          </span>
        );
      })}
    </nav>
  );
}

function DeleteView({ id, name }: { id: string; name: string }) {
  const [, action] = useActionState(async (s: ActionState, f: FormData) => {
    const result = await deleteViewAction(s, f);
    if (result.error) toast.error(result.error);
    else if (result.message) toast.success(result.message);
    return result;
  }, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className="mr-1 grid size-6 place-items-center rounded-full text-muted-foreground hover:bg-muted hover:text-foreground"
        aria-label={`Delete the view ${name}`}
      >
        <Icon name="i-x" className="size-3.5" />
      </button>
    </form>
  );
}

/** "Save view": names the filters and columns on screen, for the person or one of their teams. */
export function SaveViewDialog({ query, columns }: SaveProps) {
  const [open, setOpen] = useState(false);
  // The teams to share with are asked for when the dialog opens, not sent with every catalog page.
  const { teams, loading } = useTeamChoices(open);
  const [state, action] = useActionState(saveViewAction, {});
  useEffect(() => {
    if (state.ok && state.message) {
      toast.success(state.message);
      setOpen(false);
    }
  }, [state]);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="outline" size="sm" data-testid="save-view">
          <Icon name="i-plus" /> Save view
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border bg-card p-5 shadow-lg">
          <Dialog.Title className="text-base font-semibold">Save this view</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted-foreground">
            Keeps the filters and columns you see now under a name, for you or for a team.
          </Dialog.Description>
          <form action={action} className="mt-4 grid gap-4">
            <input type="hidden" name="list" value="catalog" />
            <input type="hidden" name="query" value={query} />
            {columns.map((c) => (
              <input key={c} type="hidden" name="columns[]" value={c} />
            ))}
            <Field
              id="view-name"
              label="Name"
              error={state.fieldErrors?.name}
              hint="For example “Tier 0 not verified”."
            >
              {(p) => (
                <Input {...p} name="name" defaultValue={state.values?.name as string | undefined} autoFocus />
              )}
            </Field>
            <Field id="view-team" label="Who sees it" error={state.fieldErrors?.team}>
              {(p) => (
                <Select {...p} name="team" defaultValue="">
                  <option value="">Only me</option>
                  {loading ? <option disabled>Loading teams…</option> : null}
                  {teams.map((t) => (
                    <option key={t.slug} value={t.slug}>
                      Everyone in {t.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {state.error && !state.fieldErrors ? (
              <p className="text-sm text-destructive" role="alert">
                {state.error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="ghost">
                  Cancel
                </Button>
              </Dialog.Close>
              <SubmitButton pendingText="Saving…">Save view</SubmitButton>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
