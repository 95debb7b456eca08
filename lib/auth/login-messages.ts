import { plural } from "@/lib/plural";

/** One message for a wrong password and an unknown email, so neither reveals which accounts exist. */
export function loginErrorMessage(code: string | undefined): string {
  if (code?.startsWith("rate_limited:")) {
    const seconds = Number(code.split(":")[1]);
    const wait =
      seconds >= 120
        ? `${Math.ceil(seconds / 60)} minutes`
        : plural(seconds, { one: "second", other: "seconds" });
    return `Too many failed sign-in attempts. Try again in ${wait}.`;
  }
  if (code === "deactivated") return "This account has been deactivated. Ask an admin to reactivate it.";
  return "Email or password is incorrect.";
}

/** Errors Auth.js and our sign-in callback put in `/login?error=…`. */
export function loginPageError(code: string | undefined): string | undefined {
  switch (code) {
    case undefined:
      return undefined;
    case "deactivated":
      return "This account has been deactivated. Ask an admin to reactivate it.";
    case "sso_no_email":
      return "Your identity provider did not share an email address, which Pharos needs to sign you in.";
    case "sso_unverified_email":
      return "Your identity provider has not verified your email address, and a Pharos account already uses it. Verify the address with your provider, or sign in with your password.";
    case "sso_identity_conflict":
      return "Your email address belongs to a Pharos account that is linked to another single sign-on identity. Ask an admin to check your account.";
    case "AccessDenied":
    case "sso_failed":
      return "Single sign-on did not complete. Try again, or ask an admin to check the SSO settings.";
    case "Configuration":
      return "Sign-in is misconfigured on the server. An admin should check the logs.";
    default:
      return "Sign-in did not complete. Try again.";
  }
}
