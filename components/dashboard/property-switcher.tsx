"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { usePathname, useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABEL } from "@/lib/auth/roles";
import type { Plan, Role } from "@/lib/db/generated/prisma/enums";

export interface PropertyOption {
  slug: string;
  name: string;
  plan: Plan;
  role: Role;
}

/** Switches to the same page of another property the user belongs to. */
export function PropertySwitcher({ current, properties }: { current: PropertyOption; properties: PropertyOption[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const rest = pathname.split("/").slice(2).join("/") || "reservations";
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex w-full items-center justify-between rounded-md border border-slate-200 px-3 py-2 text-left hover:bg-slate-50"
        aria-label={`Property: ${current.name}. Switch property`}
      >
        <span className="min-w-0">
          <span className="block truncate text-sm font-semibold">{current.name}</span>
          <span className="block text-xs text-slate-500">
            {ROLE_LABEL[current.role]} · {current.plan}
          </span>
        </span>
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs text-slate-500">Your properties</DropdownMenu.Label>
          {properties.map((property) => (
            <DropdownMenu.Item
              key={property.slug}
              onSelect={() => router.push(`/${property.slug}/${rest}`)}
              className="flex cursor-pointer items-center justify-between gap-3 rounded px-2 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
            >
              <span>{property.name}</span>
              {property.slug === current.slug ? <Badge tone="blue">Current</Badge> : <Badge>{property.plan}</Badge>}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
