// Demo data: two properties, one user per role, rooms, guests, reservations over past and future,
// payments, access codes and conversations. Deterministic (seeded PRNG) apart from the dates, which
// are laid around the day it runs so the demo always has arrivals today and stays in progress.
import bcrypt from "bcryptjs";
import { addDays, startOfDay } from "date-fns";
import type { PrismaClient } from "../db/generated/prisma/client";
import { ConversationChannel, type Role } from "../db/generated/prisma/enums";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS: { email: string; name: string; memberships: [slug: string, role: Role][] }[] = [
  {
    email: "owner@demo.test",
    name: "Olivia Owner",
    memberships: [
      ["grand-hotel", "OWNER"],
      ["seaside-hostel", "OWNER"],
    ],
  },
  {
    email: "admin@demo.test",
    name: "Adam Admin",
    memberships: [
      ["grand-hotel", "ADMIN"],
      ["seaside-hostel", "ADMIN"],
    ],
  },
  {
    email: "manager@demo.test",
    name: "Maya Manager",
    memberships: [
      ["grand-hotel", "MANAGER"],
      ["seaside-hostel", "MANAGER"],
    ],
  },
  { email: "staff@demo.test", name: "Sam Staff", memberships: [["grand-hotel", "STAFF"]] },
  // Turns two-factor authentication on and off in e2e/two-factor.spec.ts: no other spec signs in as this user.
  { email: "it@demo.test", name: "Ines IT", memberships: [["grand-hotel", "ADMIN"]] },
];

const PROPERTIES = [
  {
    slug: "grand-hotel",
    name: "Grand Hotel",
    timezone: "Europe/Vienna",
    currency: "EUR",
    plan: "PRO" as const,
    rooms: 40,
    guests: 200,
    reservations: 550,
    codePrefix: "GH",
  },
  {
    slug: "seaside-hostel",
    name: "Seaside Hostel",
    timezone: "Europe/Lisbon",
    currency: "EUR",
    plan: "FREE" as const,
    rooms: 20,
    guests: 100,
    reservations: 250,
    codePrefix: "SH",
  },
];

const FIRST = [
  "Anna",
  "Ben",
  "Chloe",
  "David",
  "Elena",
  "Felix",
  "Greta",
  "Hugo",
  "Ines",
  "Jonas",
  "Klara",
  "Luca",
  "Mia",
  "Noah",
  "Olga",
  "Paul",
  "Quinn",
  "Rosa",
  "Stefan",
  "Tara",
  "Umar",
  "Vera",
  "Wim",
  "Xenia",
  "Yusuf",
  "Zoe",
];
const LAST = [
  "Novak",
  "Schmidt",
  "Garcia",
  "Rossi",
  "Dubois",
  "Kowalski",
  "Silva",
  "Jensen",
  "Horvat",
  "Murphy",
  "Becker",
  "Larsen",
  "Moreau",
  "Costa",
  "Fischer",
  "Nagy",
  "Berg",
  "Weber",
  "Lopez",
  "Smith",
  "Tanaka",
  "Okafor",
  "Haddad",
  "Petrov",
  "Keller",
  "Brennan",
];
const COUNTRIES = ["AT", "DE", "FR", "IT", "ES", "PT", "GB", "US", "NL", "PL", "JP", "BR"];
const ROOM_TYPES = [
  { type: "Single", capacity: 1, nightly: 8900 },
  { type: "Double", capacity: 2, nightly: 12900 },
  { type: "Twin", capacity: 2, nightly: 12400 },
  { type: "Suite", capacity: 4, nightly: 24900 },
];
const CHANNELS = Object.values(ConversationChannel);
const INBOUND = [
  "Hi, can we check in early?",
  "Is parking available at the hotel?",
  "We will arrive around 22:00, is that ok?",
  "Could we get a baby cot in the room?",
  "Thanks for a lovely stay!",
  "Can I pay by card at the desk?",
];
const OUTBOUND = [
  "Of course, we will do our best to have the room ready.",
  "Yes, our garage is open 24/7 for 18 EUR per night.",
  "No problem, the night desk is open around the clock.",
  "A cot will be ready in your room.",
  "Thank you, we hope to welcome you again!",
  "Yes, all major cards are accepted.",
];

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
}

function utcDate(date: Date): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

