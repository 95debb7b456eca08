import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * The extensions the migrations create, loaded into every embedded database (the app's, the
 * tests' and their template): PGlite ships contrib modules as code that must be handed to
 * it, where PostgreSQL finds them installed. pg_trgm and fuzzystrmatch: similar-name search
 * for typos.
 */
export const PGLITE_EXTENSIONS = { pg_trgm, fuzzystrmatch };
