import type { SickCareMessages } from '../ja/sick-care.js';

export const sickCare: SickCareMessages = {
  'rule.sick_one_child':
    'Sick-child care is for one child at a time (request brothers and sisters separately).',
  'rule.checklist_unanswered': 'Please answer every question of the exclusion checklist.',
  'rule.sick_excluded':
    'Sick-child care is not possible because: {reasonsEn}. Please see a doctor and contact the center (the center has been told).',
  'rule.not_sick_care': 'This request is not sick-child care.',
  'rule.doctor_seen_after': 'The consultation cannot be after the day of the care.',
  'rule.doctor_seen_too_early':
    'The consultation must be on the day of the care or the day before (from {earliest}).',
  'rule.sick_handed_over': 'The handover has already been recorded.',
  'rule.handover_too_early': 'Please record the handover on the day of the care.',
  'rule.doctor_note_missing':
    'The doctor’s note has not been recorded yet. Ask the parent or the center to record it.',

  'notification.sick_request_refused.title': 'A sick-child request was stopped by the checklist',
  'notification.sick_request_refused.body':
    'The sick-child request of {requester} for {date} was refused by the exclusion checklist. Please check and contact the family.',
  'notification.sick_handover_refused.title': 'A sick-child handover was stopped by the checklist',
  'notification.sick_handover_refused.body':
    'The sick-child care of {requester} on {date} was stopped by the checklist at handover. Please see the record.',

  'req.checklist': 'Exclusion checklist (sick-child care)',
  'req.checklistHint':
    'Answer for how your child is now. If any answer is “yes”, sick-child care is not possible.',
  'req.sickCareLink': 'Sick-child care record (doctor’s note, handover, forms)',

  'sick.title': 'Sick-child care record',
  'sick.lead':
    'The child sees a doctor before the care and the doctor’s note is recorded. At the handover the helper checks the list again and records how the child is.',
  'sick.request': 'Care',
  'sick.yes': 'Yes',
  'sick.no': 'No',
  'sick.checklist.request': 'Checklist with the request',
  'sick.checklist.handover': 'Checklist at handover',
  'sick.checklist.none': 'Not recorded.',
  'sick.note.title': 'Doctor’s note (医師連絡票)',
  'sick.note.none': 'Not recorded yet. The child sees a doctor before the care; record it here.',
  'sick.note.doctorName': 'Doctor',
  'sick.note.institution': 'Clinic or hospital',
  'sick.note.seenOn': 'Date seen',
  'sick.note.seenOnHint': 'The day of the care or the day before.',
  'sick.note.diagnosis': 'Diagnosis',
  'sick.note.instructions': 'The doctor’s instructions (medicine, food, rest, bathing…)',
  'sick.note.save': 'Record the doctor’s note',
  'sick.note.locked': 'After the handover the doctor’s note cannot be changed.',
  'sick.proxy.title': 'Authority to take the child to the doctor (代理受診委任状)',
  'sick.proxy.give': 'Give the helper authority to take the child to the doctor during the care',
  'sick.proxy.institution': 'Clinic or hospital to visit',
  'sick.proxy.reason': 'Why, and what the visit is for',
  'sick.proxy.none': 'No authority given.',
  'sick.handover.title': 'Handover',
  'sick.handover.none': 'Not handed over yet.',
  'sick.handover.temperature': 'Temperature (°C)',
  'sick.handover.childState': 'How the child is (mood, food, medicine, toilet…)',
  'sick.handover.save': 'Record the handover',
  'sick.handover.recordedAt': 'Recorded',
  'sick.refusals.title': 'Handovers stopped by the checklist',
  'sick.forms.title': 'Printable forms',
  'sick.flash.note': 'The doctor’s note was recorded.',
  'sick.flash.handover': 'The handover was recorded.',

  'sickForm.print': 'Print',
  'sickForm.back': 'Back to the sick-child care record',
  'sickForm.request.title': 'Request for sick-child care (病児預かり依頼書)',
  'sickForm.request.lead': 'I request sick-child care as follows.',
  'sickForm.doctorNote.title': 'Doctor’s note (医師連絡票)',
  'sickForm.doctorNote.lead':
    'A helper of the Family Support Center will care for this sick or recovering child. Please note the condition and what to watch for.',
  'sickForm.proxy.title': 'Authority to take the child to the doctor (代理受診委任状)',
  'sickForm.proxy.lead': 'I authorise the helper below to take my child to the doctor.',
  'sickForm.to': 'To {center}',
  'sickForm.issuer': '{center}',
  'sickForm.parent': 'Parent (requesting member)',
  'sickForm.child': 'Child',
  'sickForm.birthDate': 'Date of birth',
  'sickForm.when': 'Date and time of care',
  'sickForm.place': 'Place of care',
  'sickForm.helper': 'Helper',
  'sickForm.helperNone': '(not yet decided)',
  'sickForm.partners': 'Partner medical institutions',
  'sickForm.checklist': 'Exclusion checklist (with the request)',
  'sickForm.written': 'Date',
  'sickForm.parentSignature': 'Parent’s signature',
  'sickForm.doctorSignature': 'Doctor’s signature',
};
