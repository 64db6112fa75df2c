// GET /api/v1/users: the property's staff (name, email, role).
import { listQuery } from "@/lib/db/pagination";
import { listOf } from "@/lib/api/envelope";
import { userResource } from "@/lib/users/user-resource";
import { v1Route } from "@/lib/api/v1-route";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { listUsers } from "@/lib/users/list-users";

export const GET = v1Route(
  {
    method: "GET",
    path: "/users",
    operationId: "listUsers",
    tag: "Users",
    summary: "List the property's staff",
    scope: "users:read",
    query: listQuery,
    response: listOf(userResource),
  },
  ({ property, query }) => listUsers(property.id, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
