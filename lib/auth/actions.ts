"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { acceptInvite } from "@/lib/admin/user-commands";
import { formInput } from "@/lib/command/action";
import { executeCommand } from "@/lib/command/execute";
import { signIn, signOut } from "./auth";
import { safeCallbackPath } from "./callback-url";
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

export async function signOutAction() {
  await signOut({ redirectTo: "/login?signedOut=1" });
}

export type InviteState = { error?: string; fieldErrors?: Record<string, string> };

export async function acceptInviteAction(_prev: InviteState, formData: FormData): Promise<InviteState> {
  const result = await executeCommand(
    acceptInvite,
    { kind: "system", via: "system", label: "invite" },
    formInput(formData),
  );
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  await signIn("credentials", {
    email: result.data.email,
    password: String(formData.get("password")),
    redirectTo: "/",
  });
  return {};
}
