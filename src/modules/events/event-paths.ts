import { UUID } from '../../http/paths.js';

/** Event ids are UUIDs; the pattern keeps /events/new for its own route. */
export const EVENT = `/events/:id{${UUID}}`;
