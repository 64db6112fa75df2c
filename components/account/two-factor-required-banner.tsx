import Link from "next/link";

/** Why the user was sent here (a property requires 2FA to manage API access), and the way back once it is on. */
export function TwoFactorRequiredBanner({ enabled, returnTo }: { enabled: boolean; returnTo: string | null }) {
  if (enabled) {
    return (
      <div role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        Two-factor authentication is on: you can manage API access again.
        {returnTo ? (
          <>
            {" "}
            <Link href={returnTo} className="font-medium underline">
              Go back to where you were
            </Link>
          </>
        ) : null}
      </div>
    );
  }
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">Two-factor authentication is required</p>
      <p className="mt-1">
        A property you belong to requires it for members who manage API keys, webhooks or the team, so that a stolen password alone cannot
        reach them. Set it up below; afterwards you go straight back to what you were doing.
      </p>
    </div>
  );
}
