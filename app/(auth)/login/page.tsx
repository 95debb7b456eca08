import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { loginPageError } from "@/lib/auth/login-messages";
import { getActor } from "@/lib/auth/session";
import { oidcSettings } from "@/lib/config/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  // Only a session the database still honours skips the form; a stale cookie must not loop.
  if (await getActor()) redirect(callbackUrl);
  const oidc = oidcSettings();
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Sign in to Pharos</h1>
      <p className="mb-5 text-sm text-muted-foreground">
        Reliability operations for your whole organisation.
      </p>
      <LoginForm
        callbackUrl={callbackUrl}
        ssoName={oidc?.name}
        initialError={loginPageError(typeof params.error === "string" ? params.error : undefined)}
        signedOut={params.signedOut === "1"}
      />
    </Card>
  );
}
