/** Help categories as data (issue #19 point 4): the admin page and the national table. */
export const helpCategories = {
  'helpCategories.title': 'Help categories',
  'helpCategories.lead':
    'The kinds of help chosen on requests and activity reports: their names, order, whether they can be chosen, the transport-only and sick-child flags, and the category of the national survey they count under. A category in use cannot be deleted, only deactivated (no longer offered for new requests).',
  'helpCategories.col.code': 'No.',
  'helpCategories.col.label': 'Name',
  'helpCategories.col.order': 'Order',
  'helpCategories.col.active': 'Offered',
  'helpCategories.col.transportOnly': 'Transport only',
  'helpCategories.col.sickChild': 'Sick child',
  'helpCategories.col.national': 'National survey category',
  'helpCategories.col.inUse': 'In use',
  'helpCategories.yes': 'Yes',
  'helpCategories.inactive': 'Not offered',
  'helpCategories.back': 'Back to the help categories',
  'helpCategories.editTitle': 'Help category {code}: {label}',
  'helpCategories.field.labelJa': 'Name (Japanese)',
  'helpCategories.field.labelEn': 'Name (English)',
  'helpCategories.field.sortOrder': 'Order',
  'helpCategories.field.nationalCategory': 'National survey category',
  'helpCategories.field.active': 'Offered for new requests',
  'helpCategories.field.transportOnly': 'Transport only',
  'helpCategories.field.sickChild': 'Care of a sick or recovering child',
  'helpCategories.hint.sortOrder': 'Smaller numbers come first (0–999).',
  'helpCategories.hint.active':
    'When unticked, new requests cannot choose it. Past requests, activities and reports keep it.',
  'helpCategories.hint.transportOnly':
    'An activity whose categories are all transport-only is not reimbursable care, and subsidies that exclude transport-only help exclude it.',
  'helpCategories.hint.sickChild':
    'Counted as sick-child care in the reports; while the sick-child and emergency programme runs, it must be requested through the programme.',
  'helpCategories.save': 'Save',
  'helpCategories.delete': 'Delete this category',
  'helpCategories.inUseHint':
    'This category is used by requests or activities, so it cannot be deleted. To stop using it, untick “Offered for new requests”.',
  'helpCategories.inUse':
    'This category is used by requests or activities, so it cannot be deleted. Deactivate it instead.',
  'helpCategories.saved': 'Help category {code} was saved.',
  'helpCategories.deleted': 'Help category {code} was deleted.',
  'rule.category_inactive': 'This kind of help cannot be chosen any more. Please choose another.',
  // The activity categories of the national survey.
  'helpCategories.national.transport': 'Transport (childcare, lessons)',
  'helpCategories.national.before_after_childcare':
    'Care before or after childcare or after-school clubs',
  'helpCategories.national.after_school': 'Care after school',
  'helpCategories.national.parent_illness': 'Care while a parent is ill or has an emergency',
  'helpCategories.national.family_events': 'Care during ceremonies or a sibling’s school events',
  'helpCategories.national.outings': 'Care during shopping or outings',
  'helpCategories.national.work': 'Care while a parent works or looks for work',
  'helpCategories.national.sick_child': 'Care of a sick or recovering child',
  'helpCategories.national.emergency': 'Emergency care early in the morning or at night',
  'helpCategories.national.other': 'Other',
  'reports.section.byNationalCategory': 'By national survey category',
  'reports.national.codes': 'Categories included',
} as const;
