// How a create refused over the unique Key column is recognised, so the store
// reads the key back instead of trusting a status code.
import { GraphError } from '@microsoft/microsoft-graph-client';

/**
 * Whether a failed create may be a clash on the unique Key column. Graph's
 * status for a unique-value violation is not documented: observed bodies say
 * "One or more fields with unique constraints already has the provided value"
 * (github.com/microsoftgraph/msgraph-sdk-dotnet/issues/790), the duplicate code
 * is `nameAlreadyExists` with 409 (https://learn.microsoft.com/graph/errors), and
 * SharePoint REST answers 500 SPDuplicateValuesFoundException. So any 409 or
 * 400, or a message naming a duplicate or unique value, is answered by reading
 * the key back, never by trusting the code.
 */
export const mayBeKeyClash = (err: unknown): err is GraphError =>
  err instanceof GraphError &&
  (err.statusCode === 409 || err.statusCode === 400 || /duplicate|unique/i.test(err.message ?? ''));
