// GET /api/dashboard/properties/{slug}/webhooks/{endpointId}/deliveries/{deliveryId}: one delivery with
// every attempt's request and response. Door PINs in it are masked for members who do not manage API access.
import { can } from "@/lib/auth/roles";
import { dashboardRoute } from "@/lib/auth/session-route";
import { getEndpointDelivery } from "@/lib/webhooks/list-endpoint-deliveries";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export const GET = dashboardRoute<{ property: string; endpointId: string; deliveryId: string }>(
  "viewApiAccess",
  async ({ params, access }) =>
    Response.json(
      await getEndpointDelivery(
        access.property.id,
        params.endpointId,
        params.deliveryId,
        can.readDoorCodesInDeliveries(access.role) ? "clear" : "masked",
      ),
      {
        headers: { "Cache-Control": "no-store" },
      },
    ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
