import type { memberPages as ja } from '../ja/member-pages.js';

export const memberPages: Record<keyof typeof ja, string> = {
  'my.nav': 'My page',
  'my.homeAction': 'My page (details, children, contacts)',
  'my.homeOrientations': 'Book an orientation session',
  'apply.staffHomeAction': 'Enter a paper or phone application',
  'apply.loginLink': 'New here? Apply for membership',
  'form.backToMy': 'Back to my page',
  'form.optional': 'Optional',

  'memberField.kind': 'Membership type',
  'memberField.name': 'Full name',
  'memberField.nameKana': 'Name in katakana',
  'memberField.birthDate': 'Date of birth',
  'memberField.email': 'Email address',
  'memberField.password': 'Password',
  'memberField.phone': 'Phone number',
  'memberField.postalCode': 'Postal code',
  'memberField.address': 'Address',
  'memberField.area': 'Area',
  'memberField.memberNo': 'Member number',
  'hint.name': 'For example: Sakura Tanaka (as on your ID)',
  'hint.kana': 'Katakana (hiragana is fine too). For example: タナカ サクラ',
  'hint.kanaShort': 'Katakana (hiragana is fine too)',
  'hint.birthDate': 'Year, month, day. For example: 1990-05-01',
  'hint.childName': 'For example: Haruto Tanaka',
  'hint.childBirthDate': 'For example: 2022-08-15',
  'hint.phoneExample': 'For example: 090-1234-5678',
  'hint.phone': 'A number we can reach in the daytime. For example: 090-1234-5678',
  'hint.postalCode': 'For example: 123-4567',
  'hint.address': 'For example: 1-2-3 Chuo, Midori City, Midori Heights 101',
  'hint.email': 'Used to sign in and for notices from the center.',
  'hint.area': 'Choose the area you live in.',
  'hint.choose': 'Please choose',

  'childField.name': 'Child’s full name',
  'childField.nameKana': 'Child’s name in katakana',
  'childField.sex': 'Sex',
  'childField.birthDate': 'Child’s date of birth',
  'childField.school': 'Nursery, kindergarten or school',
  'childField.schoolHint': 'For example: Midori Nursery, Midori Elementary grade 2',
  'childField.allergies': 'Allergies',
  'childField.allergiesHint': 'Food, medicine and so on. Leave empty if none.',
  'childField.healthNotes': 'Health notes',
  'childField.healthNotesHint': 'Conditions, past seizures, regular medicine and so on.',
  'childField.familyDoctor': 'Family doctor',
  'childField.familyDoctorHint': 'For example: Midori Pediatrics (042-000-0000)',
  'childField.healthLegend': 'Health information',
  'childField.healthLead':
    'This keeps your child safe. Only center staff and the helper caring for your child see it.',
  'sex.female': 'Girl',
  'sex.male': 'Boy',
  'sex.other': 'Other',
  'sex.unspecified': 'Prefer not to say',

  'contactField.name': 'Full name',
  'contactField.relation': 'Relationship',
  'contactField.relationHint': 'For example: husband, mother, sister',
  'contactField.phone': 'Phone number',

  'sideStatus.applied': 'Applied',
  'sideStatus.active': 'Approved',
  'sideStatus.suspended': 'Suspended',
  'sideStatus.withdrawn': 'Withdrawn',


  'apply.title': 'Apply for membership',
  'apply.lead': 'Apply to join the Family Support Center. This takes about 10 minutes.',
  'apply.steps':
    'After applying, requesters attend an orientation session and helpers attend the helper training.',
  'apply.staffTitle': 'Enter an application',
  'apply.staffLead':
    'Enter an application received on paper or by phone on the member’s behalf. You are recorded as the person who entered it.',
  'apply.kindLegend': 'Membership type',
  'apply.kind.requesterHint': 'You would like someone to look after or take your child',
  'apply.kind.helperHint': 'You would like to look after or take children (20 or older)',
  'apply.kind.bothHint': 'You would like both',
  'apply.youLegend': 'About you',
  'apply.accountLegend': 'Sign-in details',
  'apply.passwordHint':
    'At least 12 characters. Do not reuse a password from another service or a common one.',
  'apply.staffPassword': 'Initial password',
  'apply.staffPasswordHint':
    'At least 12 characters. Tell the member; they change it after signing in for the first time.',
  'apply.childrenLegend': 'Your children (requesters and both)',
  'apply.childrenLead':
    'Enter at least one child you would like help with (from {minDays} days old to the end of elementary school). You can add more children on your page after applying. Helpers leave this empty.',
  'apply.childLegend': 'Child {n}',
  'apply.childOptional': '(leave empty if none)',
  'apply.contactsLegend': 'Emergency contacts',
  'apply.contactsLead':
    'People we call when we cannot reach you. Requesters give at least two people other than themselves.',
  'apply.contactLegend': 'Emergency contact {n}',
  'apply.contactOptional': '(the third is optional)',
  'apply.consentLegend': 'Agreements',
  'apply.termsTitle': 'Main points of the membership terms (version {version})',
  'apply.terms.1':
    'The center introduces members to each other and arranges help; the help itself is between members.',
  'apply.terms.2': 'The requester pays the helper directly after each activity.',
  'apply.terms.3': 'What you learn about other families stays confidential, also after you leave.',
  'apply.terms.4':
    'Tell the center when your details change. Membership is confirmed every fiscal year.',
  'apply.terms.5':
    'Personal data is used only for the center’s work and deleted after the retention period once you leave.',
  'apply.termsFull': 'The full terms are available at the center’s counter.',
  'apply.healthTitle': 'How your children’s health data is handled (version {version})',
  'apply.health.1':
    'Allergies, health notes and the family doctor are sensitive personal data under Japanese law.',
  'apply.health.2':
    'They are used only to care for your child safely, and seen only by center staff and the helper caring for that child.',
  'apply.health.3': 'Every time staff or a helper view them, who and when is recorded.',
  'apply.health.4':
    'You can become a member without agreeing; these details are then not recorded (you can agree later).',
  'apply.consentTerms': 'I agree to the membership terms',
  'apply.consentHealth': 'I agree to how my children’s health data is handled',
  'apply.consentHealthHint': 'Needed if you enter allergies or other health details.',
  'apply.staffConsentHint':
    'Tick only after checking that the applicant signed the consent on the paper form.',
  'apply.submit': 'Apply',
  'apply.staffSubmit': 'Register this application',
  'apply.ruleTitle': 'We cannot accept this application as it is',
  'apply.emailTaken':
    'This email address is already registered. Please sign in, or use another address.',
  'apply.done.requester':
    'Thank you, we received your application. Next, book an orientation session below. After you attend and we check your ID, you are approved as a member.',
  'apply.done.helper':
    'Thank you, we received your application. To help families you attend the helper training; the center will send you the dates.',
  'apply.done.both':
    'Thank you, we received your application. Next, book an orientation session below. To help families you also attend the helper training (the center will send you the dates).',
  'apply.staffDone': 'The application of {name} is registered.',

  'my.title': 'My page',
  'my.lead': 'Membership details of {name}.',
  'my.memberNoPending': 'Given when you are approved',
  'my.statusTitle': 'Your status and what to do next',
  'my.next.requester.register':
    'Book an orientation session. After you attend and we check your ID, you are approved.',
  'my.next.requester.registered':
    'Attend the orientation on {date}. Please bring an ID (such as a driving licence).',
  'my.next.requester.attended':
    'We have recorded your attendance. Please wait for the center to approve you.',
  'my.next.requester.active': 'You can ask for help.',
  'my.next.helper.applied':
    'Attend the helper training; the center will send you the dates. Once approved and trained, you can help families.',
  'my.next.helper.active':
    'You are approved. Once your training is complete, the center will send you requests.',
  'my.next.suspended': 'Your membership is suspended. Please contact the center.',
  'my.next.withdrawn': 'You have withdrawn.',
  'my.menuTitle': 'Menu',
  'my.link.profile': 'Change contact details and address',
  'my.link.children': 'Your children',
  'my.link.contacts': 'Emergency contacts and pick-up people',
  'my.link.helperProfile': 'Your helper preferences',
  'my.link.orientations': 'Book an orientation session',
  'my.next.bookButton': 'Choose a session date',
  'my.dataTitle': 'Your data',
  'my.dataLead': 'You can save everything we hold about you as a file (JSON format).',
  'my.link.data': 'Download my data',
  'my.link.withdraw': 'Withdraw from membership',

  'my.profile.title': 'Change contact details and address',
  'my.profile.lead': 'You can change your phone number, postal code, address, area and email.',
  'my.profile.fixed':
    'Your name, katakana name and date of birth are checked against your ID: ask the center to change them.',
  'my.profile.submit': 'Save changes',
  'my.profile.saved': 'Your contact details are saved.',
  'my.profile.unchanged': 'Nothing was changed.',

  'my.children.title': 'Your children',
  'my.children.lead':
    'The children you would like help with. Health details are seen only by center staff and the helper caring for the child.',
  'my.children.none': 'No children registered.',
  'my.children.add': 'Add a child',
  'my.children.edit': 'Change',
  'my.children.age': '{years} years {months} months',
  'my.children.empty': 'Not given',
  'my.child.newTitle': 'Add a child',
  'my.child.editTitle': 'Change the details of {name}',
  'my.child.submitNew': 'Add',
  'my.child.submitEdit': 'Save changes',
  'my.child.added': '{name} is added.',
  'my.child.updated': 'The details of {name} are saved.',
  'my.child.consentGiven': 'You agreed to how health data is handled (version {version}, {date}).',
  'my.child.consentRequired':
    'To record allergies or health details, please tick the agreement on how they are handled.',

  'my.contacts.title': 'Emergency contacts and pick-up people',
  'my.contacts.emergencyTitle': 'Emergency contacts',
  'my.contacts.emergencyLead':
    'The center or the helper calls them when they cannot reach you. Requesters need at least two.',
  'my.contacts.pickupTitle': 'People who may pick up your children',
  'my.contacts.pickupLead':
    'People other than you to whom a helper may hand over your child. The helper checks the name at pick-up.',
  'my.contacts.none': 'None registered yet.',
  'my.contacts.remove': 'Remove',
  'my.contacts.removeLabel': 'Remove {name}',
  'my.contacts.addEmergency': 'Add an emergency contact',
  'my.contacts.addPickup': 'Add a pick-up person',
  'my.contacts.submit': 'Add',
  'my.contacts.keepTwo':
    'Requesters need at least two emergency contacts. To replace one, add the new contact first, then remove the old one.',
  'my.contacts.added': '{name} is added.',
  'my.contacts.removed': '{name} is removed.',

  'my.helper.title': 'Your helper preferences',
  'my.helper.lead':
    'The center uses these when asking you to help. You can change them at any time.',
  'my.helper.areas': 'Areas where you can help',
  'my.helper.areasHint': 'Choose all that apply.',
  'my.helper.categories': 'Kinds of help you can give',
  'my.helper.categoriesHint': 'Choose all that apply.',
  'my.helper.ages': 'Ages of children you can look after',
  'my.helper.agesHint':
    'Leave empty for no limit. For example: from 1 year 0 months to 6 years 0 months',
  'my.helper.ageMin': 'From (youngest)',
  'my.helper.ageMax': 'Up to (oldest)',
  'my.helper.years': 'years',
  'my.helper.months': 'months',
  'my.helper.ageError': 'Enter years from 0 to 12 and months from 0 to 11, in digits.',
  'my.helper.maxChildren': 'Children at once',
  'my.helper.maxChildrenOption': 'Up to {n}',
  'my.helper.household': 'Your household',
  'my.helper.householdHint': 'So that parents can choose with confidence, tick what applies.',
  'my.helper.hasPets': 'We have pets',
  'my.helper.smokerInHome': 'Someone smokes inside the home',
  'my.helper.preschoolersAtHome': 'A child under school age lives at home',
  'my.helper.notes': 'Anything else you would like us to know',
  'my.helper.notesHint': 'For example: one small dog, kept indoors.',
  'my.helper.submit': 'Save',
  'my.helper.saved': 'Your helper preferences are saved.',

  'my.orientations.title': 'Orientation sessions',
  'my.orientations.lead':
    'Before you can use the center as a requester, you attend an orientation session. Choose a date that suits you.',
  'my.orientations.helperLead':
    'Helpers: the center will send you the dates of the helper training. You are welcome at an orientation too.',
  'my.orientations.upcoming': 'Coming sessions',
  'my.orientations.none':
    'There are no sessions to book at the moment. We will let you know when dates are set.',
  'my.orientations.venue': 'Venue',
  'my.orientations.seats': '{left} of {capacity} places left',
  'my.orientations.full': 'Full',
  'my.orientations.registered': 'You are booked',
  'my.orientations.register': 'Book this session',
  'my.orientations.done':
    'You are booked for the session on {date}. Please bring an ID (such as a driving licence).',
  'my.orientations.mine': 'Your bookings',
  'my.orientations.attended': 'Attended',
  'my.orientations.absent': 'Absent',
  'my.orientations.planned': 'Booked',
  'my.orientations.when': 'Date and time',
  'my.orientations.state': 'Status',

  'my.withdraw.title': 'Withdraw from membership',
  'my.withdraw.lead': 'If you withdraw:',
  'my.withdraw.point1': 'You can no longer sign in, from now on.',
  'my.withdraw.point2': 'You can no longer ask for help or receive requests to help.',
  'my.withdraw.point3':
    'Your details are kept for {years} years for reports and insurance, then deleted (statistics keep only anonymous figures).',
  'my.withdraw.point4': 'To use the center again, you apply again.',
  'my.withdraw.point5': 'If an activity is planned, please tell the center first.',
  'my.withdraw.reason': 'Reason for leaving',
  'my.withdraw.reasonHint': 'If you do not mind telling us (up to 500 characters).',
  'my.withdraw.confirm': 'I have read the above and want to withdraw.',
  'my.withdraw.confirmRequired': 'To withdraw, please tick the confirmation.',
  'my.withdraw.submit': 'Withdraw',
  'my.withdraw.done': 'You have withdrawn. Thank you for everything.',
};
