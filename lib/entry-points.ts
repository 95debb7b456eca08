import { ROUTES } from "@/lib/api/routes";
import type { Permission } from "@/lib/auth/permissions";
import { PERMISSIONS } from "@/lib/auth/permissions";

/*
 * Every way into Pharos from outside, in one list: the REST routes (from the route table)
 * and the server actions (named here, beside the command or query each one runs). The
 * authorisation test walks this list for every kind of caller, and a test checks that every
 * exported server action appears here, so a new door cannot be added without being tested.
 */

export type EntryPoint =
  | { kind: "rest"; method: string; path: string; permission: Permission; scope: string }
  | { kind: "action"; module: string; name: string; permission: Permission | null; why?: string };

const action = (module: string, name: string, permission: Permission): EntryPoint => ({
  kind: "action",
  module,
  name,
  permission,
});

/** Doors that must work before anyone is signed in; each says why. */
const publicAction = (module: string, name: string, why: string): EntryPoint => ({
  kind: "action",
  module,
  name,
  permission: null,
  why,
});

export const SERVER_ACTIONS: EntryPoint[] = [
  action("lib/catalog/actions.ts", "createServiceAction", "service.create"),
  action("lib/catalog/actions.ts", "updateServiceAction", "service.update"),
  action("lib/catalog/actions.ts", "verifyServiceAction", "service.update"),
  action("lib/catalog/actions.ts", "archiveServiceAction", "service.update"),
  action("lib/catalog/actions.ts", "restoreServiceAction", "service.update"),
  action("lib/catalog/actions.ts", "addDependencyAction", "service.update"),
  action("lib/catalog/actions.ts", "removeDependencyAction", "service.update"),
  action("lib/catalog/bulk-actions.ts", "bulkVerifyAction", "service.update"),
  action("lib/catalog/bulk-actions.ts", "bulkTransferAction", "service.update_any"),
  action("lib/slo/actions.ts", "createSloAction", "slo.create"),
  action("lib/slo/actions.ts", "updateSloAction", "slo.update"),
  action("lib/slo/actions.ts", "addAdjustmentAction", "slo.adjust"),
  action("lib/slo/actions.ts", "removeAdjustmentAction", "slo.adjust"),
  action("lib/incidents/actions.ts", "declareIncidentAction", "incident.declare"),
  action("lib/incidents/actions.ts", "updateIncidentAction", "incident.update"),
  action("lib/incidents/actions.ts", "addIncidentNoteAction", "incident.update"),
  action("lib/incidents/actions.ts", "joinIncidentAction", "incident.update"),
  action("lib/incidents/actions.ts", "leaveIncidentAction", "incident.update"),
  action("lib/incidents/actions.ts", "majorIncidentsAction", "incident.read"),
  action("lib/incidents/actions.ts", "serviceIncidentsAction", "incident.read"),
  action("lib/incidents/postmortem-actions.ts", "createPostmortemAction", "postmortem.write"),
  action("lib/incidents/postmortem-actions.ts", "updatePostmortemAction", "postmortem.write"),
  action("lib/incidents/postmortem-actions.ts", "approvePostmortemAction", "postmortem.review"),
  action("lib/incidents/problem-actions.ts", "createProblemAction", "problem.manage"),
  action("lib/incidents/problem-actions.ts", "updateProblemAction", "problem.manage"),
  action("lib/incidents/problem-actions.ts", "linkProblemIncidentsAction", "problem.manage"),
  action("lib/incidents/problem-actions.ts", "unlinkProblemIncidentsAction", "problem.manage"),
  action("lib/incidents/problem-actions.ts", "acceptSuggestionAction", "problem.manage"),
  action("lib/incidents/problem-actions.ts", "dismissSuggestionAction", "problem.manage"),
  action("lib/incidents/action-item-actions.ts", "createActionItemAction", "action_item.manage"),
  action("lib/incidents/action-item-actions.ts", "updateActionItemAction", "action_item.manage"),
  action("lib/palette/actions.ts", "paletteSearchAction", "profile.read"),
  action("lib/catalog/suggest-action.ts", "suggestServicesAction", "catalog.read"),
  action("lib/catalog/team-choices-action.ts", "teamChoicesAction", "catalog.read"),
  action("lib/views/actions.ts", "saveViewAction", "view.manage_own"),
  action("lib/views/actions.ts", "deleteViewAction", "view.manage_own"),
  action("lib/views/actions.ts", "setCatalogColumnsAction", "view.manage_own"),
  action("lib/catalog/import-actions.ts", "previewImportAction", "service.create"),
  action("lib/catalog/import-actions.ts", "startImportAction", "service.create"),
  action("lib/catalog/import-actions.ts", "startConfirmedImportAction", "service.create"),
  action("lib/catalog/import-actions.ts", "importStatusAction", "service.create"),
  action("lib/catalog/locations/location-actions.ts", "registerLocationAction", "service.create"),
  action("lib/catalog/locations/location-actions.ts", "refreshLocationAction", "service.create"),
  action("lib/catalog/locations/location-actions.ts", "applyLocationAction", "service.create"),
  action("lib/catalog/locations/location-actions.ts", "deleteLocationAction", "service.create"),
  action("lib/admin/actions.ts", "createUserAction", "user.manage"),
  action("lib/admin/actions.ts", "updateUserAction", "user.manage"),
  action("lib/admin/actions.ts", "deactivateUserAction", "user.manage"),
  action("lib/admin/actions.ts", "reactivateUserAction", "user.manage"),
  action("lib/admin/actions.ts", "reissueInviteAction", "user.manage"),
  action("lib/admin/actions.ts", "createTeamAction", "team.manage"),
  action("lib/admin/actions.ts", "updateTeamAction", "team.manage"),
  action("lib/admin/actions.ts", "addTeamMemberAction", "team.manage"),
  action("lib/admin/actions.ts", "removeTeamMemberAction", "team.manage"),
  action("lib/auth/session-actions.ts", "endSessionAction", "session.manage_own"),
  action("lib/auth/session-actions.ts", "endOtherSessionsAction", "session.manage_own"),
  action("lib/auth/session-actions.ts", "endUserSessionsAction", "user.manage"),
  action("lib/auth/token-actions.ts", "createTokenAction", "token.manage_own"),
  action("lib/auth/token-actions.ts", "revokeTokenAction", "token.manage_own"),
  action("lib/webhooks/actions.ts", "createWebhookAction", "webhook.manage"),
  action("lib/webhooks/actions.ts", "updateWebhookAction", "webhook.manage"),
  action("lib/webhooks/actions.ts", "setWebhookEnabledAction", "webhook.manage"),
  action("lib/webhooks/actions.ts", "rotateWebhookSecretAction", "webhook.manage"),
  action("lib/webhooks/actions.ts", "sendTestWebhookAction", "webhook.manage"),
  action("lib/webhooks/actions.ts", "deleteWebhookAction", "webhook.manage"),
  publicAction("lib/auth/actions.ts", "loginAction", "signs a person in; throttled per account and address"),
  publicAction("lib/auth/actions.ts", "ssoAction", "starts single sign-on at the configured provider"),
  publicAction("lib/auth/actions.ts", "signOutAction", "ends the caller's own session, if any"),
  publicAction("lib/auth/actions.ts", "acceptInviteAction", "the one-time invite token is the credential"),
];

export const REST_ENTRY_POINTS: EntryPoint[] = ROUTES.map((route) => ({
  kind: "rest",
  method: route.method.toUpperCase(),
  path: `/api/v1${route.path}`,
  permission: route.permission,
  scope: PERMISSIONS[route.permission].scope,
}));

export const ENTRY_POINTS: EntryPoint[] = [...REST_ENTRY_POINTS, ...SERVER_ACTIONS];
