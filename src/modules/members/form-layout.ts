import type {
  CHILD_FIELDS as PageChildFields,
  CHILD_SLOTS as PageChildSlots,
  CONTACT_FIELDS as PageContactFields,
  CONTACT_SLOTS as PageContactSlots,
} from '../../../views/pages/members/application-form.js';
import type { PROFILE_FIELDS as PageProfileFields } from '../../../views/pages/members/my-profile.js';

/**
 * The fields of the member forms as their pages lay them out. Forms may not import the pages'
 * values (only page routes render views), so the lists are repeated here and checked against
 * the pages' own at compile time: a page that adds or reorders a field fails the typecheck.
 */
export const CHILD_SLOTS = 2 satisfies typeof PageChildSlots;
export const CONTACT_SLOTS = 3 satisfies typeof PageContactSlots;
export const CHILD_FIELDS = [
  'name',
  'nameKana',
  'sex',
  'birthDate',
  'school',
  'allergies',
  'healthNotes',
  'familyDoctor',
] as const satisfies typeof PageChildFields;
export const CONTACT_FIELDS = [
  'name',
  'relation',
  'phone',
] as const satisfies typeof PageContactFields;
export const PROFILE_FIELDS = [
  'phone',
  'postalCode',
  'address',
  'area',
  'email',
] as const satisfies typeof PageProfileFields;
