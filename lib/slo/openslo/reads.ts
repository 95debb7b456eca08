import { z } from "zod";
import { defineQuery } from "@/lib/query/define";
import { sloDetail } from "../queries";
import { toOpenSloYaml } from "./export";
import { openSloFileInput } from "./input";
import { planOpenSloImport } from "./plan";
import { toReport } from "./report";

/**
 * What importing an OpenSLO file would do, written nowhere. It asks the permission the
 * import needs: whoever may not create SLOs learns nothing from previewing.
 */
export const openSloPreviewRead = defineQuery({
  name: "slo.openslo_preview",
  permission: "slo.create",
  input: openSloFileInput,
  async run({ db, actor }, { yaml: docs }) {
    return toReport(await planOpenSloImport(db, actor, docs), true);
  },
});

/** One SLO as OpenSLO v1 YAML, for the download link on its page (and the REST route's twin). */
export const sloOpenSloRead = defineQuery({
  name: "slo.openslo_yaml",
  permission: "slo.read",
  input: z.object({ id: z.uuid("Not an SLO id.") }),
  async run({ db }, { id }) {
    const slo = await sloDetail(db, id);
    return slo ? toOpenSloYaml({ id: slo.id, service: slo.service.slug, definition: slo.definition }) : null;
  },
});
