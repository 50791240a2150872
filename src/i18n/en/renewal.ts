import type { RenewalMessages } from '../ja/renewal.js';

export const renewal: RenewalMessages = {
  'renewal.my.link': 'Annual renewal (check your details)',
  'renewal.my.title': 'Renewal for fiscal year {year}',
  'renewal.my.lead':
    'So you can go on using or helping in fiscal year {year}, check your details and answer by {deadline}. If something has changed, fix it with “Change” and come back to this page.',
  'renewal.my.confirmed': 'Confirmed on {at}. If anything changes, answer again.',
  'renewal.my.confirmedPaper':
    'Confirmed on {at} with the paper form (recorded by the center). If anything changes, answer again.',
  'renewal.my.contactTitle': 'Contact details',
  'renewal.my.editContact': 'Change',
  'renewal.my.childrenTitle': 'Children',
  'renewal.my.editChildren': 'Change children',
  'renewal.my.child': '{name} (born {birth})',
  'renewal.my.none': 'None registered.',
  'renewal.my.contactsTitle': 'Emergency contacts and pick-up people',
  'renewal.my.editContacts': 'Change contacts',
  'renewal.my.emergency': 'Emergency contacts',
  'renewal.my.pickups': 'People who may pick up your children',
  'renewal.my.answerTitle': 'Continuing in fiscal year {year}',
  'renewal.my.continueQuestion': 'Do you continue as {side}?',
  'renewal.my.continueYes': 'I continue as {side}',
  'renewal.my.continueNo': 'I stop as {side} (ends at the year end)',
  'renewal.my.notContinuingHint':
    'A membership you stop ends on April 1, when the new fiscal year begins. Your records are kept.',
  'renewal.my.notContinuingHintLate':
    'Stopping during the year is a withdrawal: the center will contact you to complete it.',
  'renewal.my.detailsChecked': 'I have checked the details above and brought them up to date',
  'renewal.my.consent': 'I agree to the rules and terms of use (version {version})',
  'renewal.my.consentHint': 'The rules and terms are at the center and on its website.',
  'renewal.my.submit': 'Confirm and send',
  'renewal.my.submitAgain': 'Send my corrected answer',
  'renewal.my.saved': 'Thank you: your renewal has been received.',

  'renewal.error.detailsChecked': 'Tick the box once you have checked your details',
  'renewal.error.consent': 'To continue, agree to the rules and terms of use',
  'renewal.error.answer': 'Choose whether you continue or stop',
  'rule.renewal_answer_missing': 'Answer for each membership whether you continue.',

  'renewal.staff.title': 'Renewal confirmations',
  'renewal.staff.heading': 'Renewal confirmations (FY {year})',
  'renewal.staff.lead':
    'Members can confirm on their page from {opens}; the deadline is {deadline}. A membership a member stops ends automatically on April 1. Members who have not answered are not withdrawn automatically.',
  'renewal.staff.confirmed': 'Confirmed',
  'renewal.staff.notConfirmed': 'Not confirmed',
  'renewal.staff.notContinuing': 'Not continuing',
  'renewal.staff.remindLead':
    'Send the {count} members who have not confirmed a reminder (mail and LINE). A member gets at most one a day.',
  'renewal.staff.remind': 'Remind the {count} members',
  'renewal.staff.reminded': 'Renewal reminder sent to {count} members.',
  'renewal.staff.listTitle': 'Members',
  'renewal.staff.filter': 'Members shown',
  'renewal.staff.filterAll': 'All ({count})',
  'renewal.staff.filterPending': 'Not confirmed ({count})',
  'renewal.staff.empty': 'No members to show.',
  'renewal.staff.status': 'Confirmation',
  'renewal.staff.action': 'Paper form',
  'renewal.staff.online': '{at} on their page',
  'renewal.staff.byPaper': '{at} paper form',
  'renewal.staff.continues': 'Continues',
  'renewal.staff.stops': 'Stops as {sides}',
  'renewal.staff.notYet': 'Not confirmed',
  'renewal.staff.recordPaper': 'Record paper form',
  'renewal.staff.paperTitle': 'Renewal of {name} (paper form)',
  'renewal.staff.paperLead':
    'Record the FY {year} renewal form as written on paper. Change the member’s details on the member page first.',
  'renewal.staff.paperDetails': 'The form confirms the registered details',
  'renewal.staff.paperConsent':
    'The form is signed in agreement with the rules and terms (version {version})',
  'renewal.staff.paperSubmit': 'Record the form',
  'renewal.staff.paperSaved': 'Renewal of {name} recorded.',
  'renewal.staff.back': 'Back to the confirmations',

  'notification.renewal_reminder.title': 'Please renew for fiscal year {year}',
  'notification.renewal_reminder.body':
    'On your page, under “Annual renewal”, check your details and tell us by {deadline} whether you continue in fiscal year {year}.',
};
