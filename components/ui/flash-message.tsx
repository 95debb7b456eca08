"use client";

import { useEffect, useState } from "react";
import { SuccessMessage } from "./form-message";

/**
 * A one-time banner carried by a URL parameter (`?saved=1` after a redirect). The parameter
 * is taken out of the address at once (a reload or a shared link does not repeat it), and
 * the banner goes as soon as the person does the next thing on the page (any form sent).
 */
export function FlashMessage({ param, message }: { param: string; message: string }) {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.has(param)) {
      url.searchParams.delete(param);
      window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    }
    const hide = () => setShown(false);
    document.addEventListener("submit", hide, true);
    return () => document.removeEventListener("submit", hide, true);
  }, [param]);
  return shown ? <SuccessMessage message={message} /> : null;
}
