import type { SessionStore } from "../../http/auth-hook.js";
import { deleteSession, findSessionActor, sessionIdOf, touchSession } from "./sessions.repository.js";

/** The session statements the request hook runs, handed to it by the app. */
export const sessionStore: SessionStore = { sessionIdOf, findSessionActor, touchSession, deleteSession };
