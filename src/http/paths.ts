/**
 * A UUID as a route path parameter's pattern (`/members/:id{${UUID}}`): a path with any other id
 * matches no route, so it is a 404 before a handler or guard reads it.
 */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
