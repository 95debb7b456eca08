import type { IncomingMessage } from "node:http";

/** The proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` Pharos believes; see parseTrustedProxies. */
export type TrustedProxies = readonly (
  | { net: unknown; bits: number }
  | { named: "loopback" | "linkLocal" | "uniqueLocal" | "private" }
)[];

export function parseTrustedProxies(spec: string | undefined): TrustedProxies;
export function normalizeAddress(raw: string | null | undefined): string | null;
export function isTrustedProxy(address: string | null | undefined, trusted: TrustedProxies): boolean;
export function forwardedChain(header: string | readonly string[] | null | undefined): string[];
export function clientAddress(input: {
  socket: string | null | undefined;
  forwardedFor?: string | readonly string[] | null;
  trusted: TrustedProxies;
}): string | null;
export function requestIsHttps(input: {
  authUrl?: string | null;
  socket: string | null | undefined;
  forwardedProto?: string | readonly string[] | null;
  trusted: TrustedProxies;
}): boolean;
export function throttleAddress(address: string | null | undefined): string | null;
export const CLIENT_ADDRESS_HEADER: "x-pharos-client-address";
export const CLIENT_HTTPS_HEADER: "x-pharos-client-https";
export const STAMPED_BY_SERVER: unique symbol;
export function stampClientFacts(
  req: IncomingMessage,
  options: { trusted: TrustedProxies; authUrl?: string },
): { address: string | null; https: boolean; fromTrustedProxy: boolean };
