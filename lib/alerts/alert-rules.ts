// The conditions a property manager is told about, with the words the bell, the e-mail settings and
// the mails use. Client-safe (no database): the preferences form lists these.
export const ALERT_RULES = {
  ENDPOINT_FAILING: {
    label: "A webhook endpoint is failing",
    hint: "Three attempts in a row failed, or it has been failing for 15 minutes",
  },
  ENDPOINT_DISABLED: { label: "A webhook endpoint was disabled", hint: "It answered 410 Gone, or every delivery failed for 5 days" },
  DELIVERY_EXHAUSTED: { label: "Webhook deliveries gave up", hint: "A delivery failed its last retry" },
  KEY_EXPIRING: { label: "An API key expires soon", hint: "Within 7 days" },
  KEY_UNUSED: { label: "An API key is unused", hint: "No request for 90 days" },
  KEY_NEW_IP: { label: "An API key was used from a new address", hint: "An address it had never been used from" },
  USAGE_SPIKE: { label: "An API key's usage spiked", hint: "At least 10 times its hourly median" },
  ERROR_RATE: { label: "An API key's requests are failing", hint: "Over 20 % errors for 15 minutes" },
} as const;

export type AlertRule = keyof typeof ALERT_RULES;
export const ALERT_RULE_NAMES = Object.keys(ALERT_RULES) as [AlertRule, ...AlertRule[]];
export const isAlertRule = (value: string): value is AlertRule => Object.hasOwn(ALERT_RULES, value);
