import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import { applicationPages } from './application.routes.js';
import { helperProfilePages } from './helper-profile.routes.js';
import { myAccountPages } from './my-account.routes.js';
import { myChildrenPages } from './my-children.routes.js';
import { myProfilePages } from './my-profile.routes.js';
import { myRenewalPages } from './my-renewal.routes.js';

/**
 * Member-facing pages: the public application (and staff entering one on paper's behalf), and
 * マイページ, where a member keeps their own details, children and contacts current.
 */
export const memberPages = new Hono<AppEnv>()
  .route('/', applicationPages)
  .route('/', myProfilePages)
  .route('/', myChildrenPages)
  .route('/', helperProfilePages)
  .route('/', myAccountPages)
  .route('/', myRenewalPages);
