import type { Role } from "@duban/domain";
import type { Database } from "../db/client.js";
import type { Config } from "../env.js";
import type { FileStore } from "../files/file-store.js";

/** The signed-in person making a request. */
export interface Actor {
  userId: string;
  tenantId: string;
  name: string;
  login: string;
  roles: Role[];
  unitId: string | null;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** Where everything that depends on "now" (lights, late flags, due dates, reminders, sessions) reads the time. */
export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs on at real speed from the moment it is made: a server started for
 * browser tests on a fixed date keeps that date for the run, while sessions and windows still see time pass.
 */
export function clockStartingAt(start: Date): Clock {
  const offsetMs = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offsetMs) };
}

/** What every request can reach, signed in or not. */
export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
  files: FileStore;
}

/** Everything a service needs to act for a signed-in request. */
export interface ServiceContext extends AppDeps {
  actor: Actor;
  ip: string | null;
}

/** Per-route options read by the auth hook. */
export interface RouteAuthConfig {
  /** `public`: no session needed; `session`: signed in (default); `password-change`: allowed while a password change is due. */
  auth?: "public" | "session" | "password-change";
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig extends RouteAuthConfig {}
}
