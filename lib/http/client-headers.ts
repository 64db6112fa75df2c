// Which request headers the client sent. Past the proxy a route sees more: Next copies every header the
// proxy sets on its response (our Content-Security-Policy, X-Frame-Options, ...) onto the request, and
// fills in x-forwarded-host, -port, -proto and -for when they are absent, so afterwards ours and the
// client's look alike. The proxy, which runs first, names the client's headers so a request log can keep
// only those.
export const CLIENT_HEADERS_HEADER = "x-pms-client-headers";

/** In the proxy: names the headers the request carries now, as the client sent them (a list the client sent itself is replaced). */
export function markClientHeaders(headers: Headers): void {
  headers.delete(CLIENT_HEADERS_HEADER);
  headers.set(CLIENT_HEADERS_HEADER, [...new Set(headers.keys())].join(","));
}

/** The headers the client sent: those the proxy named; when the request did not pass the proxy, all of them. */
export function clientSentHeaders(headers: Headers): Headers {
  const named = headers.get(CLIENT_HEADERS_HEADER);
  const keep = named === null ? null : new Set(named.split(","));
  const sent = new Headers();
  for (const [name, value] of headers) if (name !== CLIENT_HEADERS_HEADER && (!keep || keep.has(name))) sent.append(name, value);
  return sent;
}
