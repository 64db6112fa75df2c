// Which methods each route handler serves, for the answers given before Next routes a request: a TRACE or
// CONNECT (which Next cannot even turn into a Request) and methods no route exports (PROPFIND, …) get 405
// with the Allow header RFC 9110 asks for. test/api/method-not-allowed.test.ts holds this table to the
// route files, so a new route or method fails that test until it is listed here.

/** Route path (as the app/ folders spell it) → the methods its file exports, HEAD and OPTIONS aside. */
export const ROUTE_METHODS: readonly (readonly [route: string, methods: string])[] = [
  ["/api/[...path]", "GET POST PUT PATCH DELETE"],
  ["/api/auth/[...nextauth]", "GET POST"],
  ["/api/auth/sign-in-step", "POST"],
  ["/api/bench/floor/conversations/[id]/messages", "POST"],
  ["/api/bench/floor/properties", "GET"],
  ["/api/bench/floor/reservations/[id]", "GET"],
  ["/api/bench/floor/reservations", "GET"],
  ["/api/dashboard/properties/[property]/activity", "GET"],
  ["/api/dashboard/properties/[property]/alerts", "GET"],
  ["/api/dashboard/properties/[property]/api-keys", "GET"],
  ["/api/dashboard/properties/[property]/request-logs/[id]", "GET"],
  ["/api/dashboard/properties/[property]/request-logs/export", "GET"],
  ["/api/dashboard/properties/[property]/request-logs", "GET"],
  ["/api/dashboard/properties/[property]/webhooks/[endpointId]/deliveries/[deliveryId]", "GET"],
  ["/api/dashboard/properties/[property]/webhooks/[endpointId]/deliveries", "GET"],
  ["/api/dashboard/properties/[property]/webhooks/[endpointId]/replays/count", "GET"],
  ["/api/dashboard/properties/[property]/webhooks/[endpointId]/replays", "GET"],
  ["/api/dashboard/properties/[property]/webhooks/[endpointId]", "GET"],
  ["/api/dashboard/properties/[property]/webhooks", "GET"],
  ["/api/health/ready", "GET"],
  ["/api/health", "GET"],
  ["/api/v1/[...path]", "GET POST PUT PATCH DELETE"],
  ["/api/v1/availability", "GET"],
  ["/api/v1/conversations/[id]/messages", "GET POST"],
  ["/api/v1/conversations", "GET POST"],
  ["/api/v1/events", "GET"],
  ["/api/v1/events/stream", "GET"],
  ["/api/v1/guests/[id]/erase", "POST"],
  ["/api/v1/guests/[id]/erasure", "GET"],
  ["/api/v1/guests/[id]", "GET PATCH"],
  ["/api/v1/guests/checkin", "POST"],
  ["/api/v1/guests/checkout", "POST"],
  ["/api/v1/guests", "GET POST"],
  ["/api/v1/openapi.json", "GET"],
  ["/api/v1/organization", "GET"],
  ["/api/v1/payments/[id]/refund", "POST"],
  ["/api/v1/payments/[id]", "GET"],
  ["/api/v1/payments", "GET"],
  ["/api/v1/properties", "GET"],
  ["/api/v1/reservations/[id]/accesses/[accessId]", "DELETE"],
  ["/api/v1/reservations/[id]/accesses", "GET POST"],
  ["/api/v1/reservations/[id]/cancel", "POST"],
  ["/api/v1/reservations/[id]/payments", "GET POST"],
  ["/api/v1/reservations/[id]", "GET PATCH"],
  ["/api/v1/reservations", "GET POST"],
  ["/api/v1/rooms/[id]", "GET"],
  ["/api/v1/rooms", "GET"],
  ["/api/v1/users", "GET"],
  ["/api/v1/webhook-endpoints/[id]/deliveries", "GET"],
  ["/api/v1/webhook-endpoints/[id]/replay", "POST"],
  ["/api/v1/webhook-endpoints/[id]/replays/[replayId]", "GET"],
  ["/api/v1/webhook-endpoints/[id]/replays", "GET"],
  ["/api/v1/webhook-endpoints/[id]/rotate-secret", "POST"],
  ["/api/v1/webhook-endpoints/[id]", "GET PATCH DELETE"],
  ["/api/v1/webhook-endpoints", "GET POST"],
  ["/favicon.ico", "GET"],
  ["/unavailable", "GET"],
];

/** What a page serves: GET (and HEAD), and POST for its server actions. */
export const PAGE_ALLOW = "GET, HEAD, POST";

const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The Allow header for a route exporting `methods`: HEAD with GET, and OPTIONS, which every route answers. */
export function allowOf(methods: readonly string[]): string {
  const allowed = new Set([...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"]);
  return ORDER.filter((method) => allowed.has(method)).join(", ");
}

const compiled = ROUTE_METHODS.map(([route, methods]) => {
  const segments = route.split("/").slice(1);
  const pattern = segments
    .map((segment) =>
      segment.startsWith("[...") ? "(?:/[^/]+)+" : segment.startsWith("[") ? "/[^/]+" : `/${segment.replace(/[.]/g, "\\.")}`,
    )
    .join("");
  // Next prefers a static segment to a dynamic one, and a dynamic one to a catch-all.
  const rank = segments.reduce((sum, segment) => sum + (segment.startsWith("[...") ? 100 : segment.startsWith("[") ? 1 : 0), 0);
  return { regex: new RegExp(`^${pattern}/?$`), rank, allow: allowOf(methods.split(" ")) };
}).sort((a, b) => a.rank - b.rank);

/** The Allow header of whatever answers this path: a route handler's methods, or a page's. */
export function allowedMethods(pathname: string): string {
  return compiled.find((route) => route.regex.test(pathname))?.allow ?? PAGE_ALLOW;
}
