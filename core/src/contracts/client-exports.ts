// A counsellor's exports of their own clients' consented data (decision 017). The FHIR export
// answers with fhirExportBundleSchema (export.ts); the CSV files are text, described here.
import { z } from "zod";
import { pathIdSchema } from "./path-id.js";

/** GET /api/practices/:practiceId/clients/:clientId/export.fhir.json and …/export.csv */
export const clientExportParamsSchema = z.object({ practiceId: pathIdSchema(200), clientId: pathIdSchema(100) });

/** The client CSV's columns: one line per value. */
export const CLIENT_EXPORT_CSV_COLUMNS = ["person", "record", "date", "key", "value", "text"] as const;

/** What a client CSV line holds, in its `record` column. */
export const CLIENT_EXPORT_RECORDS = ["score", "pattern", "answer", "safety-answer", "safety-screen", "check-in", "check-in-note", "reflection"] as const;

/** GET /api/practices/:practiceId/export.csv columns: one line per client person × completed profile. */
export const PRACTICE_SCORES_CSV_COLUMNS = [
  "client",
  "kind",
  "person",
  "completed_at",
  "pattern",
  "we",
  "me",
  "codependency",
  "close",
  "support",
  "accept",
  "voice",
  "self",
  "ties",
  "rely",
] as const;
