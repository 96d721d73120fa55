import { z } from "zod";

/** Every error response of our own API has this shape. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Present on validation errors: one entry per bad field. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Present on server errors, to quote when reporting a problem. */
    requestId: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
