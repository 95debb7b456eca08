import type { Route } from "../define-route";
import { actionItemRoutes } from "./action-items";
import { catalogRoutes } from "./catalog";
import { catalogLocationRoutes } from "./catalog-locations";
import { incidentRoutes } from "./incidents";
import { openSloRoutes } from "./openslo";
import { peopleRoutes } from "./people";
import { postmortemRoutes } from "./postmortems";
import { problemRoutes } from "./problems";
import { sloRoutes } from "./slos";
import { webhookRoutes } from "./webhooks";

/**
 * The route table: every REST route Pharos has, declared once. The router serves it, the
 * OpenAPI document is generated from it, and the authorisation test walks it.
 */
export const ROUTES: readonly Route[] = [
  ...catalogRoutes,
  ...catalogLocationRoutes,
  ...peopleRoutes,
  ...sloRoutes,
  ...incidentRoutes,
  ...postmortemRoutes,
  ...problemRoutes,
  ...actionItemRoutes,
  ...webhookRoutes,
  ...openSloRoutes,
];
