import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import { eventAdminPages } from './event-admin.routes.js';
import { eventViewerPages } from './event-viewer.routes.js';

export { upcomingEventsFor } from './event-pages.js';

/** The event pages: what everyone sees by audience, and staff's publishing and attendance. */
export const eventPages = new Hono<AppEnv>()
  .route('/', eventViewerPages)
  .route('/', eventAdminPages);
