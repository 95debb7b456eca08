import { Icon } from "@/components/ui/icon";
import { type BlamelessHint, SOFT_RULES } from "@/lib/incidents/blameless";
import { plural } from "@/lib/plural";
import { cn } from "@/lib/utils";

/**
 * Wording hints under a postmortem field: advice, never a gate. The count sits in a live
 * region that is always rendered (a region added later is not announced); the list itself
 * is not live, so a screen reader hears "2 wording hints" rather than every hint per key.
 */
export function BlamelessHintList({
  id,
  hints,
  onSelect,
}: {
  id: string;
  hints: BlamelessHint[];
  onSelect?: (hint: BlamelessHint) => void;
}) {
  return (
    <div className="grid gap-1.5">
      <p id={id} aria-live="polite" className="pm-hint-count">
        {hints.length > 0 ? (
          <>
            <Icon name="i-info" />
            {plural(hints.length, { one: "wording hint", other: "wording hints" })}
            <span className="font-normal text-muted-foreground">· advice for a blameless read</span>
          </>
        ) : null}
      </p>
      {hints.length > 0 ? (
        <ul className="grid gap-1.5" data-testid={`${id}-list`}>
          {hints.map((hint) => (
            <li
              key={`${hint.index}-${hint.rule}`}
              className={cn("pm-hint", SOFT_RULES.has(hint.rule) && "pm-hint-soft")}
              data-rule={hint.rule}
            >
              <Icon name="i-info" />
              <div className="grid gap-0.5">
                <p>
                  {onSelect ? (
                    <button
                      type="button"
                      className="pm-hint-match"
                      onClick={() => onSelect(hint)}
                      title="Select this phrase in the text"
                    >
                      “{hint.match}”
                    </button>
                  ) : (
                    <span className="pm-hint-match">“{hint.match}”</span>
                  )}{" "}
                  {hint.message}
                </p>
                <p className="text-muted-foreground">
                  <span className="font-medium text-foreground">Try:</span> {hint.suggestion}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
