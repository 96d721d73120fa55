import type { CounsellorRequestsResponse, OpenRequestsResponse } from "@mutual/core";

/** The allow-list of what a counsellor sees of their requests, field by field. */
export function presentCounsellorRequests(response: CounsellorRequestsResponse): CounsellorRequestsResponse {
  return {
    requests: response.requests.map((request) => ({
      id: request.id,
      kind: request.kind,
      memberName: request.memberName,
      status: request.status,
      createdAt: request.createdAt,
      expiresAt: request.expiresAt,
    })),
  };
}

/** The allow-list of what a client sees of the requests made of them. */
export function presentOpenRequests(response: OpenRequestsResponse): OpenRequestsResponse {
  return {
    requests: response.requests.map((request) => ({
      id: request.id,
      kind: request.kind,
      counsellorName: request.counsellorName,
      createdAt: request.createdAt,
      expiresAt: request.expiresAt,
    })),
  };
}
