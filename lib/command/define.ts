import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import type { AuditInput } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

export type CommandContext = {
  tx: Tx;
  actor: Actor;
  /** Records an audit row in this transaction; `action` defaults to the command's name. */
  audit: (entry: Omit<AuditInput, "action"> & { action?: string }) => Promise<void>;
  /**
   * Declares that this run changed nothing (a PATCH with nothing new, revoking a revoked
   * token): the command then needs no audit row. It must not have written anything.
   */
  unchanged: () => void;
};

export type Command<S extends z.ZodType, R> = {
  name: string;
  permission: Permission;
  input: S;
  run: (ctx: CommandContext, input: z.output<S>) => Promise<R>;
  /**
   * Preparation that must not hold the write's locks (making a partition the write needs),
   * run once the caller is allowed and the input parsed, before the transaction. It must be
   * idempotent and leave no data behind that needs an audit.
   */
  beforeTransaction?: (db: Db, input: z.output<S>) => Promise<void>;
  /**
   * Housekeeping that cannot run inside a transaction (VACUUM), done once the write has
   * committed. It must not change data: a failure here is logged, and the command still
   * succeeded.
   */
  afterCommit?: (db: Db, result: R) => Promise<void>;
};

/**
 * Declares a write. The command itself only states its permission, its input schema and
 * what it does; `executeCommand` supplies the caller check, parsing, transaction and audit.
 */
export function defineCommand<S extends z.ZodType, R>(command: Command<S, R>): Command<S, R> {
  return command;
}

export type CommandInput<C> = C extends Command<infer S, unknown> ? z.input<S> : never;
