import { z } from 'zod';
import { instantJson, responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import type { SickCareView } from './sick-care.service.js';

type Note = NonNullable<SickCareView['note']>;

export function toDoctorNoteJson(n: Note) {
  return {
    condition: n.condition,
    doctorName: n.doctor_name,
    institution: n.institution,
    seenOn: n.seen_on,
    diagnosis: n.diagnosis,
    instructions: n.instructions,
    proxy:
      n.proxy_institution === null
        ? null
        : { institution: n.proxy_institution, reason: n.proxy_reason ?? '' },
    recordedAt: toTokyoIso(n.updated_at),
  };
}

type Check = NonNullable<SickCareView['requestCheck']>;
const toCheckJson = (c: Check) => ({
  answers: c.answers.map((a) => ({ code: a.code, ja: a.ja, en: a.en, yes: a.yes })),
  temperature: c.temperature,
  childState: c.child_state,
  recordedAt: toTokyoIso(c.recorded_at),
});

export function toSickCareJson(v: SickCareView) {
  return {
    doctorNote: v.note ? toDoctorNoteJson(v.note) : null,
    requestChecklist: v.requestCheck ? toCheckJson(v.requestCheck) : null,
    handover: v.handover ? toCheckJson(v.handover) : null,
    handoverRefusals: v.refusals.map((r) => ({
      at: toTokyoIso(r.at),
      reasonsJa: r.reasonsJa ?? '',
      reasonsEn: r.reasonsEn ?? '',
    })),
  };
}

export const doctorNoteSchema = responseOf<ReturnType<typeof toDoctorNoteJson>>()(
  z.object({
    condition: z.enum(['sick', 'recovering']).describe('病児 (sick) or 病後児 (recovering)'),
    doctorName: z.string(),
    institution: z.string(),
    seenOn: z.string().describe('YYYY-MM-DD: the care day or the day before'),
    diagnosis: z.string(),
    instructions: z.string(),
    proxy: z
      .object({ institution: z.string(), reason: z.string() })
      .nullable()
      .describe('代理受診委任状: where the helper may take the child; null when none'),
    recordedAt: instantJson,
  }),
);

const checkSchema = z.object({
  answers: z.array(
    z.object({ code: z.string(), ja: z.string(), en: z.string(), yes: z.boolean() }),
  ),
  temperature: z.number().nullable().describe('°C, at handover'),
  childState: z.string().nullable().describe("the helper's record of the child at handover"),
  recordedAt: instantJson,
});

export const sickCareSchema = responseOf<ReturnType<typeof toSickCareJson>>()(
  z.object({
    doctorNote: doctorNoteSchema.nullable().describe('医師連絡票 (and 代理受診委任状)'),
    requestChecklist: checkSchema.nullable().describe('the exclusion checklist with the request'),
    handover: checkSchema.nullable().describe('the checklist again at handover, and the state'),
    handoverRefusals: z
      .array(z.object({ at: instantJson, reasonsJa: z.string(), reasonsEn: z.string() }))
      .describe('handovers the checklist stopped'),
  }),
);
