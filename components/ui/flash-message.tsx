"use client";

import { useEffect } from "react";
import { SuccessMessage } from "./form-message";

/**
 * A one-time banner carried by a URL parameter (`?saved=1` after a redirect). The parameter
 * is taken out of the address at once without a reload, so the banner stays for now and is
 * gone at the next action's refresh, a reload or a shared link.
 */
export function FlashMessage({ param, message }: { param: string; message: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(param)) return;
    url.searchParams.delete(param);
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, [param]);
  return <SuccessMessage message={message} />;
}
