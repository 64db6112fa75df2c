// The permissions an API key can carry. A write scope implies its read scope; full_access:read implies
// every read scope and full_access:write implies everything.
export const SCOPES = [
  { id: "full_access:read", label: "Full access – read", description: "Read everything this API offers" },
  { id: "full_access:write", label: "Full access – edit", description: "Read and write everything this API offers" },
  { id: "property:read", label: "Property – read", description: "Property and organization details" },
  { id: "reservations:read", label: "Reservations – read", description: "Reservations, dates, status and guest counts" },
  { id: "reservations:write", label: "Reservations – edit", description: "Create, change and cancel reservations" },
  { id: "reservation_accesses:read", label: "Reservation accesses – read", description: "Door lock names and PIN codes of stays" },
  {
    id: "reservation_accesses:write",
    label: "Reservation accesses – edit",
    description: "Issue and revoke door access codes of stays",
  },
  { id: "rooms:read", label: "Rooms – read", description: "Rooms, their capacity and status, and their free nights" },
  { id: "payments:read", label: "Payments – read", description: "Payments of stays and their refunds" },
  { id: "payments:write", label: "Payments – edit", description: "Record payments of stays and refund them" },
  { id: "guests:read", label: "Guests – read", description: "Guest records" },
  { id: "guests:write", label: "Guests – edit", description: "Check guests in and out, create guests" },
  { id: "conversations:read", label: "Conversations – read", description: "Guest conversations and their messages" },
  { id: "conversations:write", label: "Conversations – edit", description: "Change guest conversations" },
  { id: "messages:send", label: "Messages – send", description: "Send messages to guests on the property's behalf, and deliver theirs" },
  { id: "users:read", label: "Organization users – read", description: "The property's staff: names, emails, roles" },
  {
    id: "events:read",
    label: "Events feed – read",
    description: "The events feed; it lists only the events the key's other read scopes cover",
  },
  { id: "webhooks:read", label: "Webhooks – read", description: "Webhook endpoints and their recent deliveries" },
  { id: "webhooks:write", label: "Webhooks – edit", description: "Create, change and delete webhook endpoints" },
] as const;

export type Scope = (typeof SCOPES)[number]["id"];
export const SCOPE_IDS = SCOPES.map((s) => s.id) as [Scope, ...Scope[]];

export const PRESETS = {
  read: { label: "Full access – read", scopes: ["full_access:read"] as Scope[] },
  write: { label: "Full access – edit", scopes: ["full_access:write"] as Scope[] },
} as const;

const IMPLIED_BY_WRITE: Partial<Record<Scope, Scope>> = {
  "reservations:read": "reservations:write",
  "reservation_accesses:read": "reservation_accesses:write",
  "guests:read": "guests:write",
  "payments:read": "payments:write",
  "conversations:read": "conversations:write",
  "webhooks:read": "webhooks:write",
};

/** Whether a key with `granted` scopes may use an endpoint that needs `needed`. */
export function hasScope(granted: readonly string[], needed: Scope): boolean {
  if (granted.includes(needed) || granted.includes("full_access:write")) return true;
  if (needed.endsWith(":read") && granted.includes("full_access:read")) return true;
  const write = IMPLIED_BY_WRITE[needed];
  return write ? granted.includes(write) : false;
}

export function scopeLabel(id: string): string {
  return SCOPES.find((s) => s.id === id)?.label ?? id;
}
