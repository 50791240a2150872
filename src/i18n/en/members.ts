import type { MembersMessages } from '../ja/members.js';

export const members: MembersMessages = {
  'validation.katakana': 'Please use katakana (hiragana is converted automatically).',
  'validation.date': 'Please enter a real date (for example 2020-04-01).',
  'validation.phone': 'Please enter a phone number (for example 090-1234-5678).',
  'validation.phone_chars': 'Use digits and hyphens only (for example 090-1234-5678).',
  'validation.phone_start': 'Start with the 0 of the area code (for example 042-123-4567).',
  'validation.phone_too_short':
    'This phone number is too short: enter 10 or 11 digits, from the area code.',
  'validation.phone_too_long':
    'This phone number is too long: enter 10 or 11 digits, from the area code.',
  'validation.email_no_at': 'The email address has no “@” (for example name@example.jp).',
  'validation.email_space': 'The email address contains a space. Please remove it.',
  'validation.email_japanese_dot':
    'The email address contains “。” or “、”. Please use a full stop “.” instead.',
  'validation.email_full_width':
    'The email address contains full-width (Japanese) characters. Please use half-width letters and digits.',
  'validation.postal_code': 'Please enter a 7-digit postal code (for example 123-4567).',
  'validation.consent_terms': 'You need to agree to the terms.',
  'validation.children_required': 'Requesters register at least one child.',
  'validation.two_emergency_contacts':
    'Requesters give at least two emergency contacts other than themselves.',
  'validation.range': 'The lower limit is above the upper limit.',
  'validation.end_after_start': 'The end must be after the start.',
  'rule.helper_too_young': 'Helpers must be {age} or older.',
  'rule.no_eligible_child': 'Requesters need a child within the center’s age range.',
  'rule.no_eligible_child.end_of_preschool':
    'Requesters need a child between {days} days old and the start of elementary school.',
  'rule.no_eligible_child.end_of_elementary':
    'Requesters need a child between {days} days old and the end of elementary school.',
  'rule.no_eligible_child.end_of_junior_high':
    'Requesters need a child between {days} days old and the end of junior high school.',
  'rule.child_too_old': 'Children past the center’s age range cannot be registered.',
  'rule.child_too_old.end_of_preschool':
    'Children who have started elementary school cannot be registered.',
  'rule.child_too_old.end_of_elementary':
    'Children who have finished elementary school cannot be registered.',
  'rule.child_too_old.end_of_junior_high':
    'Children who have finished junior high school cannot be registered.',
  'rule.child_not_born': 'The birth date is in the future.',
  'rule.health_consent_required':
    'To record allergies or health details, please first agree to how health data is handled.',
  'rule.orientation_required': 'A requester can be approved only after attending an orientation.',
  'rule.no_such_side': 'This member does not have that membership type.',
  'rule.orientation_full': 'This orientation is full. Please choose another date.',
  'rule.already_registered': 'You are already registered for this orientation.',
  'rule.orientation_not_started':
    'Attendance can be recorded only once the orientation has started.',
  'rule.orientation_past': 'This orientation has already taken place.',
  'rule.member_withdrawn': 'This member has withdrawn.',
  'rule.unknown_member': 'The list includes someone who is not a member.',
  'rule.two_emergency_contacts':
    'At least two emergency contacts are needed, so this one cannot be removed.',
  'rule.invalid_transition': 'This member’s status does not allow that. Please reload the page.',
  'rule.already_withdrawn': 'Already withdrawn.',
};
