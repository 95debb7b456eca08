import { z } from "zod";
import { slugParam } from "@/lib/api/params";
import { defineQuery } from "@/lib/query/define";
import { listProblems, openSuggestions, problemDetail } from "./problem-queries";
import { problemStateField } from "./problem-schemas";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const listProblemsInput = z.object({
  state: optional(z.union([problemStateField, z.literal("open")])).describe(
    "a state, or `open` for all but resolved and risk accepted",
  ),
  service: optional(slugParam).describe("the problem's service"),
  q: optional(z.string().trim().max(200)).describe("title words, or a number such as PRB-7"),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});

export const listProblemsRead = defineQuery({
  name: "problem.list",
  permission: "incident.read",
  input: listProblemsInput,
  run: ({ db }, { page, ...filter }) => listProblems(db, filter, page),
});

export const problemRead = defineQuery({
  name: "problem.read",
  permission: "incident.read",
  input: z.object({ id: z.uuid("Not a problem id.") }),
  run: ({ db }, { id }) => problemDetail(db, id),
});

export const listSuggestionsInput = z.object({ service: optional(slugParam) });

/** Open problem suggestions: patterns Pharos found that nobody has accepted or dismissed yet. */
export const openSuggestionsRead = defineQuery({
  name: "problem.suggestions",
  permission: "incident.read",
  input: listSuggestionsInput,
  run: async ({ db }, filter) => ({ items: await openSuggestions(db, filter) }),
});
