import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Pharos", template: "%s · Pharos" },
  description:
    "Reliability operations portal: services, SLOs, incidents, changes and onboarding in one place.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#14161f" },
  ],
};

/**
 * Reading the request's headers makes every page render per request, which a script nonce
 * needs: a page prerendered at build time would carry no nonce and its scripts would be
 * refused. The nonce comes from the server or the proxy (lib/http/security-headers.mjs).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
