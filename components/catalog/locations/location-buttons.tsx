"use client";

import { ActionButton } from "@/components/ui/action-button";
import { deleteLocationAction } from "@/lib/catalog/locations/location-actions";
import { RefreshButton } from "./refresh-button";

/** "Refresh now" and "Remove" for one location; each answers with a toast. */
export function LocationButtons({ id, mayRemove }: { id: string; mayRemove: boolean }) {
  return (
    <div className="flex flex-wrap gap-2">
      <RefreshButton id={id} />
      {mayRemove ? (
        <ActionButton
          action={deleteLocationAction}
          fields={{ id }}
          label="Remove"
          variant="ghost"
          testId="remove-location"
        />
      ) : null}
    </div>
  );
}
