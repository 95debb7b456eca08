import type { IncomingMessage, ServerResponse } from "node:http";

export const NO_STORE: "no-store";
export const HSTS: string;
export const APPLIED_BY_SERVER: unique symbol;

export type SecuritySettings = {
  dev: boolean;
  formActionOrigins: string[];
};

export function createNonce(): string;
export function contentSecurityPolicy(options: {
  nonce: string;
  dev?: boolean;
  formActionOrigins?: string[];
}): string;
export function securityHeaders(options: {
  nonce: string;
  tls: boolean;
  dev?: boolean;
  formActionOrigins?: string[];
}): Record<string, string>;
export function securitySettings(env?: Record<string, string | undefined>): SecuritySettings;
export function setAll(target: Headers, values: Record<string, string>): Headers;
export function secureNodeExchange(
  req: IncomingMessage,
  res: ServerResponse,
  options: { settings: SecuritySettings; tls: boolean },
): string;
