"use server";

import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { addTeamMember, createTeam, removeTeamMember, updateTeam } from "./team-commands";
import { createUser, patchUser, reissueInvite } from "./user-commands";

const usersPath = ["/admin/users"];

export async function createUserAction(_: ActionState, formData: FormData) {
  return runAction(createUser, formInput(formData), {
    revalidate: usersPath,
    success: (d) => `Created ${d.user.email}.`,
  });
}

export async function updateUserAction(_: ActionState, formData: FormData) {
  const { id, name, role } = formInput(formData);
  return runAction(
    patchUser,
    { id, name, role },
    { revalidate: usersPath, success: (u) => `Saved ${u.email}.` },
  );
}

export async function deactivateUserAction(_: ActionState, formData: FormData) {
  return runAction(
    patchUser,
    { id: formInput(formData).id, active: false },
    {
      revalidate: usersPath,
      success: (u) => `${u.email} is deactivated; their sessions and tokens no longer work.`,
    },
  );
}

export async function reactivateUserAction(_: ActionState, formData: FormData) {
  return runAction(
    patchUser,
    { id: formInput(formData).id, active: true },
    { revalidate: usersPath, success: (u) => `${u.email} is active again.` },
  );
}

export async function reissueInviteAction(_: ActionState, formData: FormData) {
  return runAction(reissueInvite, formInput(formData), {
    revalidate: usersPath,
    success: "New invite link created.",
  });
}

export async function createTeamAction(_: ActionState, formData: FormData) {
  return runAction(createTeam, formInput(formData), {
    revalidate: ["/admin/teams", "/teams"],
    success: (t) => `Created ${t.name}.`,
  });
}

export async function updateTeamAction(_: ActionState, formData: FormData) {
  return runAction(updateTeam, formInput(formData), {
    revalidate: ["/admin/teams", "/teams"],
    success: "Team saved.",
  });
}

export async function addTeamMemberAction(_: ActionState, formData: FormData) {
  return runAction(addTeamMember, formInput(formData), {
    revalidate: ["/admin/teams"],
    success: (m) => `Added ${m.email}.`,
  });
}

export async function removeTeamMemberAction(_: ActionState, formData: FormData) {
  return runAction(removeTeamMember, formInput(formData), {
    revalidate: ["/admin/teams"],
    success: "Member removed.",
  });
}
