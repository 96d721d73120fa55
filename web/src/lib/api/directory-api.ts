// The directory of practices and requests for counselling (decisions 054, 055): the person's
// side (features/counselling) and the practice's side (features/counselling-practice) both read these.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ClientKind,
  CounsellingScope,
  DirectoryEntry,
  DirectoryLanguage,
  DirectoryResponse,
  IntakeRequest,
  IntakeResponse,
  MyCounsellingRequest,
  MyCounsellingRequestsResponse,
  PracticeListingResponse,
  PutListingBody,
} from "@mutual/core";
import { requestJson } from "../api-client";

export type { DirectoryEntry, DirectoryLanguage, IntakeRequest, MyCounsellingRequest, PutListingBody };

/** The languages a listing may name: core's DIRECTORY_LANGUAGES (that module imports zod, which the web app ships without). */
export const DIRECTORY_LANGUAGE_LIST: readonly DirectoryLanguage[] = [
  "en",
  "zh",
  "ms",
  "ta",
  "hi",
  "bn",
  "id",
  "tl",
  "th",
  "vi",
  "ja",
  "ko",
  "ar",
  "fr",
  "de",
  "es",
];

/** A language's name in the reader's language (the browser knows them all). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export type DirectoryFilters = { language?: DirectoryLanguage; kind?: ClientKind; mode?: "in-person" | "online"; subsidised?: boolean };

export function directoryQueryString(filters: DirectoryFilters): string {
  const params = new URLSearchParams();
  if (filters.language) params.set("language", filters.language);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.mode) params.set("mode", filters.mode);
  if (filters.subsidised) params.set("subsidised", "true");
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** The listed practices matching the filters (anyone may read it). */
export const useDirectory = (filters: DirectoryFilters) =>
  useQuery({
    queryKey: ["directory", filters],
    queryFn: () => requestJson<DirectoryResponse>(`/api/directory${directoryQueryString(filters)}`),
    placeholderData: (previous) => previous,
  });

// ---- the person's requests ----

const myRequestsKey = ["counselling-requests"] as const;

export const useMyCounsellingRequests = () =>
  useQuery({ queryKey: myRequestsKey, queryFn: () => requestJson<MyCounsellingRequestsResponse>("/api/counselling-requests") });

function useSetMyRequests() {
  const queryClient = useQueryClient();
  return (answer: MyCounsellingRequestsResponse) => {
    queryClient.setQueryData(myRequestsKey, answer);
    // An accepted request changes who I share with.
    void queryClient.invalidateQueries({ queryKey: ["counselling"] });
  };
}

export function useCreateCounsellingRequest() {
  const setMine = useSetMyRequests();
  return useMutation({
    mutationFn: (body: { practiceId: string; kind: ClientKind; message?: string; scopes: CounsellingScope[] }) =>
      requestJson<MyCounsellingRequestsResponse>("/api/counselling-requests", { method: "POST", body }),
    onSuccess: setMine,
  });
}

const requestPath = (requestId: string) => `/api/counselling-requests/${encodeURIComponent(requestId)}`;

export function useConfirmCounsellingRequest() {
  const setMine = useSetMyRequests();
  return useMutation({
    mutationFn: (input: { requestId: string; scopes: CounsellingScope[] }) =>
      requestJson<MyCounsellingRequestsResponse>(`${requestPath(input.requestId)}/confirm`, { method: "POST", body: { scopes: input.scopes } }),
    onSuccess: setMine,
  });
}

export function useWithdrawCounsellingRequest() {
  const setMine = useSetMyRequests();
  return useMutation({
    mutationFn: (requestId: string) => requestJson<MyCounsellingRequestsResponse>(`${requestPath(requestId)}/withdraw`, { method: "POST", body: {} }),
    onSuccess: setMine,
  });
}

// ---- the practice's side ----

const practicePath = (practiceId: string) => `/api/practices/${encodeURIComponent(practiceId)}`;
const listingKey = (practiceId: string) => ["practice-listing", practiceId] as const;
const intakeKey = (practiceId: string) => ["practice-intake", practiceId] as const;

export const usePracticeListing = (practiceId: string) =>
  useQuery({ queryKey: listingKey(practiceId), queryFn: () => requestJson<PracticeListingResponse>(`${practicePath(practiceId)}/listing`) });

export function usePutListing(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutListingBody) => requestJson<PracticeListingResponse>(`${practicePath(practiceId)}/listing`, { method: "PUT", body }),
    onSuccess: (answer) => queryClient.setQueryData(listingKey(practiceId), answer),
  });
}

export function useRemoveListing(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<null>(`${practicePath(practiceId)}/listing`, { method: "DELETE" }),
    onSuccess: () => queryClient.setQueryData<PracticeListingResponse>(listingKey(practiceId), { listing: null }),
  });
}

/** The practice's open requests (403 TWO_FACTOR_REQUIRED until two-step sign-in is on). */
export const useIntake = (practiceId: string, enabled: boolean) =>
  useQuery({ enabled, queryKey: intakeKey(practiceId), queryFn: () => requestJson<IntakeResponse>(`${practicePath(practiceId)}/intake`), retry: false });

export function useIntakeAction(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { requestId: string } & ({ action: "assign"; memberId: string } | { action: "accept" } | { action: "decline"; message: string })) => {
      const body = input.action === "assign" ? { memberId: input.memberId } : input.action === "decline" ? { message: input.message } : {};
      return requestJson<IntakeResponse>(`${practicePath(practiceId)}/intake/${encodeURIComponent(input.requestId)}/${input.action}`, { method: "POST", body });
    },
    onSuccess: (answer) => {
      queryClient.setQueryData(intakeKey(practiceId), answer);
      // An accepted request is a new client.
      void queryClient.invalidateQueries({ queryKey: ["practice-clients", practiceId] });
    },
  });
}
