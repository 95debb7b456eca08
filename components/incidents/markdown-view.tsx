import type { ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils";

/**
 * rehype-sanitize's GitHub schema prefixes every id with "user-content-" (against DOM
 * clobbering), so in-page links get the same prefix, as GitHub's own script does; ids are
 * left unprefixed before it (remark-rehype's `clobberPrefix: ""`) so they are not prefixed twice.
 */
const ID_PREFIX = "user-content-";

function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

function MarkdownLink({ node: _node, href, ...props }: ComponentProps<"a"> & { node?: unknown }) {
  if (href?.startsWith("#")) return <a {...props} href={`#${ID_PREFIX}${href.slice(1)}`} />;
  const external = href ? isExternal(href) : false;
  return <a {...props} href={href} rel="noreferrer noopener" target={external ? "_blank" : undefined} />;
}

/** A wide table scrolls inside its own box instead of widening the page on a phone. */
function MarkdownTable({ node: _node, ...props }: ComponentProps<"table"> & { node?: unknown }) {
  return (
    <div className="prose-pm-table">
      <table {...props} />
    </div>
  );
}

const components: Components = { a: MarkdownLink, table: MarkdownTable };
const remarkPlugins = [remarkGfm];
const rehypePlugins = [rehypeSanitize];
const remarkRehypeOptions = { clobberPrefix: "" };

/**
 * Postmortem Markdown (GitHub-flavoured: tables, task lists, footnotes, autolinks), rendered
 * without raw HTML and sanitised with GitHub's schema. No hooks and no "use client", so a
 * server component and a client preview render the same markup.
 */
export function MarkdownView({ source, className }: { source: string; className?: string }) {
  return (
    <div className={cn("prose-pm", className)}>
      <Markdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        remarkRehypeOptions={remarkRehypeOptions}
        components={components}
      >
        {source}
      </Markdown>
    </div>
  );
}
