// The allow-lists of what leaves the server about listings and requests, field by field.
import type { DirectoryEntry, IntakeRequest, MyCounsellingRequest } from "@mutual/core";
import { roleIn, statusOf, type ListingRow, type RequestRow } from "./counselling-directory.policy.js";

const iso = (ms: number) => new Date(ms).toISOString();

export function presentListing(row: ListingRow): DirectoryEntry {
  return {
    practiceId: row.practiceId,
    name: row.name,
    languages: row.languages,
    individual: row.individual,
    couple: row.couple,
    inPersonArea: row.inPersonArea,
    online: row.online,
    fees: row.fees,
    subsidised: row.subsidised,
    description: row.description,
    contact: row.contact,
  };
}

/** A request as one of its two people sees it: the other person by chosen name, my own scopes only. */
export function presentMyRequest(row: RequestRow, userId: string): MyCounsellingRequest {
  const myRole = roleIn(row, userId) ?? "requester";
  return {
    id: row.id,
    practice: { id: row.practiceId, name: row.practiceName },
    kind: row.kind,
    status: statusOf(row),
    myRole,
    otherName: row.kind === "couple" ? (myRole === "requester" ? row.partnerName : row.requesterName) : null,
    myScopes: myRole === "requester" ? row.requesterScopes : row.partnerScopes,
    message: row.message,
    declineMessage: row.declineMessage,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** A request as the practice sees it before anything is shared: chosen names and the message (decision 055). */
export function presentIntake(row: RequestRow, counsellor: { memberId: string; name: string } | null, isMine: boolean): IntakeRequest {
  return {
    id: row.id,
    kind: row.kind,
    names: row.kind === "couple" && row.partnerName !== null ? [row.requesterName, row.partnerName] : [row.requesterName],
    message: row.message,
    status: counsellor === null ? "sent" : "assigned",
    counsellor,
    isMine,
    createdAt: iso(row.createdAt),
  };
}
