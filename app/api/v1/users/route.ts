// GET /api/v1/users: the property's staff (name, email, role).
import { listQuery, queryOf } from "@/lib/api/pagination";
import { v1Route } from "@/lib/api/v1-route";
import { listUsersForApi } from "@/lib/users/api-users";

export const GET = v1Route({ scope: "users:read" }, ({ request, property }) => listUsersForApi(property.id, listQuery.parse(queryOf(request))));
