import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ROLE_LABEL } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/prisma/enums";

const TONE: Record<Role, BadgeTone> = { OWNER: "violet", ADMIN: "blue", MANAGER: "green", STAFF: "gray" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={TONE[role]}>{ROLE_LABEL[role]}</Badge>;
}