export interface SeedResult {
  seeded: boolean;
  reason?: string;
}

/** Seeds the demo unless the database already has data; `reset` removes the demo properties first. */
export async function seedDemoData(prisma: PrismaClient, options: { reset?: boolean } = {}): Promise<SeedResult> {
  if (options.reset) {
    await prisma.property.deleteMany({ where: { slug: { in: PROPERTIES.map((p) => p.slug) } } });
    await prisma.user.deleteMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
  } else {
    const [properties, users] = await Promise.all([prisma.property.count(), prisma.user.count()]);
    if (properties > 0 || users > 0) return { seeded: false, reason: "the database already has data" };
  }

  const rand = prng(20261123);
  const today = utcDate(startOfDay(new Date()));
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);

  const propertyIds = new Map<string, string>();
  for (const spec of PROPERTIES) {
    const property = await prisma.property.create({
      data: { slug: spec.slug, name: spec.name, timezone: spec.timezone, currency: spec.currency, plan: spec.plan },
    });
    propertyIds.set(spec.slug, property.id);
    await seedProperty(prisma, property.id, spec, rand, today);
  }

  for (const user of DEMO_USERS) {
    await prisma.user.create({
      data: {
        email: user.email,
        name: user.name,
        passwordHash,
        memberships: {
          create: user.memberships.map(([slug, role]) => ({ role, propertyId: propertyIds.get(slug)! })),
        },
      },
    });
  }
  return { seeded: true };
}

