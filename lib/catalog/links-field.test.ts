import { describe, expect, it } from "vitest";
import { updateServiceInput } from "./schemas";

const links = (value: unknown) => updateServiceInput.safeParse({ slug: "ledger", links: value });

describe("a service's links as the form and the API send them", () => {
  it("reads the form's rows (JSON text), the API's array and the older lines alike", () => {
    const rows = [{ title: "Latency | p99", url: "https://grafana.example.com/d/x", kind: "dashboard" }];
    expect(links(JSON.stringify(rows)).data?.links).toEqual(rows);
    expect(links(rows).data?.links).toEqual(rows);
    expect(links("Docs | https://wiki.example.com/x | docs").data?.links).toEqual([
      { title: "Docs", url: "https://wiki.example.com/x", kind: "docs" },
    ]);
    expect(links("[]").data?.links).toEqual([]);
  });

  it("names the row and the part that is wrong", () => {
    const result = links(
      JSON.stringify([
        { title: "Ok", url: "https://x.example.com" },
        { title: "", url: "ftp://x" },
      ]),
    );
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["links.1.title", "links.1.url"]);
  });

  it("treats text that only looks like JSON as one link line, and refuses it", () => {
    expect(links("[not json").success).toBe(false);
  });
});
