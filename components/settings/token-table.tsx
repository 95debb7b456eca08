import { KeyRound } from "lucide-react";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { scopeName } from "@/lib/auth/scope-choices";
import { revokeTokenAction } from "@/lib/auth/token-actions";
import { relativeTime } from "@/lib/format";

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  ownerEmail: string;
  /** The admin who made this token for its owner, if it was not the owner. */
  mintedByEmail: string | null;
};

export function TokenTable({
  tokens,
  showOwner = false,
  actsAs = "you",
}: {
  tokens: TokenRow[];
  showOwner?: boolean;
  /** Whom the tokens act as, for the empty state. */
  actsAs?: string;
}) {
  if (!tokens.length) {
    return (
      <EmptyState icon={KeyRound} title="No API tokens">
        Tokens let scripts, CI and alerting call the Pharos API as {actsAs}.
      </EmptyState>
    );
  }
  const now = new Date();
  return (
    <Table>
      <THead>
        <tr>
          <TH>Token</TH>
          {showOwner ? <TH>Owner</TH> : null}
          <TH>Scopes</TH>
          <TH className="hidden md:table-cell">Expires</TH>
          <TH className="hidden md:table-cell">Last used</TH>
          <TH className="text-right">Status</TH>
        </tr>
      </THead>
      <tbody>
        {tokens.map((t) => {
          const expired = t.expiresAt !== null && t.expiresAt <= now;
          return (
            <TR key={t.id} data-testid={`token-row-${t.name}`}>
              <TD>
                <span className="font-medium">{t.name}</span>
                <code className="block text-xs text-muted-foreground">{t.prefix}…</code>
                {t.mintedByEmail ? (
                  <span className="block text-xs text-muted-foreground" data-testid="minted-by">
                    Minted by {t.mintedByEmail}
                  </span>
                ) : null}
              </TD>
              {showOwner ? (
                <TD className="text-xs">
                  <Link
                    href={`/admin/tokens?owner=${encodeURIComponent(t.ownerEmail)}`}
                    className="text-primary underline-offset-4 hover:underline"
                  >
                    {t.ownerEmail}
                  </Link>
                </TD>
              ) : null}
              <TD>
                <span className="flex flex-wrap gap-1">
                  {t.scopes.map((s) => (
                    <Badge key={s} title={s}>
                      {scopeName(s)}
                    </Badge>
                  ))}
                </span>
              </TD>
              <TD className="hidden text-xs md:table-cell">
                {t.expiresAt ? relativeTime(t.expiresAt, now) : "never"}
              </TD>
              <TD className="hidden text-xs md:table-cell">{relativeTime(t.lastUsedAt, now)}</TD>
              <TD className="text-right">
                {t.revokedAt ? (
                  <Badge tone="danger">Revoked</Badge>
                ) : expired ? (
                  <Badge tone="warning">Expired</Badge>
                ) : (
                  <div className="flex justify-end">
                    <ActionButton
                      action={revokeTokenAction}
                      fields={{ id: t.id }}
                      label="Revoke"
                      confirm={{
                        title: `Revoke “${t.name}”?`,
                        description: "Anything using it stops working at once.",
                      }}
                      testId={`revoke-${t.name}`}
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
