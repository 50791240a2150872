import { Hono } from 'hono';
import { requireAdmin, requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { fieldRefusal } from '../../http/refusal.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formPosts } from '../../http/form-posts.js';
import { adminOnly } from '../../http/validate.js';
import { AppError } from '../../lib/errors.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  CurriculumPage,
  type ModuleFormValues,
  type ValidityFormValues,
} from '../../../views/pages/trainings/curriculum.js';
import {
  moduleForm,
  moduleFormValues,
  moduleValidityForm,
  validityFormValues,
} from './module-form.js';
import { countPendingRecords, listModules } from './trainings.queries.js';
import { createModule, loadDefaultCurriculum, setModuleValidity } from './trainings.service.js';
import { toModuleView } from './trainings.views.js';

/** The training curriculum: staff read it, admins add modules or load the default ones. */
export const curriculumPages = new Hono<AppEnv>();

async function renderCurriculum(
  c: AppContext,
  options: {
    values?: ModuleFormValues;
    errors?: FormErrors;
    validity?: { values: ValidityFormValues; errors: FormErrors };
    status?: 200 | 422;
  } = {},
) {
  const user = requireStaff(c);
  const [modules, pendingCount] = await Promise.all([
    listModules(c.var.deps.db),
    countPendingRecords(c.var.deps.db),
  ]);
  return renderPage(
    c,
    CurriculumPage,
    {
      modules: modules.map((m) => ({
        ...toModuleView(m),
        sortOrder: m.sort_order,
        validityMode: m.validity_mode,
        validityMonths: m.validity_months,
        active: m.active === 1,
      })),
      isAdmin: user.role === 'admin',
      pendingCount,
      values: options.values ?? {},
      errors: options.errors ?? {},
      validity: options.validity ?? { values: {}, errors: {} },
    },
    options.status,
  );
}

curriculumPages.get('/training/curriculum', (c) => renderCurriculum(c));

curriculumPages.post('/training/curriculum/load-defaults', async (c) => {
  const admin = requireAdmin(c);
  const { added } = await loadDefaultCurriculum(c.var.deps, admin);
  if (added > 0) setFlash(c, 'training.curriculum.loaded', { count: String(added) });
  else setFlash(c, 'training.curriculum.nothingToLoad');
  return c.redirect('/training/curriculum', 303);
});

/** The admin's forms of the curriculum page. */
const adminForm = formPosts(curriculumPages, [adminOnly], requireAdmin);

adminForm(
  '/training/curriculum',
  moduleForm,
  (c, errors, form) => renderCurriculum(c, { values: moduleFormValues(form), errors, status: 422 }),
  async (c, admin, { input, values }) => {
    try {
      await createModule(c.var.deps, admin, input);
    } catch (err) {
      const errors = fieldRefusal(c, err, { code_taken: ['code', 'training.rule.code_taken'] });
      if (!errors) throw err;
      return renderCurriculum(c, { values, errors, status: 422 });
    }
    setFlash(c, 'training.curriculum.added', {
      title: c.var.locale === 'ja' ? values.titleJa! : values.titleEn!,
    });
    return c.redirect('/training/curriculum', 303);
  },
);

/** An admin sets how long a module's completion counts (the refresher period, #19). */
adminForm(
  '/training/curriculum/validity',
  moduleValidityForm,
  (c, errors, form) =>
    renderCurriculum(c, { validity: { values: validityFormValues(form), errors }, status: 422 }),
  async (c, admin, { moduleId, input, values }) => {
    try {
      const module = await setModuleValidity(c.var.deps, admin, moduleId, input);
      setFlash(c, 'training.curriculum.validitySet', {
        title: c.var.locale === 'ja' ? module.title_ja : module.title_en,
      });
    } catch (err) {
      // An unknown module is the form's mistake here (the select only offers real ones).
      if (err instanceof AppError && err.status === 404)
        return renderCurriculum(c, {
          validity: { values, errors: { moduleId: c.var.t('validation.required') } },
          status: 422,
        });
      throw err;
    }
    return c.redirect('/training/curriculum', 303);
  },
);