async function seedProperty(
  prisma: PrismaClient,
  propertyId: string,
  spec: (typeof PROPERTIES)[number],
  rand: ReturnType<typeof prng>,
  today: Date,
) {
  const rooms = Array.from({ length: spec.rooms }, (_, i) => {
    const floor = Math.floor(i / 10) + 1;
    const kind = ROOM_TYPES[i % ROOM_TYPES.length]!;
    return {
      id: `${spec.codePrefix.toLowerCase()}_room_${i + 1}`,
      propertyId,
      number: `${floor}${String((i % 10) + 1).padStart(2, "0")}`,
      type: kind.type,
      floor,
      capacity: kind.capacity,
      nightly: kind.nightly,
    };
  });
  await prisma.room.createMany({ data: rooms.map(({ nightly: _nightly, ...room }) => room) });

  const guests = Array.from({ length: spec.guests }, (_, i) => {
    const firstName = rand.pick(FIRST);
    const lastName = rand.pick(LAST);
    return {
      id: `${spec.codePrefix.toLowerCase()}_guest_${i + 1}`,
      propertyId,
      firstName,
      lastName,
      email: `${firstName}.${lastName}.${i + 1}@example.com`.toLowerCase(),
      phone: rand.next() < 0.7 ? `+43 660 ${rand.int(1000000, 9999999)}` : null,
      country: rand.pick(COUNTRIES),
    };
  });
  await prisma.guest.createMany({ data: guests });

  // Lay stays along each room's timeline so no room is ever double-booked.
  const perRoom = Math.ceil(spec.reservations / spec.rooms);
  const reservations: {
    id: string;
    propertyId: string;
    code: string;
    guestId: string;
    roomId: string;
    arrivalDate: Date;
    departureDate: Date;
    status: "CONFIRMED" | "CHECKED_IN" | "CHECKED_OUT" | "CANCELLED" | "NO_SHOW";
    adults: number;
    children: number;
    totalAmount: number;
    currency: string;
    checkedInAt: Date | null;
    checkedOutAt: Date | null;
    cancelledAt: Date | null;
    createdAt: Date;
  }[] = [];
  let sequence = 1000;
  for (const room of rooms) {
    let cursor = addDays(today, -120 + rand.int(0, 10));
    for (let n = 0; n < perRoom && reservations.length < spec.reservations; n++) {
      const nights = rand.int(1, 7);
      const arrival = cursor;
      const departure = addDays(arrival, nights);
      cursor = addDays(departure, rand.int(2, 12));
      let status: (typeof reservations)[number]["status"];
      const roll = rand.next();
      if (departure <= today) status = roll < 0.08 ? "CANCELLED" : roll < 0.12 ? "NO_SHOW" : "CHECKED_OUT";
      else if (arrival < today) status = "CHECKED_IN";
      else if (arrival.getTime() === today.getTime()) status = roll < 0.5 ? "CHECKED_IN" : "CONFIRMED";
      else status = roll < 0.07 ? "CANCELLED" : "CONFIRMED";
      const adults = rand.int(1, Math.max(1, room.capacity));
      const children = room.capacity > 2 ? rand.int(0, 2) : 0;
      const createdAt = addDays(arrival, -rand.int(3, 60));
      reservations.push({
        id: `${spec.codePrefix.toLowerCase()}_res_${sequence}`,
        propertyId,
        code: `${spec.codePrefix}-${sequence++}`,
        guestId: rand.pick(guests).id,
        roomId: room.id,
        arrivalDate: arrival,
        departureDate: departure,
        status,
        adults,
        children,
        totalAmount: nights * room.nightly,
        currency: spec.currency,
        checkedInAt: status === "CHECKED_IN" || status === "CHECKED_OUT" ? new Date(arrival.getTime() + 15 * 3600_000) : null,
        checkedOutAt: status === "CHECKED_OUT" ? new Date(departure.getTime() + 10 * 3600_000) : null,
        cancelledAt: status === "CANCELLED" ? addDays(createdAt, 1) : null,
        createdAt,
      });
    }
  }
  for (let i = 0; i < reservations.length; i += 500) {
    await prisma.reservation.createMany({ data: reservations.slice(i, i + 500) });
  }

  const payments = reservations
    .filter((r) => r.status === "CHECKED_OUT" || r.status === "CHECKED_IN" || (r.status === "CONFIRMED" && rand.next() < 0.4))
    .map((r) => {
      const settled = r.status !== "CONFIRMED";
      return {
        propertyId,
        reservationId: r.id,
        amount: settled ? r.totalAmount : Math.round(r.totalAmount * 0.3),
        currency: r.currency,
        method: rand.pick(["card", "card", "bank_transfer", "cash"]),
        status: settled ? ("SUCCEEDED" as const) : ("PENDING" as const),
        paidAt: settled ? r.checkedInAt : null,
      };
    });
  await prisma.payment.createMany({ data: payments });

  const accesses = reservations
    .filter((r) => r.status === "CHECKED_IN" || (r.status === "CONFIRMED" && r.arrivalDate <= addDays(today, 14)))
    .map((r) => ({
      propertyId,
      reservationId: r.id,
      lockName: `Room ${rooms.find((room) => room.id === r.roomId)!.number} door`,
      pin: String(rand.int(100000, 999999)),
      validFrom: new Date(r.arrivalDate.getTime() + 15 * 3600_000),
      validUntil: new Date(r.departureDate.getTime() + 11 * 3600_000),
    }));
  await prisma.reservationAccess.createMany({ data: accesses });

  const talkative = reservations.filter(() => rand.next() < 0.2);
  const conversations = talkative.map((r, i) => ({
    id: `${spec.codePrefix.toLowerCase()}_conv_${i + 1}`,
    propertyId,
    guestId: r.guestId,
    reservationId: r.id,
    channel: rand.pick(CHANNELS),
    status: r.departureDate < today ? ("CLOSED" as const) : ("OPEN" as const),
    subject: `Stay ${r.code}`,
    lastMessageAt: r.createdAt,
    createdAt: r.createdAt,
  }));
  const messages: { propertyId: string; conversationId: string; direction: "INBOUND" | "OUTBOUND"; body: string; sentAt: Date }[] = [];
  for (const conversation of conversations) {
    const count = rand.int(2, 6);
    let sentAt = conversation.createdAt;
    for (let m = 0; m < count; m++) {
      sentAt = new Date(sentAt.getTime() + rand.int(5, 600) * 60_000);
      const topic = rand.int(0, INBOUND.length - 1);
      messages.push({
        propertyId,
        conversationId: conversation.id,
        direction: m % 2 === 0 ? "INBOUND" : "OUTBOUND",
        body: (m % 2 === 0 ? INBOUND : OUTBOUND)[topic]!,
        sentAt,
      });
    }
    conversation.lastMessageAt = sentAt;
  }
  await prisma.conversation.createMany({ data: conversations });
  for (let i = 0; i < messages.length; i += 500) {
    await prisma.message.createMany({ data: messages.slice(i, i + 500) });
  }
}
