import type { Me } from "@duban/domain";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { meKey } from "./auth";
import { ApiError } from "./client";

/**
 * Builds the app's QueryClient. A 401 anywhere clears the session, so the auth guard sends the user to the
 * login page with the current path; `password_change_required` sends them to the change-password page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onSessionError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onSessionError(client, error) }),
    defaultOptions: {
      queries: {
        retry: (count, error) =>
          !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 1,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

function onSessionError(client: QueryClient, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401 && !isLoginAttempt(error)) client.setQueryData<Me | null>(meKey, null);
  if (error.code === "password_change_required") {
    client.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, mustChangePassword: true } : me));
  }
}

// A wrong password on the login form is a 401 too, but not a lost session.
function isLoginAttempt(error: ApiError): boolean {
  return error.code === "invalid_credentials" || error.code === "account_locked";
}
