import { redirect } from "next/navigation";

export default async function PropertyHome({ params }: { params: Promise<{ property: string }> }) {
  const { property } = await params;
  redirect(`/${property}/reservations`);
}
