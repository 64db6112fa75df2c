import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listUserProperties } from "@/lib/auth/property-access";

// GET /: the signed-in user's first property, or the sign-in page.
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const [first] = await listUserProperties(user.id);
  if (!first) redirect("/no-property");
  redirect(`/${first.slug}/reservations`);
}
