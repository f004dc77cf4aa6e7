import { vi } from "vitest";

/** One request a component sent to the API. */
export interface SentRequest {
  method: string;
  url: string;
  /** The JSON body, parsed; undefined when none was sent. */
  body: unknown;
}

/** What the mocked API answers: a status and a JSON body. */
export interface MockAnswer {
  status: number;
  body?: unknown;
}

/** Replaces `fetch` with one that records each request and answers it with `answer`; returns the record. */
export function mockApi(answer: (request: SentRequest) => MockAnswer): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
      const request: SentRequest = { method: init?.method ?? "GET", url, body };
      sent.push(request);
      const reply = answer(request);
      return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { "Content-Type": "application/json" },
      });
    }),
  );
  return sent;
}

/** The API's error envelope. */
export function errorAnswer(status: number, code: string, message: string, details?: unknown): MockAnswer {
  return { status, body: { error: { code, message, details } } };
}
