import type { PostmortemSection } from "@/db/schema/incidents";
import type { PostmortemDetail } from "@/lib/incidents/postmortem-queries";
import { MarkdownView } from "./markdown-view";

type Props = {
  postmortem: Pick<PostmortemDetail, PostmortemSection | "links">;
  sections: { key: PostmortemSection; label: string }[];
};

/**
 * The postmortem as a reader meets it: each written section under its heading, rendered
 * from Markdown; sections left empty are left out rather than shown as blanks.
 */
export function PostmortemReadView({ postmortem: pm, sections }: Props) {
  const written = sections.filter((s) => pm[s.key].trim());
  return (
    <article className="grid gap-8" data-testid="postmortem-read">
      {written.map((s) => (
        <section key={s.key} aria-labelledby={`pm-${s.key}`} className="grid gap-2">
          <h2 id={`pm-${s.key}`} className="text-base font-semibold tracking-tight">
            {s.label}
          </h2>
          <MarkdownView source={pm[s.key]} />
        </section>
      ))}
      {written.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing has been written yet.</p>
      ) : null}
      {pm.links.length ? (
        <section aria-labelledby="pm-links" className="grid gap-2">
          <h2 id="pm-links" className="text-base font-semibold tracking-tight">
            Supporting links
          </h2>
          <ul className="grid gap-1 text-sm">
            {pm.links.map((l) => (
              <li key={`${l.label}-${l.url}`}>
                <a
                  href={l.url}
                  className="text-primary underline break-all"
                  rel="noreferrer noopener"
                  target="_blank"
                >
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
