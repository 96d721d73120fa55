/**
 * A client error of our own API: the error handler sends it as
 * `{ error: { code, message, fields? } }` with its status. Use it for every 4xx a
 * module decides on (policy refusals, conflicts, unknown ids); validation errors of
 * request schemas become 400 without it.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (code: string, message: string, fields?: Array<{ path: string; message: string }>) =>
  new HttpError(400, code, message, fields);
export const forbidden = (code: string, message: string) => new HttpError(403, code, message);
export const notFound = (message = "Nothing here.") => new HttpError(404, "NOT_FOUND", message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
export const unprocessable = (code: string, message: string, fields?: Array<{ path: string; message: string }>) =>
  new HttpError(422, code, message, fields);
