import { z } from "zod";
import { optional, uuidField } from "@/lib/admin/schemas";
import { locationsAllowLoopback } from "@/lib/config/env";
import { line } from "@/lib/validation/text";
import { headerNameProblem, urlProblem } from "./url-policy";

/** The policy as configured now, read at parse time so tests can switch it per file. */
export const urlPolicy = () => ({ allowLoopback: locationsAllowLoopback() });

const urlField = line(2000, { label: "URL", required: "Enter the URL of a catalog-info.yaml." }).superRefine(
  (url, ctx) => {
    const problem = urlProblem(url, urlPolicy());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  },
);

const headerNameField = line(100, { label: "Header name" }).superRefine((name, ctx) => {
  const problem = headerNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Not trimmed by `line`'s rules alone: a token may not hold line breaks, which would split the request. */
const headerValueField = line(4096, { label: "Header value" });

export const registerLocationInput = z
  .object({
    url: urlField,
    headerName: optional(headerNameField),
    headerValue: optional(headerValueField),
  })
  .superRefine((v, ctx) => {
    if (v.headerValue && !v.headerName)
      ctx.addIssue({ code: "custom", path: ["headerName"], message: "Name the header the token goes in." });
    if (v.headerName && !v.headerValue)
      ctx.addIssue({ code: "custom", path: ["headerValue"], message: "Enter the header's value." });
  });

export const locationIdInput = z.object({ id: uuidField });

/** A checkbox arrives as "on", JSON as a boolean; anything else is a clear refusal. */
const confirmField = z.preprocess(
  (v) => (v === "on" || v === "true" ? true : v === undefined || v === "" || v === "false" ? false : v),
  z.boolean({ error: "confirmRemovals is true or false." }),
);

export const applyLocationInput = z.object({
  id: uuidField,
  confirmRemovals: confirmField.default(false),
  /** The held file's hash as the reviewer saw it: a newer held refresh is not applied unseen. */
  heldHash: optional(z.string().regex(/^[0-9a-f]{64}$/, "Not a held refresh's hash.")),
});
