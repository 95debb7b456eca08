import { z } from "zod";
import { ROLES } from "@/db/schema/enums";
import { PASSWORD_RULES } from "@/lib/auth/password";
import { line, paragraph } from "@/lib/validation/text";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email({ message: "Enter a valid email address." }));

export const nameField = line(120, { label: "Name", required: "Name is required." });

/** A team's (or any entity's) free-text description: several lines allowed, empty by default. */
export const descriptionField = paragraph(2000, { label: "Description" }).default("");

export const roleField = z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}.` });

export const passwordField = z
  .string()
  .min(PASSWORD_RULES.min, `Password must be at least ${PASSWORD_RULES.min} characters.`)
  .max(PASSWORD_RULES.max, `Password must be at most ${PASSWORD_RULES.max} characters.`);

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Slug must be at least 2 characters.")
  .max(63, "Slug must be at most 63 characters.")
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "Use lowercase letters, digits and single hyphens (e.g. payments-api).",
  );

/** Empty form fields arrive as "", which means "not given". */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const uuidField = z.uuid({ message: "Not a valid id." });

/** Checkbox groups and multi-selects arrive as one string or many. */
export const stringList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(line(200, { required: "Must not be empty." })).max(50),
);
