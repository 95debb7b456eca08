"use client";

import { KeyRound } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { type LoginState, loginAction, ssoAction } from "@/lib/auth/actions";

export function LoginForm({
  callbackUrl,
  ssoName,
  initialError,
  signedOut,
}: {
  callbackUrl: string;
  ssoName?: string;
  initialError?: string;
  signedOut?: boolean;
}) {
  const [state, action] = useActionState<LoginState, FormData>(loginAction, { error: initialError });
  return (
    <div className="grid gap-5">
      {signedOut && !state.error ? (
        <p role="status" className="rounded-md bg-muted px-3 py-2 text-sm">
          You have signed out.
        </p>
      ) : null}
      <form action={action} className="grid gap-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="grid gap-1.5">
          <label htmlFor="email" className="text-sm font-medium">
            Email
          </label>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            key={state.email}
          />
        </div>
        <div className="grid gap-1.5">
          <label htmlFor="password" className="text-sm font-medium">
            Password
          </label>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-describedby={state.error ? "login-error" : undefined}
          />
        </div>
        {state.error ? (
          <p
            id="login-error"
            role="status"
            data-testid="login-error"
            className="text-sm font-medium text-destructive"
          >
            {state.error}
          </p>
        ) : null}
        <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      </form>
      {ssoName ? (
        <form action={ssoAction} className="grid gap-3">
          <div className="flex items-center gap-3 text-xs text-muted-foreground">
            <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
          </div>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="outline">
            <KeyRound aria-hidden /> Continue with {ssoName}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
