"use client";

import { useActionState, useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PostmortemSection, PostmortemStatus } from "@/db/schema/incidents";
import { updatePostmortemAction } from "@/lib/incidents/postmortem-actions";
import { MarkdownField } from "./markdown-field";
import {
  type ComparedPostmortem,
  PostmortemConflictPanel,
  type PostmortemText,
  postmortemText,
  sentText,
} from "./postmortem-conflict-panel";
import { PostmortemLinksField } from "./postmortem-links-field";

type Props = {
  postmortem: ComparedPostmortem & { id: string; incidentId: string; status: PostmortemStatus };
  sections: { key: PostmortemSection; label: string; help: string }[];
  /** The incident's people: their names in the root causes get a wording hint. */
  people: string[];
  /** Reviewers who have not approved yet, by name. */
  waiting: string[];
};

/**
 * The postmortem's write-up, saved against the version it was opened at (as the incident
 * form is). "Send for review", "Back to draft" and "Publish" send the text with the move,
 * so nothing typed is lost by moving on; the server checks what each move needs.
 */
export function PostmortemEditor({ postmortem: pm, sections, people, waiting }: Props) {
  const [state, dispatch, pending] = useActionState(updatePostmortemAction, {});
  const [rebased, setRebased] = useState(0);
  const [sent, setSent] = useState<PostmortemText>({});
  const [clicked, setClicked] = useState<PostmortemStatus | "save">("save");
  const move = useRef<PostmortemStatus | null>(null);
  // The page's version moves on after each save; a rebase onto someone else's moves it too.
  const version = Math.max(pm.version, rebased);
  const keys = sections.map((s) => s.key);
  const labels = {
    ...Object.fromEntries(sections.map((s) => [s.key, s.label])),
    links: "Supporting links",
    reviewers: "Reviewers",
    dueOn: "Due",
  };
  const err = state.fieldErrors ?? {};
  const current = (state.data as { current?: ComparedPostmortem | null } | undefined)?.current ?? null;
  const stale = state.ok === false && current !== null && current.version !== version;
  const press = (to: PostmortemStatus | null) => () => {
    move.current = to;
    setClicked(to ?? "save");
  };
  const button = (to: PostmortemStatus | "save") => ({
    pending: pending && clicked === to,
    disabled: pending,
  });

  return (
    <ActionForm
      action={(fd) => {
        if (move.current) fd.set("status", move.current);
        move.current = null;
        setSent(sentText(fd, keys));
        dispatch(fd);
      }}
      className="grid gap-6"
      noValidate
      data-testid="postmortem-editor"
    >
      <input type="hidden" name="id" value={pm.id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="incidentId" value={pm.incidentId} />
      <FormMessage state={stale ? { ok: false, error: state.error } : state} />
      {stale && current ? (
        <PostmortemConflictPanel
          version={current.version}
          theirs={postmortemText(current, keys)}
          mine={sent}
          labels={labels}
          onRebase={() => setRebased(current.version)}
        />
      ) : null}
      {sections.map((s) => (
        <MarkdownField
          key={s.key}
          name={s.key}
          label={s.label}
          help={s.help}
          section={s.key}
          people={people}
          defaultValue={pm[s.key]}
          error={err[s.key]}
          rows={s.key === "summary" || s.key === "lucky" ? 4 : 6}
        />
      ))}
      <PostmortemLinksField defaultValue={pm.links} errors={err} />
      <div className="grid items-start gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <Field id="pm-due" label="Due" error={err.dueOn}>
          {(p) => <Input {...p} name="dueOn" type="date" defaultValue={pm.dueOn ?? ""} />}
        </Field>
        <Field
          id="pm-reviewers"
          label="Reviewers (emails)"
          error={err.reviewers}
          hint="Everyone named approves before it is published. Separate with commas."
        >
          {(p) => (
            <Input
              {...p}
              name="reviewers"
              defaultValue={pm.reviewers.map((r) => r.email).join(", ")}
              placeholder="ada@example.com, lin@example.com"
            />
          )}
        </Field>
      </div>
      <div className="grid gap-2 border-t pt-4">
        <div className="flex flex-wrap items-center gap-2">
          {pm.status === "draft" ? (
            <>
              <SubmitButton variant="outline" onClick={press(null)} {...button("save")} data-testid="pm-save">
                Save draft
              </SubmitButton>
              <SubmitButton
                onClick={press("in_review")}
                {...button("in_review")}
                data-testid="pm-send-review"
              >
                Send for review
              </SubmitButton>
            </>
          ) : (
            <>
              <SubmitButton variant="outline" onClick={press(null)} {...button("save")} data-testid="pm-save">
                Save changes
              </SubmitButton>
              <SubmitButton
                variant="ghost"
                onClick={press("draft")}
                {...button("draft")}
                data-testid="pm-back-to-draft"
              >
                Back to draft
              </SubmitButton>
              <SubmitButton
                onClick={press("published")}
                {...button("published")}
                disabled={pending || waiting.length > 0}
                data-testid="pm-publish"
              >
                Publish
              </SubmitButton>
            </>
          )}
        </div>
        <p className="text-xs text-muted-foreground" data-testid="pm-next-step">
          {pm.status === "draft"
            ? "Review needs a summary, the root causes and at least one reviewer."
            : waiting.length
              ? `Publish once every reviewer has approved; waiting for ${waiting.join(", ")}. Saving new text asks them to approve again.`
              : "Every reviewer has approved: publish to share it and let the incident close. Saving new text first asks them to approve again."}
        </p>
      </div>
    </ActionForm>
  );
}
