// An expected failure of a use case, with a stable code from the API's
// ErrorCode union. Use cases throw it without knowing their transport; the
// REST router, the bot and the CLI each present it in their own way.
import { errorCodes, type ErrorCode } from '../../src/core/api.js';

/** The HTTP status each code answers with, unless a problem names its own. */
const statusOf: Record<ErrorCode, number> = {
  [errorCodes.unauthenticated]: 401,
  [errorCodes.forbidden]: 403,
  [errorCodes.notFound]: 404,
  [errorCodes.invalidRequest]: 400,
  [errorCodes.conflict]: 409,
  [errorCodes.preconditionFailed]: 412,
  [errorCodes.phiUnconfirmed]: 422,
  [errorCodes.noCommonTime]: 409,
  [errorCodes.throttled]: 503,
  [errorCodes.upstreamUnavailable]: 502,
  [errorCodes.internalError]: 500,
};

export interface ProblemOptions {
  /** The input field at fault, as a path (`body.start`, `query.search`). */
  field?: string;
  /** Structured details for the caller (PHI findings, the current note on a conflict). */
  details?: unknown;
  /** Response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
  /** Overrides the code's usual status (413 for a body too large). */
  status?: number;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly field?: string;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: ProblemOptions = {},
  ) {
    super(message);
    this.name = 'ApiProblem';
    this.status = options.status ?? statusOf[code];
    this.field = options.field;
    this.details = options.details;
    this.headers = options.headers;
  }
}
