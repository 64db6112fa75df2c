// Every kind of alert, the one list the rest derives from: the registry must give each a rule, the
// e-mail preferences accept these and `Alert.rule` stores them. Client-safe (no database).
export const ALERT_KINDS = [
  "ENDPOINT_FAILING",
  "ENDPOINT_DISABLED",
  "DELIVERY_EXHAUSTED",
  "KEY_EXPIRING",
  "KEY_UNUSED",
  "KEY_NEW_IP",
  "USAGE_SPIKE",
  "ERROR_RATE",
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];
export const isAlertKind = (value: string): value is AlertKind => (ALERT_KINDS as readonly string[]).includes(value);
