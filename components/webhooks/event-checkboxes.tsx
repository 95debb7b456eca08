/** The event types a webhook subscribes to, one checkbox each with what it means. */
export function EventCheckboxes({
  events,
  chosen,
  error,
  idPrefix,
}: {
  events: { type: string; description: string }[];
  chosen: readonly string[];
  error?: string;
  idPrefix: string;
}) {
  return (
    <fieldset
      className="grid min-w-0 gap-2"
      aria-describedby={error ? `${idPrefix}-events-error` : undefined}
    >
      <legend className="mb-1 text-sm font-medium">Events</legend>
      {events.map((e) => (
        <div key={e.type} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            id={`${idPrefix}-${e.type}`}
            name="events[]"
            value={e.type}
            defaultChecked={chosen.includes(e.type)}
            className="mt-0.5 size-4 shrink-0 accent-primary"
            aria-describedby={`${idPrefix}-${e.type}-hint`}
            data-testid={`event-${e.type}`}
          />
          <div className="min-w-0">
            <label htmlFor={`${idPrefix}-${e.type}`} className="font-mono text-xs font-medium break-all">
              {e.type}
            </label>
            <p id={`${idPrefix}-${e.type}-hint`} className="text-xs text-muted-foreground">
              {e.description}
            </p>
          </div>
        </div>
      ))}
      {error ? (
        <p
          id={`${idPrefix}-events-error`}
          className="text-xs font-medium text-destructive"
          data-testid="error-events"
        >
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
