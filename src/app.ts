import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { createLucia } from './auth/lucia.js';
import { sessionMiddleware, setLocale } from './auth/session.middleware.js';
import type { AppDeps, AppEnv } from './context.js';
import { clientAddressOf } from './http/client-address.js';
import { rejectMalformedForms } from './http/forms.js';
import { memberSidesMiddleware } from './http/member-sides.js';
import { handleError, handleNotFound } from './http/errors.js';
import { noStore, requireJsonForWrites, securityHeaders } from './http/security.js';
import { AppError } from './lib/errors.js';
import { API_DOCS_PATH, apiDocsPage } from './http/api-docs.js';
import { apiRouter, jsonResponse, openApiDocumentOf, operationsOf } from './http/api-route.js';
import { z } from 'zod';
import { authApi } from './modules/auth/auth.api.js';
import { authPages } from './modules/auth/auth.routes.js';
import { homePages } from './modules/dashboard/home.routes.js';
import { staffApi } from './modules/staff/staff.api.js';
import { staffLifecycleApi } from './modules/staff/staff-lifecycle.api.js';
import { recoveryApi } from './modules/auth/recovery.api.js';
import { memberResetCodeApi } from './modules/members/member-reset-code.api.js';
import { renewalApi } from './modules/members/renewal.api.js';
import { staffPages } from './modules/staff/staff.routes.js';
import { staffLifecyclePages } from './modules/staff/staff-lifecycle.routes.js';
import { recoveryPages } from './modules/auth/recovery.routes.js';
import { memberResetCodePages } from './modules/members/member-reset-code.routes.js';
import { settingsApi } from './modules/settings/settings.api.js';
import { categoriesApi } from './modules/categories/categories.api.js';
import { categoryPages } from './modules/categories/categories.routes.js';
import { categoryLabelsMiddleware } from './modules/categories/category-labels.middleware.js';
import { settingsPages } from './modules/settings/settings.routes.js';
import { memberPages } from './modules/members/members.routes.js';
import { membersApi } from './modules/members/members.api.js';
import { orientationsApi } from './modules/orientations/orientations.api.js';
import { trainingsApi } from './modules/trainings/trainings.api.js';
import { trainingRecordsApi } from './modules/trainings/training-records.api.js';
import { trainingPages } from './modules/trainings/trainings.routes.js';
import { memberStaffPages } from './modules/members/members.staff.routes.js';
import { orientationPages } from './modules/orientations/orientations.routes.js';
import { requestsApi } from './modules/requests/requests.api.js';
import { sickCareApi } from './modules/requests/sick-care.api.js';
import { offersApi } from './modules/matching/offers.api.js';
import { preMeetingsApi } from './modules/matching/pre-meetings.api.js';
import { newRequestPages } from './modules/requests/new-request.routes.js';
import { myRequestPages } from './modules/requests/my-requests.routes.js';
import { requestCancelPages } from './modules/requests/request-cancel.routes.js';
import { sickCarePages } from './modules/requests/sick-care.routes.js';
import { offerPages } from './modules/requests/offers.routes.js';
import { wireMatching } from './modules/matching/matching.wiring.js';
import { notificationsApi } from './modules/notifications/notifications.api.js';
import { notificationsPages } from './modules/notifications/notifications.routes.js';
import { availabilityApi } from './modules/availability/availability.api.js';
import { availabilityPages } from './modules/availability/availability.routes.js';
import { boardPages } from './modules/matching/board.routes.js';
import { intakePages } from './modules/matching/intake.routes.js';
import { coordinationPages } from './modules/matching/coordination.routes.js';
import { preMeetingPages } from './modules/matching/pre-meetings.routes.js';
import { activitiesApi } from './modules/activities/activities.api.js';
import { feesApi } from './modules/fees/fees.api.js';
import { paymentsApi } from './modules/payments/payments.api.js';
import { receiptsApi } from './modules/payments/receipts.api.js';
import { eligibilityApi } from './modules/subsidies/eligibility.api.js';
import { eligibilityPages } from './modules/subsidies/eligibility.routes.js';
import { subsidyRulesApi } from './modules/subsidies/subsidy-rules.api.js';
import { claimsApi } from './modules/claims/claims.api.js';
import { claimPages } from './modules/claims/claims.routes.js';
import { subsidyRulePages } from './modules/subsidies/subsidy-rules.routes.js';
import { incidentsApi } from './modules/incidents/incidents.api.js';
import { insuranceApi } from './modules/incidents/insurance.api.js';
import { seriousAccidentsApi } from './modules/incidents/serious-accidents.api.js';
import { ATTACHMENT_API_UPLOAD_PATH, attachmentsApi } from './modules/incidents/attachments.api.js';
import { eventsApi } from './modules/events/events.api.js';
import { eventPages } from './modules/events/events.routes.js';
import { announcementsApi } from './modules/announcements/announcements.api.js';
import {
  announcementPages,
  NEWSLETTER_UPLOAD_PATH,
} from './modules/announcements/announcements.routes.js';
import { directoryApi } from './modules/directory/directory.api.js';
import { reportsApi } from './modules/reports/reports.api.js';
import { directoryPages } from './modules/directory/directory.routes.js';
import { activityPages } from './modules/activities/activities.routes.js';
import { paymentPages } from './modules/payments/payments.routes.js';
import { incidentPages } from './modules/incidents/incidents.routes.js';
import { ATTACHMENT_UPLOAD_PATH, attachmentPages } from './modules/incidents/attachments.routes.js';
import { insurancePages } from './modules/incidents/insurance.routes.js';
import { feeTablePages } from './modules/fees/fee-tables.routes.js';
import { reportPages } from './modules/reports/reports.routes.js';
import { plannerPages } from './modules/planner/planner.routes.js';
import { lineApi } from './modules/line/line.api.js';
import { linePages } from './modules/line/line.routes.js';
import { lineWebhook } from './modules/line/line-webhook.routes.js';

