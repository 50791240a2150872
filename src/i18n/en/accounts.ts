import type { accounts as ja } from '../ja/accounts.js';

export const accounts: Record<keyof typeof ja, string> = {
  'validation.control_characters':
    'Control characters and text-direction characters cannot be used. Please type it again.',
  'login.forgot': 'Forgot your password?',
  'recovery.forgotTitle': 'Reset your password',
  'recovery.forgotLead':
    'Enter the email address you registered. We will send a link to set a new password (valid for 15 minutes, once).',
  'recovery.email': 'Email address',
  'recovery.send': 'Send the link',
  'recovery.sent':
    'If this address is registered, we have sent a link to reset the password. Please check your mail.',
  'recovery.noEmail':
    'If you have no email address registered, please call the center: staff will give you a reset code.',
  'recovery.codeLink': 'I have a reset code',
  'recovery.resetTitle': 'Set a new password',
  'recovery.codeTitle': 'Set a new password with a reset code',
  'recovery.code': 'Reset code',
  'recovery.submit': 'Set the password',
  'recovery.invalid':
    'This link or code cannot be used (it has expired or was already used). Please start again.',
  'recovery.done': 'Your password is set. Please sign in with the new password.',
  'recovery.mailSubject': '[Tsunagu] Resetting your password',
  'recovery.mailBody':
    'Dear {name},\n\nWe received a request to reset your password. Please set a new password within 15 minutes with this link (it works once):\n\n{link}\n\nIf you did not ask for this, ignore this mail; your password stays the same.',
  'recovery.issueCode': 'Issue a reset code',
  'recovery.codeIssuedTitle': 'Reset code',
  'recovery.codeIssuedLead':
    'Shown on this screen only. Read it out or print it for the person. Valid until {until} (once).',
  'recovery.codeHowTo':
    'They enter their email address and this code on the "I have a reset code" page.',
  'recovery.back': 'Back',
  'apply.tooMany':
    'Too many applications right now. Please try again in about an hour, or call the center.',
  'staffAccounts.status': 'Status',
  'staffAccounts.active': 'Active',
  'staffAccounts.disabled': 'Disabled',
  'staffAccounts.manage': 'Manage',
  'staffAccounts.detailTitle': 'Account of {name}',
  'staffAccounts.disable': 'Disable the account',
  'staffAccounts.enable': 'Enable the account again',
  'staffAccounts.disableHint': 'Disabling signs the person out at once and refuses their sign-in.',
  'staffAccounts.changeRole': 'Change the role',
  'staffAccounts.lastAdmin':
    'The last active administrator cannot be disabled or given another role. Add another administrator first.',
  'staffAccounts.disabledNotice': 'The account of {name} is disabled.',
  'staffAccounts.enabledNotice': 'The account of {name} is enabled again.',
  'staffAccounts.roleNotice': 'The role of {name} was changed.',
};
