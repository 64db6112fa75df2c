// Where a user may be sent after signing in: a path on our own site, never another one.
// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" becomes "//evil.example".
const FIXED_ORIGIN = "https://fixed.invalid";
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;
// Enough layers for any honest path; a value still encoded after this many is refused.
const MAX_DECODINGS = 4;

// A path whose dot segments collapse to "//host" ("/.//evil", "/x/..//evil") stays on our origin while parsed
// here, but as a Location header it is protocol-relative: judge the path as it reads after collapsing.
function staysOnFixedOrigin(value: string): boolean {
  if (!value.startsWith("/") || UNSAFE_CHARACTERS.test(value)) return false;
  try {
    const url = new URL(value, FIXED_ORIGIN);
    return url.origin === FIXED_ORIGIN && !url.pathname.startsWith("//");
  } catch {
    return false;
  }
}

/** The normalised path+search+hash of a same-site path, or null when it could lead anywhere else. */
function sameSitePath(value: string): string | null {
  // Every decoding layer must stay on our site too: someone along the way may decode once more.
  let layer = value;
  for (let i = 0; i <= MAX_DECODINGS; i++) {
    if (!staysOnFixedOrigin(layer)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return null;
    }
    if (decoded === layer) {
      const url = new URL(value, FIXED_ORIGIN);
      const path = url.pathname + url.search + url.hash;
      // What we hand out must itself read as the same same-site path, whoever parses it next.
      return staysOnFixedOrigin(path) && new URL(path, FIXED_ORIGIN).href === url.href ? path : null;
    }
    layer = decoded;
  }
  return null;
}

/** Only same-site paths: a crafted ?callbackUrl= must never send a user to another site. */
export function safeCallbackUrl(value: string | undefined): string {
  return (value && sameSitePath(value)) ?? "/";
}

/** next-auth's `redirect` callback: a safe path or a URL on our own origin, else the home page. */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let path = url;
  if (!url.startsWith("/")) {
    try {
      const target = new URL(url);
      if (target.origin !== new URL(baseUrl).origin) return baseUrl;
      path = target.pathname + target.search + target.hash;
    } catch {
      return baseUrl;
    }
  }
  const safe = sameSitePath(path);
  return safe === null ? baseUrl : `${baseUrl}${safe}`;
}
