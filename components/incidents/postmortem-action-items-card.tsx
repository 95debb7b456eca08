import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionItemRow } from "@/lib/incidents/action-item-queries";
import { plural } from "@/lib/plural";
import { ActionItemForm } from "./action-item-form";
import { ActionItemList } from "./action-item-list";

type Props = {
  postmortemId: string;
  items: ActionItemRow[];
  mayManage: boolean;
  me: string;
  services: { slug: string; name: string }[];
  defaultDueOn: string;
};

/** The work the postmortem raised: each item with its quick status change, and the form for one more. */
export function PostmortemActionItemsCard({
  postmortemId,
  items,
  mayManage,
  me,
  services,
  defaultDueOn,
}: Props) {
  const open = items.filter((a) => a.status === "open" || a.status === "in_progress").length;
  const late = items.filter((a) => a.overdue).length;
  return (
    <Card data-testid="postmortem-action-items">
      <CardHeader>
        <CardTitle>Action items</CardTitle>
        {items.length ? (
          <span className="text-xs text-muted-foreground">
            {plural(open, { one: "open item", other: "open items" })}
            {late ? <span className="font-medium text-breaching-fg"> · {late} overdue</span> : null}
          </span>
        ) : null}
      </CardHeader>
      {items.length ? (
        <ActionItemList items={items} mayManage={mayManage} />
      ) : (
        <p className="px-4 py-5 text-sm text-muted-foreground">
          No action items yet. Each should make the next incident less likely, smaller or shorter, with one
          owner and a due date.
        </p>
      )}
      {mayManage ? (
        <details className="border-t">
          <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-primary hover:underline">
            Add an action item
          </summary>
          <CardBody className="pt-0">
            <ActionItemForm
              postmortemId={postmortemId}
              me={me}
              services={services}
              defaultDueOn={defaultDueOn}
            />
          </CardBody>
        </details>
      ) : null}
    </Card>
  );
}
