import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import { memberAdminPages } from './member-admin.routes.js';
import { memberListPages } from './member-list.routes.js';
import { renewalPages } from './renewals.routes.js';

/** Staff pages of the members module: the list and CSV, the member page, the renewal list. */
export const memberStaffPages = new Hono<AppEnv>()
  .route('/', memberListPages)
  .route('/', memberAdminPages)
  .route('/', renewalPages);
