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

/** A clock that tests can move. */
export interface Clock {
  now(): Date;
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
