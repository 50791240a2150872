import type * as ja from './ja/index.js';

/** The module dictionaries of one language, by the names of the Japanese ones (ja/index.ts). */
export type ModuleDictionaries = {
  readonly [Name in keyof typeof ja]: Readonly<Record<string, string>>;
};

/** Every key of every module dictionary. */
type KeyOf<Modules extends ModuleDictionaries> = {
  [Name in keyof Modules]: keyof Modules[Name];
}[keyof Modules];

/**
 * One language's dictionary: its module dictionaries merged in this one order, the same for both
 * languages (a later module's key wins: `members` and `requests` word `validation.*` their way).
 */
export function mergeDictionaries<Modules extends ModuleDictionaries>(
  modules: Modules,
): Record<KeyOf<Modules>, string> {
  return {
    ...modules.common,
    ...modules.categories,
    ...modules.trainings,
    ...modules.settings,
    ...modules.members,
    ...modules.memberAdmin,
    ...modules.requests,
    ...modules.requestPages,
    ...modules.memberPages,
    ...modules.notifications,
    ...modules.availability,
    ...modules.coordination,
    ...modules.activities,
    ...modules.payments,
    ...modules.centerLife,
    ...modules.planner,
    ...modules.dashboard,
    ...modules.memberHome,
    ...modules.reports,
    ...modules.accounts,
    ...modules.programme,
    ...modules.sickCare,
    ...modules.line,
    ...modules.renewal,
    ...modules.claims,
    ...modules.incidents,
    ...modules.insurance,
    ...modules.seriousAccidents,
    ...modules.attachments,
    ...modules.helpCategories,
  } as Record<KeyOf<Modules>, string>;
}
