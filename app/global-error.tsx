"use client";

/** Last resort when even the root layout fails; it must render its own document. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>Pharos is having trouble</h1>
        <p>Something failed while loading the page. Nothing you saved was lost.</p>
        <button type="button" onClick={() => reset()} style={{ padding: "0.5rem 1rem" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
