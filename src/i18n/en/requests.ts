import type { RequestsMessages } from '../ja/requests.js';

export const requests: RequestsMessages = {
  'validation.time': 'Please enter a time like 09:30.',
  'validation.children_required_request': 'Please choose at least one child.',
  'rule.lead_time':
    'Please request by {cutoffEn} the day before. If it is urgent, please call the center.',
  'rule.infant_time_limit':
    'Babies under {months} months can be cared for at most {hours} hours at a time.',
  'rule.service_hours': 'Help takes place between {startEn} and {endEn} on the same day.',
  'rule.too_many_children': 'This is more children than can be cared for at once.',
  'rule.past_start': 'The start time has already passed.',
  'rule.child_not_eligible': 'The chosen child cannot be included in this request.',
  'rule.overlapping_request': 'There is already a request for the same child at this time.',
  'rule.requester_not_active': 'You can request help once you are approved as a requester.',
  'rule.requester_suspended':
    'The parent (requester) side is suspended, so help cannot be requested now. Please contact the center about resuming.',
  'rule.no_occurrences': 'No day in that period falls on the chosen weekdays.',
  'rule.too_many_occurrences':
    'A recurring request can have at most 120 dates. Please shorten the period.',
  'rule.already_matched': 'Another helper has already taken this request. Thank you.',
  'rule.request_cancelled': 'This request was cancelled.',
  'rule.offer_expired': 'The time to answer has passed.',
  'rule.helper_double_booked': 'There is already another activity at this time.',
  'rule.helper_not_active':
    'Your helper registration is suspended, so you cannot take requests now. Please contact the center.',
  'rule.pre_meeting_in_future':
    'A pre-meeting is recorded once it has been held: the date is in the future.',
  'rule.pre_meeting_after_activity':
    'The date is after this pair’s first activity of the year: a pre-meeting must come before the help it prepares.',
  'rule.unknown_helper': 'Helper not found.',
  'rule.not_qualified': 'This helper cannot be offered requests until their training is complete.',
  'rule.not_active': 'This helper is not active.',
  'rule.no_sick_child_qualification': 'Sick-child care needs the sick-child training.',
  'rule.unavailable': 'This time is outside the helper’s available hours.',
  'rule.exception_that_day': 'The helper is not available that day.',
  'rule.already_assigned': 'There is already another activity at this time.',
  'rule.child_age_outside_preference': 'The child’s age is outside the helper’s preferred ages.',
  'rule.blocked_by_family': 'The family asked the center not to send this helper.',
  'rule.is_requester': 'You cannot take your own request.',
  'rule.no_show_staff_only': 'A no-show is recorded by the center.',
  'rule.unknown_pair': 'The requester and helper do not form a valid pair.',
  'notification.offer_received.title': 'A request for help',
  'notification.offer_received.body': 'Can you help from {when}? Please answer.',
  'notification.offer_closed.title': 'Request closed',
  'notification.offer_closed.body':
    'Another helper took the request of {when}. Thank you for your help.',
  'notification.request_matched.title': 'A helper has been found',
  'notification.request_matched.body': 'A helper will help you on {when}.',
  'notification.offer_accepted.title': 'Request accepted',
  'notification.offer_accepted.body': 'The request of {requester} on {when} was accepted.',
  'notification.offer_declined.title': 'Request declined',
  'notification.offer_declined.body': '{helper} declined the request of {when}.',
  'notification.request_helper_lost.title': 'Your helper cannot come',
  'notification.request_helper_lost.body':
    'The helper for {when} can no longer help. The center is looking for a new helper and will contact you.',
  'notification.helper_side_ended_staff.title': 'A helper was taken off',
  'notification.helper_side_ended_staff.body':
    '{helper} can no longer help: {offers} waiting offers were withdrawn and {assignments} confirmed activities need a new helper.',
  'notification.request_unfilled.title': 'No helper was found',
  'notification.request_unfilled.body':
    'No helper could be found for {when}, so the request is closed. Please call the center if you still need help.',
  'notification.request_assigned.title': 'You have a new activity',
  'notification.request_assigned.body': 'You will help on {when}.',
  'notification.request_cancelled.title': 'Activity cancelled',
  'notification.request_cancelled.body': 'The help for {requester} on {when} was cancelled.',
  'notification.offer_expired.title': 'The time to answer has passed',
  'notification.offer_expired.body':
    'The request of {when} was closed because the time to answer passed.',
  'notification.offer_expired_staff.title': 'Offer expired',
  'notification.offer_expired_staff.body':
    'An offer for the request of {when} expired without an answer.',
  'notification.pre_meeting_due.title': 'A pre-meeting is needed',
  'notification.pre_meeting_due.body':
    'Before the help on {when}, a pre-meeting is needed. The center will contact you with a date.',
  'notification.pre_meeting_due_staff.title': 'Pre-meeting not yet held',
  'notification.pre_meeting_due_staff.body':
    'No pre-meeting is recorded yet for the help of {requester} on {when}.',
  'notification.pre_meeting_recorded.title': 'Pre-meeting recorded',
  'notification.pre_meeting_recorded.body': 'The pre-meeting of {date} was recorded.',
  'notification.activity_reminder.title': 'Reminder: help tomorrow',
  'notification.activity_reminder.body':
    'This is a reminder of the help on {when}. If you cannot make it, please call the center.',
};
