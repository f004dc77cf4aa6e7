import type { DocumentNumberSettings, DocumentNumberSettingsUpdateInput } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";

export type { DocumentNumberSettings };

/** Query key of the 文号 settings. */
export const documentNumbersKey = ["document-numbers"] as const;

/** The tenant's 文号 prefixes with this year's first number of each series and the settings' version. */
export function useDocumentNumbers() {
  return useQuery({
    queryKey: documentNumbersKey,
    queryFn: ({ signal }) => apiRequest<DocumentNumberSettings>("/settings/document-numbers", { signal }),
  });
}

/** Sets both prefixes at the version read; a save by someone else since answers 409. */
export function saveDocumentNumbers(
  input: DocumentNumberSettingsUpdateInput,
): Promise<DocumentNumberSettings> {
  return apiRequest<DocumentNumberSettings>("/settings/document-numbers", { method: "PUT", body: input });
}
