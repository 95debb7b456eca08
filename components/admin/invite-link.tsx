"use client";

import { Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** Shows an invite link once, with a copy button; the token is not stored in readable form. */
export function InviteLink({ token }: { token: string }) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const url = `${origin}/invite/${token}`;
  return (
    <div
      className="w-full rounded-md border border-at-risk/40 bg-at-risk/10 p-3 text-left text-sm"
      data-testid="invite-link"
    >
      <p className="mb-2 font-medium">
        Send this one-time link to the person (valid 7 days). It will not be shown again.
      </p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded bg-card px-2 py-1 text-xs">{url}</code>
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() => navigator.clipboard.writeText(url)}
          aria-label="Copy invite link"
        >
          <Copy aria-hidden /> Copy
        </Button>
      </div>
    </div>
  );
}
