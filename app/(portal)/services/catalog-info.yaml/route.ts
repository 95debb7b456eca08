import { catalogYamlRead } from "@/lib/catalog/api-reads";
import { download } from "@/lib/query/download";

/** The whole live catalog as Backstage YAML, for the catalog page's download link. */
export const GET = download(catalogYamlRead, () => ({
  input: {},
  name: "catalog-info.yaml",
  type: "application/yaml; charset=utf-8",
}));
