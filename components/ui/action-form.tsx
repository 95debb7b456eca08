"use client";

import { type ComponentProps, startTransition } from "react";

/**
 * A form whose server action does not reset the fields afterwards. React resets a
 * `<form action>` after every submission, which empties selects and undoes what a
 * person typed when the server answers with field errors; dispatching the action from
 * `onSubmit` keeps their input exactly as it was.
 */
export function ActionForm({
  action,
  ...props
}: Omit<ComponentProps<"form">, "action" | "onSubmit"> & { action: (formData: FormData) => void }) {
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
    />
  );
}
