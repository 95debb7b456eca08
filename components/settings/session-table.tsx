import { Laptop, Smartphone } from "lucide-react";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { endSessionAction } from "@/lib/auth/session-actions";
import type { SessionView } from "@/lib/auth/session-reads";
import { dateTime, relativeTime } from "@/lib/format";

const MOBILE = /iPhone|iPad|Android/;

/** The person's live sessions; each but the one in use can be ended from here. */
export function SessionTable({ sessions }: { sessions: SessionView[] }) {
  if (!sessions.length) {
    return (
      <EmptyState icon={Laptop} title="No active sessions">
        Sessions appear here when you sign in from a browser.
      </EmptyState>
    );
  }
  const now = new Date();
  return (
    <Table>
      <THead>
        <tr>
          <TH>Device</TH>
          <TH className="hidden sm:table-cell">Address</TH>
          <TH className="hidden md:table-cell">Signed in</TH>
          <TH className="hidden sm:table-cell">Last seen</TH>
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <tbody>
        {sessions.map((s) => {
          const Icon = MOBILE.test(s.device) ? Smartphone : Laptop;
          return (
            <TR key={s.id} data-testid={s.current ? "session-current" : "session-row"}>
              <TD>
                <span className="flex items-start gap-2">
                  <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                  <span className="min-w-0">
                    <span className="flex flex-wrap items-center gap-1.5 font-medium">
                      {s.device}
                      {s.current ? <Badge tone="primary">This session</Badge> : null}
                      {s.method === "oidc" ? <Badge>SSO</Badge> : null}
                    </span>
                    <span className="block text-xs text-muted-foreground sm:truncate" title={s.userAgent}>
                      <span className="sm:hidden">
                        {s.address ?? "address unknown"} · seen {relativeTime(s.lastSeenAt, now)}
                      </span>
                      <span className="hidden sm:inline">{s.userAgent ? shorten(s.userAgent) : "—"}</span>
                    </span>
                  </span>
                </span>
              </TD>
              <TD className="hidden font-mono text-xs sm:table-cell">{s.address ?? "unknown"}</TD>
              <TD className="hidden text-xs md:table-cell" title={dateTime(s.signedInAt)}>
                {relativeTime(s.signedInAt, now)}
              </TD>
              <TD className="hidden text-xs sm:table-cell" title={dateTime(s.lastSeenAt)}>
                {s.current ? "now" : relativeTime(s.lastSeenAt, now)}
              </TD>
              <TD className="text-right">
                {s.current ? (
                  <span className="hidden text-xs text-muted-foreground sm:inline">In use</span>
                ) : (
                  <div className="flex justify-end">
                    <ActionButton
                      action={endSessionAction}
                      fields={{ id: s.id }}
                      label="End"
                      variant="outline"
                      confirm={{
                        title: `End the session on ${s.device}?`,
                        description: "That browser is signed out at once.",
                      }}
                      testId={`end-session-${s.id}`}
                    />
                  </div>
                )}
              </TD>
            </TR>
          );
        })}
      </tbody>
    </Table>
  );
}

function shorten(ua: string) {
  return ua.length > 80 ? `${ua.slice(0, 80)}…` : ua;
}
