import type { AvailabilityMessages } from '../ja/availability.js';

export const availability: AvailabilityMessages = {
  'availability.nav.calendar': 'My week',
  'availability.nav.availability': 'When I can help',
  'availability.home.calendar': 'See this week’s care (my week)',
  'availability.home.availability': 'Set the days and hours you can help, and your days off',

  'rule.invalid_slots':
    'Some time ranges overlap or are not valid. Correct the marked rows and save again.',
  'rule.not_a_helper': 'This member is not a helper, so there is no availability to set.',
  'rule.exception_in_past': 'A day off cannot be in the past. Choose today or a later date.',
  'rule.invalid_exception': 'The hours of the day off are not valid.',

  'availability.validation.time': 'Enter a time between 0:00 and 24:00, like “9:00”.',
  'availability.slot.weekday_invalid': 'The day of the week is not valid.',
  'availability.slot.time_invalid': 'The time is not valid.',
  'availability.slot.start_not_before_end': '“To” must be later than “From”.',
  'availability.slot.overlaps_other_slot': 'This overlaps another time range on the same day.',
  'availability.slot.overlapsWith':
    'This overlaps {start}–{end} on the same day. Merge them into one, or make them not overlap.',
  'availability.slot.bothTimes': 'Enter both “From” and “To”.',
  'availability.exception.start_not_before_end': '“Until” must be later than “From”.',
  'availability.exception.timesRequired':
    'To take only some hours off, enter “From”, “Until” or both.',

  'availability.weekday.1': 'Monday',
  'availability.weekday.2': 'Tuesday',
  'availability.weekday.3': 'Wednesday',
  'availability.weekday.4': 'Thursday',
  'availability.weekday.5': 'Friday',
  'availability.weekday.6': 'Saturday',
  'availability.weekday.7': 'Sunday',
  'availability.range': '{start}–{end}',

  'availability.title': 'When I can help',
  'availability.titleFor': 'When {name} can help',
  'availability.staffNote': 'You are viewing {name}’s availability as center staff.',
  'availability.lead':
    'The center asks you about requests that fall on the days and hours you set here.',
  'availability.toCalendar': 'See my week',
  'availability.contents': 'On this page',

  'availability.weekly.title': 'Every week',
  'availability.weekly.lead':
    'For each day you can help, enter when you start and finish. Leave the days you do not help empty.',
  'availability.weekly.moreHint':
    'To add a second range on the same day, fill in the first and save: another empty row appears (up to three a day).',
  'availability.weekly.clearHint': 'To remove a range, empty both “From” and “To”, then save.',
  'availability.weekly.slot': 'Range {n}',
  'availability.weekly.slotLabel': '{weekday}, range {n}',
  'availability.weekly.start': 'From',
  'availability.weekly.end': 'To',
  'availability.weekly.save': 'Save my weekly hours',
  'availability.weekly.saved': 'Your weekly hours are saved.',
  'availability.weekly.summaryNone': 'None',

  'availability.exceptions.title': 'Days off',
  'availability.exceptions.lead':
    'Add the days you cannot help (a trip, a hospital visit…). The center will not ask you about requests then.',
  'availability.exceptions.list': 'Your days off (from today)',
  'availability.exceptions.none': 'No days off.',
  'availability.exceptions.wholeDay': 'All day',
  'availability.exceptions.from': 'from {start}',
  'availability.exceptions.until': 'until {end}',
  'availability.exceptions.delete': 'Delete',
  'availability.exceptions.deleteLabel': 'Delete the day off on {date}',
  'availability.exceptions.deleted': 'The day off was deleted.',
  'availability.exceptions.add': 'Add a day off',
  'availability.exceptions.date': 'Date',
  'availability.exceptions.kind': 'How long',
  'availability.exceptions.kindWholeDay': 'All day',
  'availability.exceptions.kindHours': 'Only some hours',
  'availability.exceptions.start': 'From',
  'availability.exceptions.end': 'Until',
  'availability.exceptions.timesHint':
    'Only used with “Only some hours”. You may enter just one (e.g. from 15:00).',
  'availability.exceptions.note': 'Note (optional)',
  'availability.exceptions.noteHint': 'For example: hospital visit. Center staff can see it.',
  'availability.exceptions.submit': 'Add the day off',
  'availability.exceptions.added': 'Day off added for {date}.',

  'availability.feed.title': 'Show your care in your phone’s calendar',
  'availability.feed.lead':
    'Your confirmed care can appear automatically in the iPhone calendar or Google Calendar. Only the time, the family name, the number of children and the kind of care are shown — never children’s names or addresses.',
  'availability.feed.create': 'Make my calendar link',
  'availability.feed.active': 'Your calendar link was made on {date}.',
  'availability.feed.lostHint':
    'The link is shown only once, when it is made. If you lost it, or want to add it on another phone, make a new one.',
  'availability.feed.rotate': 'Make a new link',
  'availability.feed.rotateHint': 'The previous link stops working.',
  'availability.feed.revoke': 'Stop showing my care in calendars',
  'availability.feed.revoked': 'Your calendar link no longer works.',
  'availability.feed.created': 'Your calendar link is ready. Add it with the steps below.',
  'availability.feed.urlLabel': 'Your private link',
  'availability.feed.urlOnce':
    'This link is shown only now. Keep this page open until you have added it.',
  'availability.feed.secret':
    'Anyone who has this link can see your care appointments. Do not share it.',
  'availability.feed.iphone.title': 'On an iPhone',
  'availability.feed.iphone.link': 'Add to my iPhone calendar',
  'availability.feed.iphone.linkHint':
    'Open this page on the iPhone and tap it; confirm with “Subscribe”.',
  'availability.feed.iphone.steps':
    'If that does not work: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar, and paste the link above.',
  'availability.feed.google.title': 'In Google Calendar',
  'availability.feed.google.steps':
    'On a computer, open Google Calendar, click “+” next to “Other calendars”, choose “From URL” and paste the link above. It then also appears in the Google Calendar app on your phone.',
  'availability.feed.delay':
    'New care can take a few hours to appear in your calendar. For anything urgent, check “My week” on this site.',
  'availability.feed.name': 'Family support',
  'availability.feed.summary': 'Family support: {family} family ({children} children)',
  'availability.feed.summaryOne': 'Family support: {family} family ({children} child)',
  'availability.feed.summaryDone': 'Family support (done, {children} children)',
  'availability.feed.category': 'Care: {category}',
  'availability.feed.location': 'Place: {location}',
  'availability.feed.details': 'Details (sign-in needed): {url}',

  'availability.location.helper_home': 'The helper’s home',
  'availability.location.requester_home': 'The family’s home',
  'availability.location.other': 'Another place',

  'availability.calendar.title': 'My week',
  'availability.calendar.titleFor': '{name}’s week',
  'availability.calendar.lead':
    'Week by week: the hours you can help, your days off and your confirmed care.',
  'availability.calendar.weekOf': '{from} – {to}',
  'availability.calendar.weekNav': 'Choose the week',
  'availability.calendar.previous': 'Previous week',
  'availability.calendar.next': 'Next week',
  'availability.calendar.thisWeek': 'This week',
  'availability.calendar.jumpToday': 'Jump to today',
  'availability.calendar.today': 'Today',
  'availability.calendar.free': 'Can help',
  'availability.calendar.noFree': 'None',
  'availability.calendar.exceptions': 'Day off',
  'availability.calendar.assignments': 'Care',
  'availability.calendar.noAssignments': 'None',
  'availability.calendar.assignment': '{family} family ({children} children)',
  'availability.calendar.assignmentOne': '{family} family ({children} child)',
  'availability.calendar.completed': 'Done',
  'availability.calendar.edit': 'Change my hours or days off',
  'availability.calendar.noSlots':
    'You have not set the hours you can help each week yet. Once you do, they appear here.',
};
