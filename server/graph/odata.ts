// The one way a value enters a `$filter`. The Graph client's `.filter()` puts
// its string into the URL as it is (GraphRequest.createQueryString joins
// `$filter=` + the raw text), so a value is made an OData string literal
// (quotes doubled) and then URL-encoded: a `'`, `%27`, `#`, `&` or `+` in a
// value stays inside its literal instead of ending it, the fragment or the
// query string.
// Graph: "The values of query parameters should be percent-encoded as per RFC
// 3986 ... all reserved characters in query strings must be percent-encoded";
// a quote inside a string literal is doubled (OData V4).
// https://learn.microsoft.com/graph/query-parameters (Encoding query parameters)

/** `value` as an OData string literal, encoded for the query string of a URL. */
export function filterLiteral(value: string): string {
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`).replace(/'/g, '%27');
}

/** `fields/<column> eq '<value>'` on a list item's column, the value encoded. */
export const fieldEquals = (column: string, value: string): string => `fields/${column} eq ${filterLiteral(value)}`;
