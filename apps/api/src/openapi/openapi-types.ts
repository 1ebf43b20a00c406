/** A JSON Schema object as OpenAPI 3.0 writes them (plain data). */
export type JsonSchema = { [key: string]: unknown };

/** What a route answers on success, read from its declared return type. */
export interface RouteResponse {
  /** The JSON answer; absent when the route sends no JSON (204, files, CSV, HTML). */
  schema?: JsonSchema;
}
