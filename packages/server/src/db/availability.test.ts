import { describe, expect, it } from "vitest";
import { type AvailabilityChange, DatabaseAvailability, isConnectionError } from "./availability.js";

/** An error as node-postgres or Node raises it. */
function failure(message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), fields);
}

/** Drizzle's wrapper around a driver error. */
function wrapped(cause: Error): Error {
  return Object.assign(new Error("Failed query: select 1\nparams: "), {
    query: "select 1",
    params: [],
    cause,
  });
}

describe("isConnectionError", () => {
  it.each([
    [
      "a restart ending the session (57P01)",
      failure("terminating connection due to administrator command", { code: "57P01" }),
    ],
    [
      "a server starting or stopping (57P03)",
      failure("the database system is shutting down", { code: "57P03" }),
    ],
    ["a refused connection", failure("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED" })],
    ["a reset connection", failure("read ECONNRESET", { code: "ECONNRESET" })],
    ["a socket closed mid-query", new Error("Connection terminated unexpectedly")],
    [
      "a transaction's rollback on a dead client",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["a pool that could not connect in time", new Error("timeout exceeded when trying to connect")],
    ["a connection not made in time", new Error("timeout expired")],
    [
      "a refusal wrapped by Drizzle",
      wrapped(failure("connect ECONNREFUSED ::1:5432", { code: "ECONNREFUSED" })),
    ],
    ["every address of localhost refused", new AggregateError([failure("x", { code: "ECONNREFUSED" })])],
  ])("counts %s", (_name, err) => {
    expect(isConnectionError(err)).toBe(true);
  });

  it.each([
    ["a unique violation", wrapped(failure("duplicate key value", { code: "23505" }))],
    ["a bad value", wrapped(failure("invalid input syntax for type integer", { code: "22P02" }))],
    ["a serialization failure", failure("could not serialize access", { code: "40001" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a thrown string", "ECONNREFUSED"],
  ])("does not count %s", (_name, err) => {
    expect(isConnectionError(err)).toBe(false);
  });
});

describe("DatabaseAvailability", () => {
  const refused = failure("connect ECONNREFUSED", { code: "ECONNREFUSED" });

  it("reports going down once however many requests fail, and coming back once", () => {
    const availability = new DatabaseAvailability(() => new Promise(() => {}), 60_000);
    const changes: boolean[] = [];
    availability.onChange((c) => changes.push(c.available));
    expect(availability.noteFailure(refused)).toBe(true);
    expect(availability.noteFailure(refused)).toBe(true);
    expect(availability.noteFailure(failure("duplicate key", { code: "23505" }))).toBe(false);
    expect(availability.available).toBe(false);
    availability.noteSuccess();
    availability.noteSuccess();
    expect(availability.available).toBe(true);
    expect(changes).toEqual([false, true]);
    availability.close();
  });

  it("probes while down and comes back on the first probe that succeeds", async () => {
    let calls = 0;
    const availability = new DatabaseAvailability(async () => {
      calls++;
      if (calls < 3) throw refused;
    }, 10);
    const back = new Promise<AvailabilityChange>((resolve) =>
      availability.onChange((c) => c.available && resolve(c)),
    );
    availability.noteFailure(refused);
    expect((await back).available).toBe(true);
    expect(calls).toBe(3);
    expect(availability.available).toBe(true);
    availability.close();
  });

  it("never goes down without a connection to lose (the embedded database)", () => {
    const availability = new DatabaseAvailability(null);
    expect(availability.noteFailure(refused)).toBe(false);
    expect(availability.available).toBe(true);
  });
});