const healthOp = operationsOf('health');
const healthz = healthOp('public', 'get /healthz', {
  summary: 'The app answers',
  responses: { 200: jsonResponse('Up', z.object({ ok: z.literal(true) })) },
});

export interface AppOptions {
  /** Serves /assets/* on runtimes where the app itself serves files (Node). */
  assets?: MiddlewareHandler;
}

/** Routes that take a file: each sets its own body limit and parses its own body. */
const UPLOAD_PATHS = [NEWSLETTER_UPLOAD_PATH, ATTACHMENT_UPLOAD_PATH, ATTACHMENT_API_UPLOAD_PATH];

/** The whole application, for either runtime. Imports nothing Node-only. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const lucia = createLucia(deps.db, deps.clock, deps.config);
  wireMatching();
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('deps', deps);
      c.set('lucia', lucia);
      c.set('user', null);
      c.set('sessionToken', null);
      c.set('clientAddress', clientAddressOf(c));
      setLocale(c); // provisional, for errors raised before the session is known
      await next();
    }),
  );
  app.use('*', securityHeaders);
  if (options.assets) app.use('/assets/*', options.assets);
  app.use('*', noStore);
  app.use(
    '*',
    // NOTE: the uploads (newsletter PDF, incident attachments) set their own, larger limits.
    except(
      UPLOAD_PATHS,
      bodyLimit({
        maxSize: deps.config.BODY_LIMIT_BYTES,
        onError: () => {
          throw new AppError(413, 'payload_too_large', 'error.payload_too_large');
        },
      }),
    ),
  );
  app.use('/api/*', requireJsonForWrites([ATTACHMENT_API_UPLOAD_PATH]));
  // NOTE: form posts must come from our own origin (Origin or Sec-Fetch-Site); a missing or
  // text/plain content type is treated as a form, so it is checked too.
  app.use(
    '*',
    csrf({
      origin: (origin, c) =>
        origin === new URL(c.req.url).origin || origin === deps.config.PUBLIC_ORIGIN,
    }),
  );
  // NOTE: the uploads read their bodies under their own, larger limits (and handle them).
  app.use('*', except(UPLOAD_PATHS, rejectMalformedForms));
  app.use('*', sessionMiddleware);
  app.use('*', memberSidesMiddleware);
  app.use('*', categoryLabelsMiddleware);

  const api = apiRouter();
  api.openapi(healthz, (c) => c.json({ ok: true as const }, 200));
  api.route('/', authApi);
  api.route('/', staffApi);
  api.route('/', staffLifecycleApi);
  api.route('/', recoveryApi);
  api.route('/', memberResetCodeApi);
  api.route('/', renewalApi);
  api.route('/', settingsApi);
  api.route('/', categoriesApi);
  api.route('/', membersApi);
  api.route('/', orientationsApi);
  api.route('/', trainingsApi);
  api.route('/', trainingRecordsApi);
  api.route('/', requestsApi);
  api.route('/', sickCareApi);
  api.route('/', offersApi);
  api.route('/', preMeetingsApi);
  api.route('/', notificationsApi);
  api.route('/', availabilityApi);
  api.route('/', activitiesApi);
  api.route('/', feesApi);
  api.route('/', paymentsApi);
  api.route('/', receiptsApi);
  api.route('/', eligibilityApi);
  api.route('/', subsidyRulesApi);
  api.route('/', claimsApi);
  api.route('/', incidentsApi);
  api.route('/', insuranceApi);
  api.route('/', seriousAccidentsApi);
  api.route('/', attachmentsApi);
  api.route('/', eventsApi);
  api.route('/', announcementsApi);
  api.route('/', directoryApi);
  api.route('/', reportsApi);
  api.route('/', lineApi);
  const openApiDocument = openApiDocumentOf(api);
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/v1', api);
  app.get(API_DOCS_PATH, apiDocsPage);

  app.route('/', homePages);
  app.route('/', authPages);
  app.route('/', staffPages);
  app.route('/', staffLifecyclePages);
  app.route('/', recoveryPages);
  app.route('/', memberResetCodePages);
  app.route('/', settingsPages);
  app.route('/', categoryPages);
  app.route('/', memberPages);
  app.route('/', memberStaffPages);
  app.route('/', orientationPages);
  app.route('/', trainingPages);
  app.route('/', notificationsPages);
  app.route('/', availabilityPages);
  // /requests/new before /requests/:id
  app.route('/', newRequestPages);
  app.route('/', myRequestPages);
  app.route('/', requestCancelPages);
  app.route('/', sickCarePages);
  app.route('/', offerPages);
  app.route('/', boardPages);
  app.route('/', intakePages);
  app.route('/', coordinationPages);
  app.route('/', preMeetingPages);
  app.route('/', plannerPages);
  app.route('/', eventPages);
  app.route('/', announcementPages);
  app.route('/', directoryPages);
  app.route('/', activityPages);
  app.route('/', paymentPages);
  app.route('/', eligibilityPages);
  app.route('/', subsidyRulePages);
  app.route('/', claimPages);
  app.route('/', incidentPages);
  app.route('/', attachmentPages);
  app.route('/', insurancePages);
  app.route('/', feeTablePages);
  app.route('/', reportPages);
  app.route('/', linePages);
  app.route('/', lineWebhook);

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
