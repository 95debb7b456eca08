"use server";

import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { createToken, revokeToken } from "./token-commands";

export async function createTokenAction(_: ActionState, formData: FormData) {
  return runAction(createToken, formInput(formData), { revalidate: ["/settings/tokens", "/admin/tokens"] });
}

export async function revokeTokenAction(_: ActionState, formData: FormData) {
  return runAction(revokeToken, formInput(formData), {
    revalidate: ["/settings/tokens", "/admin/tokens"],
    success: "Token revoked; it stops working immediately.",
  });
}
