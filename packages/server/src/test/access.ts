import type { Role } from "@duban/domain";

/** The kinds of record a refusal-matrix cell can point at, one of each per tenant. */
export const recordKinds = [
  "unit",
  "group",
  "user",
  "planImport",
  "plan",
  "node",
  "indicator",
  "assignment",
  "cycle",
  "report",
  "file",
  "notice",
  "extension",
  "notification",
  "rectification",
  "inspection",
  "instruction",
  "bulletin",
  "assessment",
  "assessmentEntry",
  "assessmentAppeal",
  "form",
  "formRound",
  "formSubmission",
  "subordinate",
  "handDown",
  "received",
  "handDownNotice",
  "receivedNotice",
  "upwardReport",
] as const;

/** A kind of record. */
export type RecordKind = (typeof recordKinds)[number];

/** One id per record kind: the records a cell's request is built from. */
export type RecordIds = Record<RecordKind, string>;

/** A version no record reaches: a state change sent with it is refused 409 after the permission check. */
export const STALE = 999_999;

/**
 * Who may call one route, as data beside the routes: the exact status each caller gets.
 * Cells run in a fixed order (anonymous, another tenant's records, another unit's records, then each role on
 * its own tenant's records in `roles` order), so a state change made by one cell is seen by the next ones.
 */
export interface RouteAccess {
  /** Method and path as Fastify registers it, e.g. `GET /api/units/:id`. */
  route: string;
  /** The record filling each path parameter, or a literal value after `=`. */
  params?: Record<string, RecordKind | `=${string}`>;
  /** Query string built from the records of the cell. */
  query?: (ids: RecordIds) => Record<string, string>;
  /** A body that validates, built from the records of the cell; omitted means no body. */
  body?: (ids: RecordIds) => unknown;
  /** A multipart upload of a small valid file instead of a JSON body. */
  upload?: "png" | "xlsx";
  /** A multipart form instead of a JSON body: these fields (objects sent as JSON), then a small valid PNG. */
  form?: (ids: RecordIds) => Record<string, unknown>;
  /** Status without a session; 401 unless the route is public. */
  anonymous?: number;
  /** Status of each role on its own tenant's records. */
  roles: Record<Role, number>;
  /** Whether the records come from the request body or query, so another tenant's ids are tried too. */
  scoped?: boolean;
  /** Status with another tenant's records, where it differs from 404 (e.g. a role refused before any lookup). */
  foreign?: Partial<Record<Role, number>>;
  /** Status with another unit's records (another school, another inspector's visit), for the roles listed. */
  otherUnit?: Partial<Record<Role, number>>;
  /** The call ends or changes the caller's own session: every cell signs in afresh. */
  ownSession?: boolean;
}

/** Roles refused by role before any record is looked up: they get 403 for another tenant's record too. */
export function refusedFirst(...roles: Role[]): Partial<Record<Role, number>> {
  return Object.fromEntries(roles.map((r) => [r, 403]));
}

/** Every role refused with the same status: the starting point of admin-only or office-only routes. */
export function allRoles(status: number): Record<Role, number> {
  return {
    admin: status,
    leader: status,
    supervisor: status,
    department: status,
    school: status,
    inspector: status,
  };
}
