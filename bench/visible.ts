/**
 * Time until a write is visible to readers. Pharos: a PATCH through its API, then reads until
 * the new value shows. Backstage has no write API for file-located entities: the entity's YAML
 * file is rewritten, as a commit to a catalog repository would, and read by name until the
 * change shows, which waits for its processing loop to come round to the location again.
 */
import fs from "node:fs";
import path from "node:path";
import type { KeepAliveClient } from "./clients";
import { entityFile } from "./peer/backstage";
import { sleep } from "./processes";
import { median } from "./stats";

/** Median over `trials` of PATCH-then-read until visible, in ms. */
export async function visibleInPharos(
  client: KeepAliveClient,
  bearer: Record<string, string>,
  slug: string,
  trials: number,
): Promise<number> {
  const samples: number[] = [];
  for (let t = 0; t < trials; t++) {
    const description = `Visible write ${t} ${Date.now()}`;
    const started = performance.now();
    const res = await fetch(new URL(`/api/v1/services/${slug}`, client.base), {
      method: "PATCH",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({ description }),
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status !== 200) throw new Error(`PATCH /api/v1/services/${slug} answered ${res.status}`);
    await res.arrayBuffer();
    for (;;) {
      const answer = await client.get({ path: `/api/v1/services/${slug}`, headers: bearer });
      if (
        answer.status === 200 &&
        (JSON.parse(answer.body) as { description: string }).description === description
      )
        break;
      if (performance.now() - started > 10_000) throw new Error("a Pharos write was not visible within 10 s");
    }
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Rewrites the entity's file with a new description; ms until the API shows it, or null past the timeout. */
export async function visibleInBackstage(
  client: KeepAliveClient,
  entitiesDir: string,
  name: string,
  timeoutSeconds: number,
): Promise<number | null> {
  const file = path.join(entitiesDir, entityFile({ kind: "Component", name }));
  const description = `Visible write ${Date.now()}`;
  const yaml = fs.readFileSync(file, "utf8");
  if (!/^ {2}description: .*$/m.test(yaml)) throw new Error(`${file} has no description line`);
  fs.writeFileSync(
    file,
    yaml.replace(/^ {2}description: .*$/m, `  description: ${JSON.stringify(description)}`),
  );
  const started = performance.now();
  while (performance.now() - started < timeoutSeconds * 1000) {
    const answer = await client.get({ path: `/api/catalog/entities/by-name/component/default/${name}` });
    if (
      answer.status === 200 &&
      (JSON.parse(answer.body) as { metadata: { description?: string } }).metadata.description === description
    )
      return performance.now() - started;
    await sleep(500);
  }
  return null;
}
