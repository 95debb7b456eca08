import { serviceYamlRead } from "@/lib/catalog/api-reads";
import { download } from "@/lib/query/download";

/** One service as Backstage YAML, for the download link on its page. */
export const GET = download(serviceYamlRead, ({ slug }) => ({
  input: { slug },
  name: `${slug}.catalog-info.yaml`,
  type: "application/yaml; charset=utf-8",
}));
