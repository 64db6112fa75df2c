"use client";

import { OneTimeSecret } from "@/components/ui/one-time-secret";
import type { IssuedKey } from "@/lib/api-keys/create-api-key";

/** The one and only time a key's plaintext is shown; closes only by its own button. */
export function IssuedKeys({ keys, onStored }: { keys: IssuedKey[]; onStored: () => void }) {
  const many = keys.length > 1;
  return (
    <OneTimeSecret
      notice={`Copy ${many ? "these keys" : "this key"} now and store ${many ? "them" : "it"} in a secret manager. For your security we show ${many ? "them" : "it"} only once; afterwards you will see only the last four characters.`}
      secrets={keys.map((key) => {
        const mode = key.mode === "LIVE" ? "live" : "test";
        return {
          label: key.mode === "LIVE" ? "Live key" : "Test key",
          value: key.key,
          testId: `issued-key-${key.mode.toLowerCase()}`,
          copyLabel: `Copy ${mode} key`,
        };
      })}
      onStored={onStored}
    />
  );
}
