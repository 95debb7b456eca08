"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown when a page fails to render — most often because the database is unreachable. */
export default function PortalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <Card>
      <EmptyState icon="i-cloud-off" title="This page could not load">
        <p data-testid="page-error">
          Pharos could not reach what it needs to show this page (often the database is briefly unavailable).
          Nothing you saved was lost. Try again in a moment.
        </p>
        {error.digest ? <p className="mt-2 text-xs">Reference: {error.digest}</p> : null}
        <Button className="mt-4" onClick={() => reset()}>
          Try again
        </Button>
      </EmptyState>
    </Card>
  );
}
