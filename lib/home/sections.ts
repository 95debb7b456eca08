import type { Role } from "@/db/schema/enums";

/**
 * The parts of each role's home, top to bottom. A domain that lands adds its section here
 * (the SLO domain its budgets, the change domain the approval queue and calendar), its data
 * to the home read and its component to the page; nothing is listed before it exists.
 */
export const HOME_SECTIONS = {
  viewer: ["readiness"],
  // The incidents someone is on come first: they are the work that cannot wait.
  engineer: ["my-incidents", "my-action-items", "work-queue", "my-teams"],
  change_manager: ["readiness", "my-incidents", "my-action-items", "work-queue", "my-teams"],
  admin: ["admin-shortcuts", "my-incidents", "my-action-items", "work-queue", "my-teams"],
} as const satisfies Record<Role, readonly string[]>;

export type HomeSection = (typeof HOME_SECTIONS)[Role][number];

export function sectionsOf(role: Role): readonly HomeSection[] {
  return HOME_SECTIONS[role];
}
