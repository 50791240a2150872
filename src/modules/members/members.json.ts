import { z } from 'zod';
import type { Child } from '../../../db/schema.js';
import type { MemberWithEmail } from './members.queries.js';
import { parseJsonList } from '../../lib/json-list.js';

export const formatMemberNo = (n: number | null) =>
  n === null ? null : String(n).padStart(5, '0');

/** The Member of API.md. */
export function toMemberJson(m: MemberWithEmail) {
  return {
    id: m.id,
    memberNo: formatMemberNo(m.member_no),
    kind: m.kind,
    name: m.name,
    nameKana: m.name_kana,
    email: m.email,
    phone: m.phone,
    birthDate: m.birth_date,
    postalCode: m.postal_code,
    address: m.address,
    area: m.area,
    requesterStatus: m.requester_status,
    helperStatus: m.helper_status,
    requesterApprovedAt: m.requester_approved_at,
    helperApprovedAt: m.helper_approved_at,
    helperProfile:
      m.helper_status === null
        ? null
        : {
            areas: parseJsonList<string>(m.helper_areas),
            categories: parseJsonList<number>(m.helper_categories),
            childAgeMinMonths: m.helper_child_age_min_months,
            childAgeMaxMonths: m.helper_child_age_max_months,
            maxChildren: m.helper_max_children,
            hasPets: m.helper_has_pets === 1,
            smokerInHome: m.helper_smoker_in_home === 1,
            preschoolersAtHome: m.helper_preschoolers_at_home === 1,
            householdNotes: m.helper_household_notes,
          },
    consent: {
      termsVersion: m.consent_terms_version,
      termsAt: m.consent_terms_at,
      healthDataVersion: m.consent_health_version,
      healthDataAt: m.consent_health_at,
    },
    withdrawnAt: m.withdrawn_at,
    createdAt: m.created_at,
  };
}
export type MemberJson = ReturnType<typeof toMemberJson>;

/** The Child of API.md; health fields only when the viewer may see them. */
export function toChildJson(c: Child, withHealth: boolean) {
  return {
    id: c.id,
    memberId: c.member_id,
    name: c.name,
    nameKana: c.name_kana,
    sex: c.sex,
    birthDate: c.birth_date,
    school: c.school,
    ...(withHealth
      ? { allergies: c.allergies, healthNotes: c.health_notes, familyDoctor: c.family_doctor }
      : {}),
  };
}

// The response schemas of the serializers above (the API contract; see lib/openapi.ts).
const sideStatus = z.enum(['applied', 'active', 'suspended', 'withdrawn']).nullable();
export const memberSchema = z.object({
  id: z.string(),
  memberNo: z.string().nullable().describe('five digits, assigned at the first approval'),
  kind: z.enum(['requester', 'helper', 'both']),
  name: z.string(),
  nameKana: z.string(),
  email: z.string(),
  phone: z.string(),
  birthDate: z.string(),
  postalCode: z.string().nullable(),
  address: z.string(),
  area: z.string(),
  requesterStatus: sideStatus,
  helperStatus: sideStatus,
  requesterApprovedAt: z.string().nullable(),
  helperApprovedAt: z.string().nullable(),
  helperProfile: z
    .object({
      areas: z.array(z.string()),
      categories: z.array(z.number().int()),
      childAgeMinMonths: z.number().int().nullable(),
      childAgeMaxMonths: z.number().int().nullable(),
      maxChildren: z.number().int(),
      hasPets: z.boolean(),
      smokerInHome: z.boolean(),
      preschoolersAtHome: z.boolean(),
      householdNotes: z.string().nullable(),
    })
    .nullable(),
  consent: z.object({
    termsVersion: z.string(),
    termsAt: z.string(),
    healthDataVersion: z.string().nullable(),
    healthDataAt: z.string().nullable(),
  }),
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
});

export const childSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  nameKana: z.string(),
  sex: z.enum(['female', 'male', 'other']).nullable(),
  birthDate: z.string(),
  school: z.string().nullable(),
  allergies: z.string().nullable().optional(),
  healthNotes: z.string().nullable().optional(),
  familyDoctor: z.string().nullable().optional(),
});

/** An emergency contact or authorised pickup as stored (the API answers the row). */
export const contactRowSchema = z.object({
  id: z.string(),
  member_id: z.string(),
  name: z.string(),
  relation: z.string(),
  phone: z.string(),
  created_at: z.string(),
});
