/**
 * A refusal a module decides on (a policy's "no", a conflict, an unknown id), with the kind
 * of refusal as its status (400, 403, 404, 409, 422…). Modules and policies know nothing of
 * HTTP; the edge (http/error-handler.ts) sends it as `{ error: { code, message, fields? } }`
 * with that status. Validation errors of request schemas become 400 without it.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const badRequest = (code: string, message: string, fields?: Array<{ path: string; message: string }>) => new DomainError(400, code, message, fields);
export const forbidden = (code: string, message: string) => new DomainError(403, code, message);
export const notFound = (message = "Nothing here.") => new DomainError(404, "NOT_FOUND", message);
export const conflict = (code: string, message: string) => new DomainError(409, code, message);
export const unprocessable = (code: string, message: string, fields?: Array<{ path: string; message: string }>) => new DomainError(422, code, message, fields);
