import type { ColumnType, Generated } from "kysely";

// Row types of every table, as stored. Better Auth's tables keep its camelCase names;
// ours are snake_case. Dates differ by dialect (SQLite stores text), so Better Auth's
// date columns are typed loosely: only Better Auth reads them.

type AuthDate = ColumnType<Date | string, Date | string, Date | string>;

export type UserTable = {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  /** Two-factor plugin; null only on rows written before it (read as off). */
  twoFactorEnabled: ColumnType<boolean | number | null, boolean | number | undefined, boolean | number>;
};

export type SessionTable = {
  id: string;
  expiresAt: AuthDate;
  token: string;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
  /** Organization plugin: the practice last made active (we do not rely on it). */
  activeOrganizationId: string | null;
};

export type AccountTable = {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: AuthDate | null;
  refreshTokenExpiresAt: AuthDate | null;
  scope: string | null;
  password: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
};

export type VerificationTable = {
  id: string;
  identifier: string;
  value: string;
  expiresAt: AuthDate;
  createdAt: AuthDate;
  updatedAt: AuthDate;
};

export type RateLimitTable = {
  id: string;
  key: string;
  count: number;
  lastRequest: ColumnType<number | string, number, number>;
};

/** Epoch milliseconds; PostgreSQL returns bigint as a string, so repositories convert with Number(). */
type EpochMs = ColumnType<number | string, number, number>;

export type SignInFailureTable = {
  id: string;
  account_key: string;
  client_key: string;
  failed_at: EpochMs;
};

export type ConsentTable = {
  user_id: string;
  notice_version: string;
  consented_at: EpochMs;
};

export type AssessmentTable = {
  id: string;
  user_id: string;
  instrument_id: string;
  instrument_version: string;
  status: "in_progress" | "completed";
  /** The language the statements were shown in (decision 076); "en" for every profile before that. */
  language: Generated<string>;
  started_at: EpochMs;
  completed_at: ColumnType<number | string | null, number | null | undefined, number | null>;
};

export type AssessmentAnswerTable = {
  assessment_id: string;
  item_id: string;
  value: number;
  answered_at: EpochMs;
};

export type DataKeyTable = {
  user_id: string;
  /** Id of the key-encryption key that wrapped this data key. */
  key_id: string;
  wrapped_key: string;
  created_at: EpochMs;
};

export type CheckInTable = {
  id: string;
  user_id: string;
  iso_week: string;
  time_zone: string;
  spoke_up: number | null;
  felt_heard: number | null;
  backed_partner: number | null;
  felt_backed: number | null;
  friends_family_hours: number | null;
  we_pulse: number | null;
  me_pulse: number | null;
  note_sealed: string | null;
  note_key_id: string | null;
  /** The language the check-in's questions were shown in (decision 076). */
  language: Generated<string>;
  created_at: EpochMs;
  updated_at: EpochMs;
};

export type ExerciseCompletionTable = {
  id: string;
  user_id: string;
  exercise_id: string;
  completed_at: EpochMs;
  reflection_sealed: string | null;
  reflection_key_id: string | null;
};

export type IdempotencyKeyTable = {
  key: string;
  user_id: string;
  route: string;
  /** A reference to the result (e.g. a week or a completion id), never a copy of it: replays re-read the current data. */
  response: string;
  /** HMAC-SHA-256 (keyed from the person's data key) of the route and the canonical request; null only in rows from before it existed. */
  request_fingerprint: ColumnType<string | null, string, string>;
  created_at: EpochMs;
};

type NullableEpochMs = ColumnType<number | string | null, number | null | undefined, number | null>;

export type PartnerInviteTable = {
  id: string;
  inviter_id: string;
  /** HMAC-SHA-256 of the normalised code, keyed from the auth secret: never the code. */
  code_hash: string;
  created_at: EpochMs;
  expires_at: EpochMs;
  status: "pending" | "accepted" | "cancelled";
  accepted_by: string | null;
  closed_at: NullableEpochMs;
};

export type CoupleTable = {
  id: string;
  created_at: EpochMs;
  ended_at: NullableEpochMs;
};

export type CoupleMemberTable = {
  couple_id: string;
  user_id: string;
  joined_at: EpochMs;
  left_at: NullableEpochMs;
};

export type PartnerShareTable = {
  couple_id: string;
  owner_id: string;
  scope: "overview" | "dimensions" | "check-in-trends" | "exercises";
  granted_at: EpochMs;
};

