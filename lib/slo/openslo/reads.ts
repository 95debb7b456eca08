import { defineQuery } from "@/lib/query/define";
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
