// GET /api/v1/users: the property's staff (name, email, role).
import { listQuery } from "@/lib/db/pagination";
import { listOf } from "@/lib/api/envelope";
import { userResource } from "@/lib/users/user-resource";
import { v1Route } from "@/lib/api/v1-route";
import { listUsersForApi } from "@/lib/users/api-users";

export const GET = v1Route(
  { method: "GET", path: "/users", operationId: "listUsers", tag: "Users", summary: "List the property's staff", scope: "users:read", query: listQuery, response: listOf(userResource) },
  ({ property, query }) => listUsersForApi(property.id, query),
);
