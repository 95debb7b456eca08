"use client";

import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

/** A signing secret, shown the one time Pharos hands it out, with a copy button. */
export function SecretReveal({ secret, title }: { secret: string; title: string }) {
  return (
    <div
      className="rounded-md border border-at-risk/40 bg-at-risk/10 p-3 text-sm"
      data-testid="webhook-secret"
    >
      <p className="mb-2 font-medium">{title}</p>
      <div className="flex items-center gap-2">
        <code
          className="min-w-0 flex-1 break-all rounded bg-card px-2 py-1 text-xs"
          data-testid="webhook-secret-value"
        >
          {secret}
        </code>
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() => navigator.clipboard.writeText(secret)}
          aria-label="Copy secret"
        >
          <Icon name="i-copy" />
        </Button>
      </div>
      <p className="mt-2 text-xs text-muted-foreground">
        The receiver checks X-Pharos-Signature with it (see the webhooks guide). It will not be shown again.
      </p>
    </div>
  );
}
