"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { acceptInvite, INVITE_GONE_MESSAGE } from "@/lib/admin/user-commands";
import { formInput } from "@/lib/command/action";
import { executeCommand } from "@/lib/command/execute";
import { signIn, signOut } from "./auth";
import { safeCallbackPath } from "./callback-url";
import { inviteeActor } from "./invites";
import { loginErrorMessage } from "./login-messages";

export type LoginState = { error?: string; email?: string };

const loginInput = z.object({
  email: z.string().trim().min(1, "Enter your email.").max(254),
  password: z.string().min(1, "Enter your password.").max(1000),
  callbackUrl: z.string().optional(),
});

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginInput.safeParse(formInput(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0].message, email };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only sign-in failures are ours to explain.
    if (!(error instanceof AuthError)) throw error;
    return { error: loginErrorMessage((error as AuthError & { code?: string }).code), email };
  }
}

export async function ssoAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}

/** Ends the server-side session too (lib/auth/auth.ts, events.signOut), not only the cookie. */
export async function signOutAction() {
  await signOut({ redirectTo: "/login?signedOut=1" });
}

export type InviteState = { error?: string; fieldErrors?: Record<string, string> };

/** The invite link identifies the invitee, who then sets their password as themselves. */
export async function acceptInviteAction(_prev: InviteState, formData: FormData): Promise<InviteState> {
  const input = formInput(formData);
  const invitee = await inviteeActor(input.token);
  if (!invitee) return { error: INVITE_GONE_MESSAGE };
  const result = await executeCommand(acceptInvite, invitee, input);
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  await signIn("credentials", {
    email: result.data.email,
    password: String(formData.get("password")),
    redirectTo: "/",
  });
  return {};
}
