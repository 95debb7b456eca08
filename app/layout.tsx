import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

// Single quotes and only # escaped: a data URI needs no more, and it is sent twice per page.
const FAVICON_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='7' fill='%233b4cb8'/><path d='M16 5l3 6h-6zM13.5 12h5l1.5 15h-8z' fill='%23fff'/><path d='M19 8l9-3v6z' fill='%23fcd34d' opacity='.9'/></svg>";

// No app/global-error.tsx: it would be one more chunk on every first visit, for the case
// where this layout itself fails; Next's built-in page covers that, and app/(portal)/error.tsx
// every page's own errors.
export const metadata: Metadata = {
  title: { default: "Pharos", template: "%s · Pharos" },
  description:
    "Reliability operations portal: services, SLOs, incidents, changes and onboarding in one place.",
  // Inline, so a first visit does not spend one of its few requests on a 250-byte icon;
  // public/favicon.svg stays for browsers and tools that ask for it by path.
  icons: { icon: `data:image/svg+xml,${FAVICON_SVG}` },
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
