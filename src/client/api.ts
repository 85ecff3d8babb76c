// The typed client of our REST API (src/core/api.ts), shared by the Teams tab
// and the Outlook task pane. Every response is parsed with its schema; every
// failure becomes an ApiError with the server's stable code. Throttling from
// Microsoft 365 (429/503) is retried with backoff while the UI says so.
// The schemas (./contract.ts, zod) load on the first request, alongside it:
// this module is on the path to the first paint and imports no schema library.
import type { z } from 'zod';
import type {
  BookSessionRequest,
  CreatePairRequest,
  ErrorCode,
  MeetingRecognitionQuery,
  NoteInput,
  SlotRequest,
} from '../core/api.js';
import type { LinkMeetingRequest } from '../core/meetings.js';
import type { Cadence, PairStatus, SessionDuration, SessionStatus, TouchpointKind } from '../core/schemas.js';
import { secondMs } from '../core/time.js';
import type { Contract } from './contract.js';
import { withoutCompiling } from './parsing.js';
import { PrimedRequests } from './primedRequests.js';
import type { ClientConfig } from './auth.js';
import { SignInRequired, type TokenSource } from './host.js';

export type { DepartmentJob } from './contract.js';

/** The schemas once loaded, for an answer that can be read at once (`answeredAlready`). */
let loadedContract: Contract | null = null;
const loadContract = (): Promise<Contract> =>
  import('./contract.js').then((module) => (loadedContract = module.contract));

/** While `answeredAlready` looks: the primed answers read, taken only if `load` resolves to one of them at once. */
let answersRead: (() => void)[] | null = null;
/** What a request answers while `answeredAlready` looks: never settled, so nothing after it runs or is sent. */
const notNow = <T>(arrived?: { value: T }): Promise<T> => Object.assign(new Promise<T>(() => undefined), { arrived });

/**
 * The value `load` resolves to, if it can be had at once: `load` makes one GET
 * through an ApiClient whose answer was primed and has arrived, and its schema
 * has loaded. Nothing is sent: while this looks, every request answers with a
 * promise that never settles (tagged with the answer when there is one), so
 * whatever `load` would do next never runs. Lets a page's first render show
 * data that came with its code rather than a skeleton and a second render
 * (src/ui/useResource.ts). The primed answer stays until `take()` (once the
 * render is committed: React may render a first time more than once).
 */
export function answeredAlready<T>(load: () => Promise<T>): { value: T; take: () => void } | null {
  const read: (() => void)[] = (answersRead = []);
  let answer: Promise<T>;
  try {
    answer = load();
  } catch {
    return null;
  } finally {
    answersRead = null;
  }
  const arrived = (answer as Promise<T> & { arrived?: { value: T } }).arrived;
  return arrived ? { value: arrived.value, take: () => read.forEach((take) => take()) } : null;
}

/** The error codes this module names before the contract has loaded (the type keeps them in the contract's list). */
const codes = {
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  invalidRequest: 'invalid_request',
  preconditionFailed: 'precondition_failed',
  throttled: 'throttled',
  upstreamUnavailable: 'upstream_unavailable',
  internalError: 'internal_error',
} as const satisfies Record<string, ErrorCode>;

export interface ApiErrorOptions {
  /** For validation errors: the offending field, as a dotted path. */
  field?: string | undefined;
  details?: unknown;
}

/** A failed request: the HTTP status (0 when the server was not reached) and the server's stable code. */
export class ApiError extends Error {
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.field = options.field;
    this.details = options.details;
  }

  get isConflict(): boolean {
    return this.status === 412 || this.code === codes.preconditionFailed;
  }
}

export interface BusyNotice {
  /** Attempt that just failed (1-based) and how long we wait before the next. */
  attempt: number;
  waitMs: number;
}