export type DataViewTable = {
  id: string;
  owner_id: string;
  viewer_id: string | null;
  viewer_name: string;
  viewer_role: "partner" | "counsellor";
  /** A partner share scope, or a counselling scope for a counsellor's view. */
  scope: "overview" | "dimensions" | "check-in-trends" | "exercises" | "profile" | "check-ins" | "safety" | "notes" | "counselling-request";
  /** The latest sitting of the row (decision 064). */
  viewed_at: EpochMs;
  sittings: ColumnType<number, number | undefined, number>;
  /** When the row's window opened; null on rows from before decision 064 (never extended). */
  first_viewed_at: NullableEpochMs;
  /** Every sitting's epoch ms, comma-separated, oldest first; null on rows from before decision 064 (one sitting, viewed_at). */
  sitting_times: string | null;
};

export type InviteAttemptFailureTable = {
  id: string;
  user_id: string;
  failed_at: EpochMs;
};

// A counsellor's clients and what each person lets their counsellor see (decision 015).
export type PracticeClientTable = {
  id: string;
  practice_id: string;
  counsellor_id: string;
  kind: "individual" | "couple";
  created_at: EpochMs;
};

export type PracticeClientMemberTable = {
  client_id: string;
  practice_id: string;
  user_id: string;
  joined_at: EpochMs;
};

export type ClientConsentTable = {
  client_id: string;
  user_id: string;
  scope: "profile" | "check-ins" | "safety" | "notes";
  granted_at: EpochMs;
};

export type ClientInviteTable = {
  id: string;
  practice_id: string;
  counsellor_id: string;
  kind: "individual" | "couple";
  /** HMAC-SHA-256 of the normalised code, keyed from the auth secret: never the code. */
  code_hash: string;
  created_at: EpochMs;
  expires_at: EpochMs;
  status: "pending" | "accepted" | "cancelled";
  client_id: string | null;
  closed_at: NullableEpochMs;
};

/** When a counsellor last opened a client member's detail (decision 016). */
export type ClientLastViewTable = {
  counsellor_id: string;
  client_id: string;
  user_id: string;
  viewed_at: EpochMs;
};

/** One row per client member: what the dashboard filters, sorts and counts by (decision 018). */
export type ClientMemberSummaryTable = {
  client_id: string;
  user_id: string;
  practice_id: string;
  counsellor_id: string;
  joined_at: EpochMs;
  name: string;
  bits: number;
  check_in_at: NullableEpochMs;
  we: number | null;
  me: number | null;
  latest_flag_bits: number | null;
  seen_flag_bits: number | null;
  d_close: number | null;
  d_support: number | null;
  d_accept: number | null;
  d_voice: number | null;
  d_self: number | null;
  d_ties: number | null;
  d_rely: number | null;
  d_we: number | null;
  d_me: number | null;
  d_codependency: number | null;
};

/** One row per client for the dashboard's sorting, filtering and counting (decision 063). */
export type ClientSummaryTable = {
  client_id: string;
  practice_id: string;
  counsellor_id: string;
  name_key: string;
  we: number | null;
  me: number | null;
  last_check_in_at: NullableEpochMs;
  oldest_check_in_at: NullableEpochMs;
  flag_bits: number;
  new_flag: number;
  declining: number;
  /** Reliably worse since intake, drawn with the norms in client_summary_state.verdict_tests (decision 077). */
  deteriorated: ColumnType<number, number | undefined, number>;
  /** new_flag + declining + deteriorated: the off-track sort. */
  off_track_reasons: ColumnType<number, number | undefined, number>;
  /** 1 when off_track_reasons > 0: the off-track filter. */
  off_track: ColumnType<number, number | undefined, number>;
};

/** Per practice and counsellor, how many client_summary rows, how many off track, and the same per flag: kept by triggers (decision 090). */
export type ClientSummaryCountTable = {
  practice_id: string;
  counsellor_id: string;
  clients: number;
  off_track: number;
  flag_power_imbalance: number;
  flag_codependency_risk: number;
  flag_low_intimacy: number;
  flag_low_support: number;
  flag_difference_reflection: number;
  flag_social_withdrawal: number;
  flag_safety: number;
  off_track_flag_power_imbalance: number;
  off_track_flag_codependency_risk: number;
  off_track_flag_low_intimacy: number;
  off_track_flag_low_support: number;
  off_track_flag_difference_reflection: number;
  off_track_flag_social_withdrawal: number;
  off_track_flag_safety: number;
};

