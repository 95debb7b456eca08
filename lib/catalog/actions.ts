"use server";

import { redirect } from "next/navigation";
import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { addDependency, removeDependency } from "./dependency-commands";
import {
  archiveService,
  createService,
  restoreService,
  updateService,
  verifyService,
} from "./service-commands";

export async function createServiceAction(_: ActionState, formData: FormData) {
  const result = await runAction(createService, formInput(formData), { revalidate: ["/services"] });
  if (result.ok && result.data) redirect(`/services/${result.data.slug}?created=1`);
  return result;
}

export async function updateServiceAction(_: ActionState, formData: FormData) {
  const result = await runAction(updateService, formInput(formData), { revalidate: ["/services"] });
  if (result.ok && result.data) redirect(`/services/${result.data.slug}?saved=1`);
  return result;
}

const path = (formData: FormData) => [`/services/${formData.get("slug")}`, "/services"];

export async function verifyServiceAction(_: ActionState, formData: FormData) {
  return runAction(verifyService, formInput(formData), {
    revalidate: path(formData),
    success: "Verified: the catalog entry is marked as true today.",
  });
}

export async function archiveServiceAction(_: ActionState, formData: FormData) {
  return runAction(archiveService, formInput(formData), {
    revalidate: path(formData),
    success: "Archived. It no longer shows in the catalog; its history stays.",
  });
}

export async function restoreServiceAction(_: ActionState, formData: FormData) {
  return runAction(restoreService, formInput(formData), {
    revalidate: path(formData),
    success: "Restored to the catalog.",
  });
}

export async function addDependencyAction(_: ActionState, formData: FormData) {
  return runAction(addDependency, formInput(formData), {
    revalidate: path(formData),
    success: (d) =>
      d.cycle
        ? `Added. Note: this closes a dependency cycle: ${d.cycle.join(" → ")}.`
        : d.created
          ? `Now depends on ${d.dependsOn}.`
          : `Already depended on ${d.dependsOn}.`,
  });
}

export async function removeDependencyAction(_: ActionState, formData: FormData) {
  return runAction(removeDependency, formInput(formData), {
    revalidate: path(formData),
    success: (d) => `No longer depends on ${d.dependsOn}.`,
  });
}