export interface ApiClientOptions {
  baseUrl?: string;
  /** Called while retrying a throttled request, and with null when it is over. */
  onBusy?: (notice: BusyNotice | null) => void;
  maxAttempts?: number;
  /** Backoff base; each retry waits base * 2^(attempt-1), or Retry-After when the server says. */
  backoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const retryableStatuses = new Set([429, 503, 504]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfterMs(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * secondMs);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

/** The code a status stands for when the body names none we know (an error page from a proxy, an older server). */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return codes.unauthenticated;
  if (status === 403) return codes.forbidden;
  if (status === 404) return codes.notFound;
  if (status === 412) return codes.preconditionFailed;
  if (status === 429) return codes.throttled;
  if (status >= 500) return codes.upstreamUnavailable;
  return codes.invalidRequest;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  // Offline, the schemas may not load either: then the status alone decides the code.
  const contract = await loadContract().catch(() => null);
  const parsed = contract?.ApiErrorBody.safeParse(body, withoutCompiling);
  if (contract && parsed?.success) {
    const { code, message, field, details } = parsed.data.error;
    const known = (Object.values(contract.errorCodes) as string[]).includes(code)
      ? (code as ErrorCode)
      : codeForStatus(response.status);
    return new ApiError(response.status, known, message, { field, details });
  }
  const message = `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, codeForStatus(response.status), message);
}

/** Loads the public sign-in configuration (no token needed). */
export async function loadClientConfig(baseUrl = '', fetchImpl: typeof fetch = fetch): Promise<ClientConfig> {
  const response = await fetchImpl(`${baseUrl}/api/client-config`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw await errorFrom(response);
  const [body, contract] = await Promise.all([response.json() as Promise<unknown>, loadContract()]);
  return contract.ClientConfig.parse(body, withoutCompiling);
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

interface ResponseBody {
  status: number;
  body: unknown;
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly primed = new PrimedRequests();

  constructor(
    private readonly tokens: TokenSource,
    private readonly options: ApiClientOptions = {},
  ) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? defaultSleep;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? 500;
  }

  /** Sends one request, retrying throttling and refreshing the token once on 401. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    if (answersRead) return notNow();
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const token = await this.tokens.getToken(refreshed);
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...options.headers,
      };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await this.fetchImpl(`${this.baseUrl}${path}`, {
          method,
          headers,
          ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        });
      } catch (error) {
        if (attempt >= this.maxAttempts) {
          this.options.onBusy?.(null);
          throw new ApiError(
            0,
            codes.upstreamUnavailable,
            `Cannot reach Reciprocal: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        await this.waitBeforeRetry(attempt, null);
        continue;
      }
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        continue;
      }
      if (retryableStatuses.has(response.status) && attempt < this.maxAttempts) {
        await this.waitBeforeRetry(attempt, retryAfterMs(response));
        continue;
      }
      if (attempt > 1) this.options.onBusy?.(null);
      if (!response.ok) throw await errorFrom(response);
      return response;
    }
  }

  private async waitBeforeRetry(attempt: number, serverWaitMs: number | null): Promise<void> {
    const backoff = this.backoffMs * 2 ** (attempt - 1);
    const waitMs = Math.min(serverWaitMs ?? backoff, 30 * secondMs);
    this.options.onBusy?.({ attempt, waitMs });
    await this.sleep(waitMs);
  }

  /**
   * Starts a GET that a page about to open will make, so its data loads with its code. The page's
   * own `json()` call for the same path (or one `sameAs` accepts) takes the answer instead of asking
   * again; a path already being fetched is not asked twice.
   */
  prime(path: string, options: { sameAs?: (path: string) => boolean } = {}): void {
    if (this.primed.has(path)) return;
    this.primed.add(path, this.readBody('GET', path), options.sameAs);
  }

  private async readBody(method: string, path: string, options?: RequestOptions): Promise<ResponseBody> {
    const response = await this.send(method, path, options);
    return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as unknown) };
  }

  /** Sends one request and parses the answer with its contract schema; an answer off the contract is an error. */
  json<S extends z.ZodType>(
    schema: S | PromiseLike<S>,
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<z.infer<S>> {
    return answersRead
      ? this.arrivedAnswer(answersRead, schema, method, path, options)
      : this.answer(schema, method, path, options);
  }

  private async answer<S extends z.ZodType>(
    schema: S | PromiseLike<S>,
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<z.infer<S>> {
    const asked =
      method === 'GET' && options === undefined
        ? (this.primed.take(path) ?? this.primed.track(path, this.readBody(method, path)))
        : this.readBody(method, path, options);
    const [{ status, body }, parser] = await Promise.all([asked, schema]);
    const parsed = parser.safeParse(body, withoutCompiling);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // The server broke its own contract: a bug, whatever the status said.
      throw new ApiError(
        status,
        codes.internalError,
        `Unexpected answer from ${method} ${path}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'bad shape'}`,
      );
    }
    return parsed.data;
  }

  /** For `answeredAlready`: a primed GET's answer that has arrived, parsed there and then. */
  private arrivedAnswer<S extends z.ZodType>(
    read: (() => void)[],
    schema: S | PromiseLike<S>,
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<z.infer<S>> {
    const primed = method === 'GET' && options === undefined ? this.primed.arrived(path) : null;
    const parsed = primed && 'safeParse' in schema ? schema.safeParse(primed.value.body, withoutCompiling) : null;
    if (!primed || !parsed?.success) return notNow();
    read.push(() => this.primed.drop(primed.key));
    return notNow({ value: parsed.data as z.infer<S> });
  }

  private schema<K extends keyof Contract>(name: K): Contract[K] | Promise<Contract[K]> {
    return loadedContract ? loadedContract[name] : loadContract().then((contract) => contract[name]);
  }

  me() {
    return this.json(this.schema('Me'), 'GET', '/api/me');
  }

  pairs() {
    return this.json(this.schema('PairSummaries'), 'GET', '/api/pairs');
  }

  pair(id: string) {
    return this.json(this.schema('PairSummary'), 'GET', `/api/pairs/${encodeURIComponent(id)}`);
  }

  slots(
    pairId: string,
    request: Partial<SlotRequest> & Pick<SlotRequest, 'durationMinutes' | 'windowStart' | 'windowEnd'>,
  ) {
    return this.json(this.schema('SlotResponse'), 'POST', `/api/pairs/${encodeURIComponent(pairId)}/slots`, {
      body: request,
    });
  }

  book(pairId: string, request: BookSessionRequest) {
    return this.json(this.schema('BookSessionResponse'), 'POST', `/api/pairs/${encodeURIComponent(pairId)}/sessions`, {
      body: request,
    });
  }

  async reschedule(sessionId: string, start: string) {
    return (
      await this.json(
        this.schema('SessionOrSessionWithEtag'),
        'PATCH',
        `/api/sessions/${encodeURIComponent(sessionId)}`,
        { body: { start } },
      )
    ).session;
  }

  async cancel(sessionId: string): Promise<void> {
    await this.send('DELETE', `/api/sessions/${encodeURIComponent(sessionId)}`);
  }

  session(id: string) {
    return this.json(this.schema('SessionDetail'), 'GET', `/api/sessions/${encodeURIComponent(id)}`);
  }

  /** Saves my note; `etag` is the version I edited (null for a first note). 412 means it changed elsewhere. */
  saveNote(sessionId: string, note: NoteInput, etag: string | null) {
    return this.json(this.schema('NoteWithEtag'), 'PUT', `/api/sessions/${encodeURIComponent(sessionId)}/notes/me`, {
      body: note,
      headers: etag ? { 'if-match': etag } : {},
    });
  }

  async setActionItemDone(sessionId: string, itemId: string, done: boolean) {
    const result = await this.json(
      this.schema('ActionItemResponse'),
      'PATCH',
      `/api/sessions/${encodeURIComponent(sessionId)}/action-items/${encodeURIComponent(itemId)}`,
      { body: { done } },
    );
    return 'item' in result ? result.item : result;
  }

  async logTouchpoint(
    pairId: string,
    touchpoint: { kind: TouchpointKind; date: string; minutes: number; focusAreas: string[] },
  ) {
    const result = await this.json(
      this.schema('TouchpointResponse'),
      'POST',
      `/api/pairs/${encodeURIComponent(pairId)}/touchpoints`,
      {
        body: touchpoint,
      },
    );
    return 'touchpoint' in result ? result.touchpoint : result;
  }

  /** The same figures as CSV, for a download. */
  async dashboardsCsv(department: string | null, period: { from: string; to: string }): Promise<Blob> {
    const query = `?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}&format=csv`;
    const response = await this.send(
      'GET',
      department === null
        ? `/api/program/dashboard${query}`
        : `/api/departments/${encodeURIComponent(department)}/dashboard${query}`,
    );
    return response.blob();
  }

  programPairs() {
    return this.json(this.schema('PairSummaries'), 'GET', '/api/program/pairs');
  }

  createPair(request: CreatePairRequest) {
    return this.json(this.schema('CreatePairResponse'), 'POST', '/api/pairs', { body: request });
  }

  async updatePair(id: string, change: { cadence?: Cadence; durationMinutes?: SessionDuration; status?: PairStatus }) {
    const result = await this.json(this.schema('PairResponse'), 'PATCH', `/api/pairs/${encodeURIComponent(id)}`, {
      body: change,
    });
    return 'pair' in result ? result.pair : result;
  }

  searchPeople(search: string) {
    return this.json(
      this.schema('DirectoryPeople'),
      'GET',
      `/api/directory/people?search=${encodeURIComponent(search)}`,
    );
  }

  scheduleDepartment(department: string, dryRun = false) {
    return this.json(this.schema('DepartmentJob'), 'POST', '/api/program/schedule-department', {
      body: { department, dryRun },
    });
  }

  job(id: string) {
    return this.json(this.schema('DepartmentJob'), 'GET', `/api/program/jobs/${encodeURIComponent(id)}`);
  }

  /** Which of my sessions the Teams meeting the tab is opened in is (by its chat thread id, join URL or iCalUId). */
  meetingSession(query: MeetingRecognitionQuery) {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
    return this.json(this.schema('MeetingRecognition'), 'GET', `/api/meetings/session?${params.toString()}`);
  }

  /** Makes a meeting on my calendar a session of one of my pairs. */
  linkMeeting(request: LinkMeetingRequest) {
    return this.json(this.schema('MeetingSession'), 'POST', '/api/sessions/link', { body: request });
  }

  /** Marks a session held or no-show (the session loop after the meeting). */
  async setSessionStatus(sessionId: string, status: SessionStatus) {
    return (
      await this.json(this.schema('SessionWithEtag'), 'POST', `/api/sessions/${encodeURIComponent(sessionId)}/status`, {
        body: { status },
      })
    ).session;
  }
}

export { SignInRequired };
