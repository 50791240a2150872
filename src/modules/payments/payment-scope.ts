import { createMiddleware } from 'hono/factory';
import { requireUser } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { guardedValue } from '../../http/guarded.js';
import type { PaymentKey } from './payments.queries.js';
import { loadPaymentSubject } from './payments.service.js';

type Loaded = Awaited<ReturnType<typeof loadPaymentSubject>>;
const loaded = guardedValue<Loaded>('paymentInScope');

/**
 * The object check of a payment route, before its body is validated: only the activity's (or
 * the cancelled request's) helper, its family and staff get past it; anyone else gets a 404
 * whatever they send. The handler reads what it loaded with `scopedPayment(c)`.
 */
export const paymentInScope = (kind: PaymentKey['kind']) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = { kind, id: c.req.param('id') ?? '' };
    loaded.set(c, await loadPaymentSubject(c.var.deps, requireUser(c), key));
    await next();
  });
export const scopedPayment = loaded.of;
