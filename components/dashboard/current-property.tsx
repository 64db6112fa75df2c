"use client";
// The property the shell shows, for screens that render without params of their own (forbidden.tsx, not-found.tsx).
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/db/generated/prisma/enums";

export interface CurrentProperty {
  slug: string;
  name: string;
  /** Its owners and admins: whom a member asks for access. */
  admins: { name: string; email: string; role: Role }[];
}

const Context = createContext<CurrentProperty | null>(null);

export function CurrentPropertyProvider({ value, children }: { value: CurrentProperty; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useCurrentProperty(): CurrentProperty {
  const value = useContext(Context);
  if (!value) throw new Error("useCurrentProperty is used outside the property shell");
  return value;
}
