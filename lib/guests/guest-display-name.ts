// How the dashboard names a guest: "Erased guest" once its personal data is gone, never "[erased] [erased]".
export function guestDisplayName(guest: { firstName: string; lastName: string; erasedAt: Date | string | null }): string {
  if (guest.erasedAt) return "Erased guest";
  return `${guest.firstName} ${guest.lastName}`.trim();
}
