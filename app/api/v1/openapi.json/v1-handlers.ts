// Every /api/v1 route module, so the OpenAPI document can read their declarations. A test fails when
// a route file under app/api/v1 is missing here.
import * as conversationMessages from "@/app/api/v1/conversations/[id]/messages/route";
import * as conversations from "@/app/api/v1/conversations/route";
import * as guest from "@/app/api/v1/guests/[id]/route";
import * as guestErase from "@/app/api/v1/guests/[id]/erase/route";
import * as guestErasure from "@/app/api/v1/guests/[id]/erasure/route";
import * as guestCheckin from "@/app/api/v1/guests/checkin/route";
import * as guestCheckout from "@/app/api/v1/guests/checkout/route";
import * as guests from "@/app/api/v1/guests/route";
import * as organization from "@/app/api/v1/organization/route";
import * as properties from "@/app/api/v1/properties/route";
import * as reservationAccess from "@/app/api/v1/reservations/[id]/accesses/[accessId]/route";
import * as reservationAccesses from "@/app/api/v1/reservations/[id]/accesses/route";
import * as reservationCancel from "@/app/api/v1/reservations/[id]/cancel/route";
import * as reservation from "@/app/api/v1/reservations/[id]/route";
import * as reservations from "@/app/api/v1/reservations/route";
import * as room from "@/app/api/v1/rooms/[id]/route";
import * as rooms from "@/app/api/v1/rooms/route";
import * as availability from "@/app/api/v1/availability/route";
import * as events from "@/app/api/v1/events/route";
import * as eventStream from "@/app/api/v1/events/stream/route";
import * as payment from "@/app/api/v1/payments/[id]/route";
import * as paymentRefund from "@/app/api/v1/payments/[id]/refund/route";
import * as payments from "@/app/api/v1/payments/route";
import * as reservationPayments from "@/app/api/v1/reservations/[id]/payments/route";
import * as users from "@/app/api/v1/users/route";
import * as webhookDeliveries from "@/app/api/v1/webhook-endpoints/[id]/deliveries/route";
import * as webhookRotate from "@/app/api/v1/webhook-endpoints/[id]/rotate-secret/route";
import * as webhookReplay from "@/app/api/v1/webhook-endpoints/[id]/replay/route";
import * as webhookReplays from "@/app/api/v1/webhook-endpoints/[id]/replays/route";
import * as webhookReplayOne from "@/app/api/v1/webhook-endpoints/[id]/replays/[replayId]/route";
import * as webhookEndpoint from "@/app/api/v1/webhook-endpoints/[id]/route";
import * as webhookEndpoints from "@/app/api/v1/webhook-endpoints/route";
import type { V1Handler } from "@/lib/api/v1-route";

const modules = [
  properties,
  organization,
  reservations,
  reservation,
  reservationCancel,
  reservationAccesses,
  reservationAccess,
  reservationPayments,
  payments,
  payment,
  paymentRefund,
  rooms,
  room,
  availability,
  guests,
  guest,
  guestErase,
  guestErasure,
  guestCheckin,
  guestCheckout,
  conversations,
  conversationMessages,
  users,
  events,
  eventStream,
  webhookEndpoints,
  webhookEndpoint,
  webhookDeliveries,
  webhookRotate,
  webhookReplay,
  webhookReplays,
  webhookReplayOne,
];

export const V1_HANDLERS: V1Handler[] = modules.flatMap((m) =>
  Object.values(m).filter((value): value is V1Handler => typeof value === "function" && "definition" in value),
);
