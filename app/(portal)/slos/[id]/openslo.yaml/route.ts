import { download } from "@/lib/query/download";
import { sloOpenSloRead } from "@/lib/slo/openslo/reads";

/** One SLO as OpenSLO v1 YAML, for the download link on its page. */
export const GET = download(sloOpenSloRead, ({ id }) => ({
  input: { id },
  name: `slo-${id}.openslo.yaml`,
  type: "application/yaml; charset=utf-8",
}));