/** A practice whose client_summary rows were built whole (decision 063). */
export type ClientSummaryStateTable = {
  practice_id: string;
  built_at: EpochMs;
  /** The deterioration tests (JSON) the client rows' verdicts were drawn with; null: not drawn yet (decision 077). */
  verdict_tests: string | null;
};

// Read models (decision 016): derived from the answers and check-ins, never a second truth.
type Score = number | null;

/** One completed assessment's scores, pattern and shareable flag ids (a JSON array of flag ids). */
export type AssessmentScoreTable = {
  assessment_id: string;
  user_id: string;
  completed_at: EpochMs;
  close: Score;
  support: Score;
  accept: Score;
  voice: Score;
  self: Score;
  ties: Score;
  rely: Score;
  we: Score;
  me: Score;
  codependency: Score;
  pattern: string | null;
  flag_ids: string;
  /** "id@version" of the assessment's instrument (decision 022). Null only on rows from before it. */
  instrument_key: string | null;
  /** The answers to the scored items, a digit each ("-" skipped), never the safety screen's (core's packScoredAnswers). */
  scored_answers: string | null;
  /** The language the profile was answered in, as on its assessment (decision 093). Null only on rows an older server wrote: read the assessment's. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
};

/** Reliability and SD per score from the deployment's own profiles, per instrument version (decision 022). */
export type DeploymentNormsTable = {
  instrument_key: string;
  respondents: number;
  /** JSON: core's ScoreNorms. */
  norms: string;
  computed_at: EpochMs;
  /** JSON: core's ScoreNorms per language code, each from that language's people alone (decision 087); null before. */
  norms_by_language: string | null;
};

/** Whether the private safety flag fired (1) or not (0): apart, so a scores query cannot return it. */
export type AssessmentSafetyTable = {
  assessment_id: string;
  user_id: string;
  raised: number;
  /** 1 when every safety question was left unanswered (decision 034). */
  check_skipped: ColumnType<number, number | undefined, number>;
};

/** A person's own settings (decision 037); no row means the defaults. */
export type PersonPreferenceTable = {
  user_id: string;
  quick_exit_ends_session: number;
  /** One of core's languageCodes, or null while the person has not chosen (decision 074). */
  language: string | null;
  updated_at: EpochMs;
};

/** A person's weekly reminder (issue 17, decision 046). */
export type ReminderSettingTable = {
  user_id: string;
  enabled: number;
  weekday: number;
  minute_of_day: number;
  time_zone: string | null;
  channel: string;
  quiet_start: number | null;
  quiet_end: number | null;
  next_due_at: NullableEpochMs;
  is_snoozed: number;
  prompt_answered: number;
  updated_at: EpochMs;
};

/** One notice to send (decision 046): no address, no text, only whom, what kind and when. */
export type OutboxMessageTable = {
  id: string;
  user_id: string;
  kind: string;
  dedupe_key: string;
  reference_id: string | null;
  due_at: EpochMs;
  expires_at: EpochMs;
  status: string;
  attempts: number;
  next_attempt_at: EpochMs;
  claim_token: string | null;
  claimed_until: NullableEpochMs;
  created_at: EpochMs;
  finished_at: NullableEpochMs;
};

/** One device a person turned push on for (decision 060): the subscription sealed with their data key. */
export type PushSubscriptionTable = {
  id: string;
  user_id: string;
  endpoint_hash: string;
  sealed: string;
  key_id: string;
  created_at: EpochMs;
};

/** One device that took one push notice (decision 071): a retry skips it. */
export type PushDeliveryTable = {
  outbox_message_id: string;
  subscription_id: string;
  delivered_at: EpochMs;
};

/** A counsellor's request to one client member (issue 17, decision 047). */
export type ClientRequestTable = {
  id: string;
  client_id: string;
  practice_id: string;
  counsellor_id: string;
  user_id: string;
  kind: "check-in" | "profile";
  status: "open" | "declined" | "cancelled";
  created_at: EpochMs;
  expires_at: NullableEpochMs;
  reminder_at: NullableEpochMs;
  answered_at: NullableEpochMs;
};

/** A practice's entry in the directory (issue 19, decision 054); no row while unlisted. */
export type PracticeListingTable = {
  practice_id: string;
  /** Language codes from core's DIRECTORY_LANGUAGES, each between bars: "|en|zh|". */
  languages: string;
  individual: number;
  couple: number;
  in_person_area: string | null;
  online: number;
  fees: string;
  subsidised: number;
  description: string;
  contact: string;
  listed_at: EpochMs;
  updated_at: EpochMs;
};

/** A person's request for counselling to a listed practice (issue 19, decision 055). */
export type CounsellingRequestTable = {
  id: string;
  practice_id: string;
  requester_id: string;
  partner_id: string | null;
  kind: "individual" | "couple";
  message: string | null;
  /** Comma-separated counselling scopes each person chose; the partner's null until they confirm. */
  requester_scopes: string;
  partner_scopes: string | null;
  status: "awaiting-partner" | "sent" | "assigned" | "accepted" | "declined" | "withdrawn";
  counsellor_id: string | null;
  decline_message: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
};

/** Each person's latest check-in week and when it was last written. */
export type CheckInLatestTable = {
  user_id: string;
  iso_week: string;
  updated_at: EpochMs;
  /** 1 when a pulse shows a sustained decline as of that week, 0 when not, null before it was worked out (decision 035). */
  pulse_declining: ColumnType<number | null, number | null | undefined, number | null>;
};

// Better Auth's organization plugin: a practice is an organization (decision 014).
export type OrganizationTable = {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  createdAt: AuthDate;
  metadata: string | null;
};

export type MemberTable = {
  id: string;
  organizationId: string;
  userId: string;
  /** owner, admin or counsellor. */
  role: string;
  createdAt: AuthDate;
};

export type InvitationTable = {
  id: string;
  organizationId: string;
  email: string;
  role: string | null;
  /** pending, accepted, rejected or canceled. */
  status: string;
  expiresAt: AuthDate;
  createdAt: AuthDate;
  inviterId: string;
};

/** Two-factor plugin: the TOTP secret and backup codes, both encrypted by Better Auth. */
export type TwoFactorTable = {
  id: string;
  secret: string;
  backupCodes: string;
  userId: string;
  verified: boolean | number | null;
  failedVerificationCount: number | null;
  lockedUntil: AuthDate | null;
};

/** One round of a scheduled job (decision 021): (job, period_key) is unique, so a round is recorded once. */
export type JobRunTable = {
  job: string;
  /** The round: the start of its period as an ISO timestamp. */
  period_key: string;
  /** Which server process ran it (host and process id), for operators. */
  instance: string;
  started_at: EpochMs;
  finished_at: EpochMs;
  /** The round's counts as JSON, e.g. rows deleted per table. */
  result: string;
};

/** One row /readyz writes to prove a write can commit (decision 027). */
export type ReadinessProbeTable = {
  id: string;
  probed_at: number;
};

export type DB = {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: RateLimitTable;
  organization: OrganizationTable;
  member: MemberTable;
  invitation: InvitationTable;
  twoFactor: TwoFactorTable;
  sign_in_failure: SignInFailureTable;
  data_key: DataKeyTable;
  check_in: CheckInTable;
  exercise_completion: ExerciseCompletionTable;
  idempotency_key: IdempotencyKeyTable;
  consent: ConsentTable;
  assessment: AssessmentTable;
  assessment_answer: AssessmentAnswerTable;
  assessment_score: AssessmentScoreTable;
  deployment_norms: DeploymentNormsTable;
  assessment_safety: AssessmentSafetyTable;
  check_in_latest: CheckInLatestTable;
  person_preference: PersonPreferenceTable;
  reminder_setting: ReminderSettingTable;
  outbox_message: OutboxMessageTable;
  client_request: ClientRequestTable;
  practice_listing: PracticeListingTable;
  counselling_request: CounsellingRequestTable;
  push_subscription: PushSubscriptionTable;
  push_delivery: PushDeliveryTable;
  client_last_view: ClientLastViewTable;
  client_member_summary: ClientMemberSummaryTable;
  client_summary: ClientSummaryTable;
  client_summary_state: ClientSummaryStateTable;
  client_summary_count: ClientSummaryCountTable;
  partner_invite: PartnerInviteTable;
  couple: CoupleTable;
  couple_member: CoupleMemberTable;
  partner_share: PartnerShareTable;
  data_view: DataViewTable;
  invite_attempt_failure: InviteAttemptFailureTable;
  practice_client: PracticeClientTable;
  practice_client_member: PracticeClientMemberTable;
  client_consent: ClientConsentTable;
  client_invite: ClientInviteTable;
  job_run: JobRunTable;
  readiness_probe: ReadinessProbeTable;
};
