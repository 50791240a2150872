import type { PlannerMessages } from '../ja/planner.js';

export const planner: PlannerMessages = {
  'planner.nav': 'Weekly plan',
  'planner.title': 'Weekly coordination plan',
  'planner.lead':
    'Proposes a suitable helper for every open request of the period at once. Priorities: cover as many requests as possible, then helpers who already cared for the family, then spreading the work, then the same area. At most {max} per helper per day. Review it, change assignments if needed, then send all the offers together.',
  'planner.from': 'From',
  'planner.to': 'To',
  'planner.makePlan': 'Make a plan',
  'planner.range': '{from} – {to}',
  'planner.coverage': 'Helpers proposed for {covered} of {total} requests',
  'planner.bound': '(upper bound {bound})',
  'planner.boundHelp':
    'The upper bound is proven: no combination of helpers can cover more requests. The closer the plan is to it, the less room there is to improve.',
  'planner.empty': 'No request in this period is waiting for a helper.',
  'planner.plan.title': 'Proposal',
  'planner.plan.help':
    'To change an assignment, pick from the row’s list (it only offers helpers who keep the whole plan valid). After changes press “Check plan”; when it is right, “Send all offers”.',
  'planner.check': 'Check plan',
  'planner.send': 'Send all offers',
  'planner.unassigned': 'No helper',
  'planner.unassigned.title': 'Requests without a helper ({count})',
  'planner.col.helper': 'Proposed helper',
  'planner.change': 'Change helper',
  'planner.option': '{name} ({reasons})',
  'planner.option.remove': '— Remove from the plan —',
  'planner.option.none': '— No helper —',
  'planner.option.invalid': '{name} (breaks a rule)',
  'planner.changed': 'Changed',
  'planner.reason.paired': 'Cared for the family',
  'planner.reason.sameArea': 'Same area',
  'planner.reason.otherArea': 'Other area',
  'planner.reason.recent': '{count} in last 90 days',
  'planner.reason.inRange': '{count} in period',
  'planner.reason.separator': ', ',
  'planner.rowLabel': '{when} {family}',
  'planner.unknownHelper': '(unknown member)',
  'planner.problem.not_candidate':
    '{name} does not meet this request’s conditions (not a candidate).',
  'planner.problem.overlap_existing': '{name} already has another activity at this time.',
  'planner.problem.overlap_planned':
    '{name} has another request of the plan at the same time ({other}).',
  'planner.problem.day_cap':
    '{name} would have {count} activities that day, over the limit of {cap}.',
  'planner.problem.invalid': 'This assignment breaks a rule of the plan.',
  'planner.problem.why.no_eligible_helper':
    'No helper meets the conditions (qualification, availability, number and ages of children, families’ blocks). The request page shows why.',
  'planner.problem.why.all_eligible_helpers_busy':
    'All {count} candidates already have work at that time or are full that day.',
  'planner.problem.why.eligible_helpers_taken_by_plan':
    'All {count} candidates are taken by other requests of this plan.',
  'planner.problem.why.helper_available': '{free} candidates are free: pick one from the list.',
  'planner.problem.why.assigned': 'A helper is assigned.',
  'planner.problem.why.invalid_interval': 'The request’s times are not valid.',
  'planner.problem.why.unknown_request': 'This request is not part of the plan.',
  'planner.error.date': 'Choose a date.',
  'planner.error.order': 'The end date must not be before the start date.',
  'planner.error.tooLong': 'A plan covers at most 14 days.',
  'planner.alert.valid': 'The plan meets every rule.',
  'planner.alert.invalid': 'Some assignments break a rule. Fix the marked rows.',
  'planner.alert.gone':
    'These requests were matched, offered or cancelled elsewhere, so they left the plan. Your other choices are kept.',
  'planner.alert.invalidNotSent':
    'No offer was sent: some assignments break a rule. Fix the marked rows, then send again.',
  'planner.alert.goneNotSent':
    'No offer was sent: these requests were matched, offered or cancelled elsewhere and left the plan. Review it, then send again.',
  'planner.alert.nothing': 'There is nothing to send. Choose a helper for at least one request.',
  'planner.timeline.title': 'Each helper’s schedule',
  'planner.timeline.help':
    'Requests planned for the helper, with the activities and open offers she already has.',
  'planner.kind.planned': 'Planned',
  'planner.kind.matched': 'Matched',
  'planner.kind.offered': 'Awaiting answer',
  'planner.sent.title': 'Offers sent',
  'planner.sent.summary': '{sent} offers sent.',
  'planner.sent.failedSummary': '{failed} could not be sent.',
  'planner.sent.failedTitle': 'Offers not sent',
  'planner.sent.sentTitle': 'Offers sent',
  'planner.sent.help': 'A request is matched when the helper accepts it on her Offers page.',
  'planner.sent.again': 'Plan again',
};
