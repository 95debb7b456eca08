"use server";

import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { plural } from "@/lib/plural";
import { getActor } from "./session";
import { endOtherSessions, endSession, endUserSessions } from "./session-commands";

const sessionsPath = ["/settings/sessions"];

export async function endSessionAction(_: ActionState, formData: FormData) {
  return runAction(endSession, formInput(formData), {
    revalidate: sessionsPath,
    success: "Session ended: that browser is signed out.",
  });
}

/** Keeps the session this request came in on; the client does not get to say which that is. */
export async function endOtherSessionsAction(_: ActionState, _formData: FormData) {
  const keep = (await getActor())?.sessionId;
  return runAction(
    endOtherSessions,
    { keep },
    {
      revalidate: sessionsPath,
      success: (d) =>
        d.ended
          ? `Ended ${plural(d.ended, { one: "other session", other: "other sessions" })}.`
          : "There were no other sessions to end.",
    },
  );
}

export async function endUserSessionsAction(_: ActionState, formData: FormData) {
  return runAction(endUserSessions, formInput(formData), {
    revalidate: ["/admin/users"],
    success: (d) =>
      d.ended
        ? `Signed ${d.email} out everywhere (${plural(d.ended, { one: "session", other: "sessions" })}).`
        : `${d.email} had no active sessions.`,
  });
}
