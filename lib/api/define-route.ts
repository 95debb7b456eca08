import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import type { Command } from "@/lib/command/define";
import { executeCommand } from "@/lib/command/execute";
import type { Query } from "@/lib/query/define";
import { JsonText } from "@/lib/query/json-text";
import { runQuery } from "@/lib/query/run";
import { errorResponse } from "./errors";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * What a route's handler is given: the caller is already authenticated and allowed. Path
 * and query parameters arrive as the strings they were sent as; the route's `params` and
 * `query` schemas are the input schemas of the query or command it binds to, which parse
 * them (one validation, with that command's or query's messages).
 */
export type RouteRequest<B = unknown> = {
  actor: Actor;
  params: Record<string, string>;
  query: Record<string, string>;
  body: B;
  request: Request;
};

/**
 * A request body: `object` is a JSON object (anything else is a 400 before the handler),
 * `text` is raw text of `mediaType` (a YAML import). The schema documents it; the command
 * the route binds to validates it, so there is one validation, with the command's messages.
 */
export type BodySpec = {
  kind: "object" | "text";
  schema: z.ZodType;
  /** Bodies are read only after the caller is allowed, and never past this many bytes. */
  maxBytes: number;
  mediaType?: string;
  description?: string;
};

export type ResponseSpec = {
  description: string;
  schema?: z.ZodType;
  mediaType?: string;
  headers?: string[];
};

/** One row of the route table: everything the router, the OpenAPI document and the authorisation test need. */
export type Route = {
  method: Method;
  /** OpenAPI style, relative to /api/v1: `/services/{slug}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Checked before the body is read or any query runs; the token scope follows from it. */
  permission: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: BodySpec;
  responses: Record<number, ResponseSpec>;
  handle: (req: RouteRequest) => Promise<Response>;
};

type Common = {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  responses: Record<number, ResponseSpec>;
};

/** A read: the route names a query; its permission is the query's. */
export function readRoute<S extends z.ZodType, R>(
  spec: Common & {
    read: Query<S, R>;
    input: (req: RouteRequest<undefined>) => unknown;
    /** How the data is sent; JSON by default. */
    respond?: (data: NonNullable<R>, req: RouteRequest<undefined>) => Response | Promise<Response>;
  },
): Route {
  const { read, input, respond, ...rest } = spec;
  return {
    ...rest,
    permission: read.permission,
    async handle(req) {
      const typed = req as RouteRequest<undefined>;
      const result = await runQuery(read, typed.actor, input(typed));
      if (!result.ok) return errorResponse(result);
      return respond ? respond(result.data, typed) : json(result.data);
    },
  };
}

/** A write: the route names a command; its permission is the command's. */
export function writeRoute<S extends z.ZodType, R>(
  spec: Common & {
    write: Command<S, R>;
    body?: BodySpec;
    input: (req: RouteRequest) => unknown;
    status?: number;
    respond?: (data: R, req: RouteRequest) => Response | Promise<Response>;
  },
): Route {
  const { write, input, respond, status = 200, ...rest } = spec;
  return {
    ...rest,
    permission: write.permission,
    async handle(req) {
      const typed = req;
      const result = await executeCommand(write, typed.actor, input(typed));
      if (!result.ok) return errorResponse(result);
      return respond ? respond(result.data, typed) : json(result.data, status);
    },
  };
}

/** The JSON text of a response made by `json`, so compressAnswers need not read the body back. */
export const JSON_TEXT = Symbol("pharos.api.jsonText");

/**
 * Authenticated answers are never stored by a shared cache. The body is a string with its
 * length stated: the Node adapter writes it in one go, and a small one skips compression
 * without being read back (Response.json would build a stream for every answer).
 */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  // JSON the database wrote is sent as it is (see JsonText).
  const text = body instanceof JsonText ? body.text : JSON.stringify(body);
  const response = new Response(text, {
    status,
    headers: {
      ...headers,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(text)),
      "cache-control": "no-store",
    },
  });
  (response as unknown as Record<symbol, string>)[JSON_TEXT] = text;
  return response;
}

/** The body (a JSON object) with the path's identifiers laid over it. */
export function withPath(body: unknown, path: Record<string, string>): Record<string, unknown> {
  return { ...(body as Record<string, unknown>), ...path };
}
