import { ActionButton } from "@/components/ui/action-button";
import { endOtherSessionsAction } from "@/lib/auth/session-actions";
import { plural, pluralWord } from "@/lib/plural";

/** "End all other sessions": keeps the one in use, which the server knows from the cookie. */
export function SessionEndOthers({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <ActionButton
      action={endOtherSessionsAction}
      fields={{}}
      label={`End all other sessions (${count})`}
      variant="destructive"
      confirm={{
        title: `End ${plural(count, { one: "other session", other: "other sessions" })}?`,
        description: `${pluralWord(count, { one: "That browser is", other: "Those browsers are" })} signed out at once.`,
      }}
      testId="end-other-sessions"
    />
  );
}
