import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFilterForm } from "@/components/activity/activity-filter-form";
import { ActivityList } from "@/components/activity/activity-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadActivityFilterParams, parseActivityFilters } from "@/lib/audit/activity-filters";
import { isKnownActor, listActivityActors, listPropertyActivity } from "@/lib/audit/list-property-activity";
import { requirePermission } from "@/lib/auth/property-access";

export const metadata: Metadata = { title: "Activity" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ property: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { property: slug } = await params;
  const access = await requirePermission(slug, "viewActivity");
  const loaded = loadActivityFilterParams(await searchParams);
  const values = Object.fromEntries(Object.entries(loaded).flatMap(([name, value]) => (value.trim() ? [[name, value.trim()]] : [])));
  const path = `/${slug}/settings/activity`;
  const actors = await listActivityActors(access.property.id);
  const parsed = parseActivityFilters(values);
  const messages = !parsed.ok
    ? parsed.messages
    : isKnownActor(actors, parsed.filters.actor)
      ? []
      : ["That actor is not a member or key of this property: pick one from the list."];
  const filterString = new URLSearchParams(values).toString();
  const initial =
    parsed.ok && messages.length === 0 ? await listPropertyActivity({ propertyId: access.property.id, filters: parsed.filters }) : null;

  return (
    <>
      <PageHeader
        title="Activity"
        description={`Everything done at ${access.property.name} — keys, webhooks, settings, team, reservations — and its members' sign-ins, newest first.`}
      />
      <ActivityFilterForm values={values} members={actors.members} keys={actors.keys} />
      {messages.length > 0 ? (
        <div
          role="alert"
          data-testid="activity-filter-errors"
          className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800"
        >
          <p className="font-medium">These filters cannot be used:</p>
          <ul className="mt-1 list-disc pl-5">
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <Link href={path} className="mt-2 inline-block font-medium text-red-900 underline">
            Clear filters
          </Link>
        </div>
      ) : initial && initial.rows.length === 0 ? (
        filterString ? (
          <EmptyState
            title="No entries match these filters"
            action={
              <Link href={path} className="text-sm font-medium text-brand-700 underline">
                Clear
              </Link>
            }
          />
        ) : (
          <EmptyState title="No activity yet" description="Changes to keys, webhooks, settings and the team appear here." />
        )
      ) : initial ? (
        <ActivityList key={filterString} slug={slug} filterString={filterString} initial={initial} />
      ) : null}
    </>
  );
}
