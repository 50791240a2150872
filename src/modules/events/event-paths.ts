/** Event ids are UUIDs; the pattern keeps /events/new for its own route. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const EVENT = `/events/:id{${UUID}}`;
