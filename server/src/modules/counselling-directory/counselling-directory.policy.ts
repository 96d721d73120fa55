// Pure rules of the directory and of requests for counselling (decisions 054, 055). No I/O.
import { COUNSELLING_REQUEST_LIMITS, type ClientKind, type CounsellingRequestStatus, type CounsellingScope, type DirectoryLanguage } from "@mutual/core";
import { DomainError, conflict } from "../../domain/errors.js";

export type ListingRow = {
  practiceId: string;
  name: string;
  languages: DirectoryLanguage[];
  individual: boolean;
  couple: boolean;
  inPersonArea: string | null;
  online: boolean;
  fees: string;
  subsidised: boolean;
  description: string;
  contact: string;
};

export type ListingValues = Omit<ListingRow, "name" | "practiceId">;

export type RequestRow = {
  id: string;
  practiceId: string;
  practiceName: string;
  requesterId: string;
  requesterName: string;
  partnerId: string | null;
  partnerName: string | null;
  kind: ClientKind;
  message: string | null;
  requesterScopes: CounsellingScope[];
  partnerScopes: CounsellingScope[] | null;
  status: "awaiting-partner" | "sent" | "assigned" | "accepted" | "declined" | "withdrawn";
  counsellorId: string | null;
  declineMessage: string | null;
  createdAt: number;
  updatedAt: number;
};

/** Statuses in which a request is still open (the person can withdraw it; the practice may act on it). */
export const OPEN_STATUSES = ["awaiting-partner", "sent", "assigned"] as const;

export const isOpen = (status: RequestRow["status"]) => (OPEN_STATUSES as readonly string[]).includes(status);

/** Where a request stands: an assignment whose counsellor's account is gone is back with the practice. */
export function statusOf(row: Pick<RequestRow, "status" | "counsellorId">): CounsellingRequestStatus {
  return row.status === "assigned" && row.counsellorId === null ? "sent" : row.status;
}

/** The caller's part in a request, or null when it is not theirs (they then get 404). */
export function roleIn(row: Pick<RequestRow, "requesterId" | "partnerId">, userId: string): "requester" | "partner" | null {
  if (row.requesterId === userId) return "requester";
  if (row.partnerId === userId) return "partner";
  return null;
}

export type NewRequestFacts = {
  listing: Pick<ListingRow, "individual" | "couple"> | null;
  kind: ClientKind;
  partnerId: string | null;
  /** The requester's (and for a couple, the partner's) relation to the practice. */
  relations: ReadonlyArray<"client" | "member" | null>;
  /** Practices of the open requests either person is part of. */
  openPracticeIds: readonly string[];
  /** Open requests the requester started. */
  openCount: number;
  /** Requests the requester started in the last 24 hours, whatever became of them. */
  todayCount: number;
  practiceId: string;
};

/** Whether a person may ask this practice now; the first reason why not, as the refusal they get. */
export function decideNewRequest(facts: NewRequestFacts): DomainError | null {
  if (!facts.listing) return new DomainError(404, "NOT_FOUND", "This practice is not in the directory.");
  if (facts.kind === "individual" && !facts.listing.individual) return conflict("KIND_NOT_OFFERED", "This practice does not offer individual counselling.");
  if (facts.kind === "couple" && !facts.listing.couple) return conflict("KIND_NOT_OFFERED", "This practice does not offer counselling for couples.");
  if (facts.kind === "couple" && facts.partnerId === null)
    return conflict("NOT_LINKED", "To ask as a couple, link with your partner in Mutual first. You can also ask for yourself.");
  if (facts.relations.includes("member")) return conflict("OWN_PRACTICE", "You belong to this practice.");
  if (facts.relations.includes("client")) return conflict("ALREADY_CLIENT", "You already share with this practice. See your counselling page.");
  if (facts.openPracticeIds.includes(facts.practiceId)) return conflict("ALREADY_REQUESTED", "A request to this practice is already open.");
  if (facts.openCount >= COUNSELLING_REQUEST_LIMITS.open)
    return conflict("TOO_MANY_OPEN_REQUESTS", `You can have ${COUNSELLING_REQUEST_LIMITS.open} requests open at once. Withdraw one to ask another practice.`);
  if (facts.todayCount >= COUNSELLING_REQUEST_LIMITS.perDay)
    return new DomainError(429, "TOO_MANY_REQUESTS_TODAY", `You can send ${COUNSELLING_REQUEST_LIMITS.perDay} requests a day. Please try again tomorrow.`);
  return null;
}

export const requestNotFound = () => new DomainError(404, "NOT_FOUND", "No such request.");
export const requestClosed = () => conflict("REQUEST_CLOSED", "This request is no longer open.");
