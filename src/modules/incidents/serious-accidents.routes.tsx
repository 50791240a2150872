import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { viewContext } from '../../http/render.js';
import { textValues } from '../../http/validate.js';
import { tokyoDateOf } from '../../lib/dates.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  SeriousChainSection,
  type SeriousChainView,
  type SeriousStepFormValues,
  type SeriousStepView,
} from '../../../views/pages/incidents/serious-accident.js';
import type { IncidentRow } from './incidents.queries.js';
import { SERIOUS_LEVELS, SERIOUS_STAGES } from './serious-accident-rules.js';
import { stepReportOf } from './serious-accidents.json.js';
import { seriousStepBody, type SeriousStepInput } from './serious-accidents.schemas.js';
import { chainOf, type SeriousChain } from './serious-accidents.service.js';

/** The serious-accident section of an incident's page and its form (issue #19). */

export function stepsView(chain: SeriousChain): SeriousStepView[] {
  return chain.steps.map((s) => ({
    stage: s.stage,
    level: s.level,
    dueOn: s.dueOn,
    state: s.state,
    next: s.next,
    ...stepReportOf(s),
  }));
}

/** The chain of an incident read already, for its pages; undefined when it is not serious. */
export async function seriousChainViewOf(
  c: AppContext,
  incident: IncidentRow,
): Promise<SeriousChainView | undefined> {
  const chain = await chainOf(c.var.deps, incident);
  if (!chain.seriousReason) return undefined;
  return { reason: chain.seriousReason, steps: stepsView(chain) };
}

/** The section of the incident's page (undefined when the incident is not serious). */
export async function seriousSectionFor(
  c: AppContext,
  incident: IncidentRow,
  form: { values?: SeriousStepFormValues; errors?: FormErrors } = {},
) {
  const chain = await seriousChainViewOf(c, incident);
  if (!chain) return undefined;
  const nextStep = chain.steps.find((s) => s.next);
  return (
    <SeriousChainSection
      ctx={viewContext(c)}
      incidentId={incident.id}
      chain={chain}
      values={
        form.values ?? {
          step: nextStep ? `${nextStep.stage}:${nextStep.level}` : '',
          reportedOn: tokyoDateOf(c.var.deps.clock.now()),
        }
      }
      errors={form.errors ?? {}}
    />
  );
}

/** The form: the step as 'stage:level', the date, who reported, a note. */
export const seriousStepForm = z.unknown().transform((raw, ctx): SeriousStepInput => {
  const form = textValues(raw);
  const [stage, level] = (form.step ?? '').split(':');
  if (
    !(SERIOUS_STAGES as readonly string[]).includes(stage ?? '') ||
    !(SERIOUS_LEVELS as readonly string[]).includes(level ?? '')
  ) {
    ctx.addIssue({ code: 'custom', path: ['step'], message: 'validation.required' });
    return z.NEVER;
  }
  const parsed = seriousStepBody.safeParse({
    stage,
    level,
    reportedOn: (form.reportedOn ?? '').normalize('NFKC').trim(),
    reportedBy: form.reportedBy ?? '',
    note: form.note ?? null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom) });
    return z.NEVER;
  }
  return parsed.data;
});
