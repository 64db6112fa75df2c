// "Chrome on Linux", "Safari on iPhone": a session's device as a person recognises it, from its user agent.
import Bowser from "bowser";

export const UNKNOWN_DEVICE = "Unknown device";

export function deviceLabel(userAgent: string | null | undefined): string {
  if (!userAgent?.trim()) return UNKNOWN_DEVICE;
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName();
  // The model where it says more than the system ("iPhone", "iPad"); else the system ("macOS", "Android").
  const device = parser.getPlatform().model ?? parser.getOSName();
  if (browser && device) return `${browser} on ${device}`;
  return browser || device || UNKNOWN_DEVICE;
}
