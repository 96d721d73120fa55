import { useQuery } from "@tanstack/react-query";
import type { InviteKind, InvitePreviewResponse } from "@mutual/core";
import { requestJson } from "../../../lib/api-client";

// Who invites, asked before signing in (decision 058). A POST, so the code travels in the body
// and never in a URL; a read all the same, cached for the visit under the code.

export function useInvitePreview(kind: InviteKind, code: string) {
  return useQuery({
    queryKey: ["invite-preview", kind, code],
    queryFn: () => requestJson<InvitePreviewResponse>("/api/invites/preview", { method: "POST", body: { kind, code } }),
    retry: false,
    staleTime: Infinity,
  });
}
