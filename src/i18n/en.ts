/**
 * English strings. Keys are the contract: pt-BR, es, de, ja and zh-Hans must define every one
 * (a test checks).
 * `{name}` placeholders are filled by `t()`. Domain terms follow docs/domain.md.
 */
export const en = {
  // Common words
  'esd.name': 'Engagement Start Date',
  'esd.notSet': 'not set',
  'esd.estimate': '{month} (estimate)',
  'notes.name': 'Overall Status Notes',
  'common.customer': 'Customer',
  'common.tenant': 'Tenant',
  'common.workload': 'Workload',
  'common.status': 'L1 status',
  'common.esd': 'Engagement Start Date',
  'common.basis': 'Basis',
  'common.assignedTo': 'Assigned to',

  'status.in_progress': 'In Progress',
  'status.status_unknown': 'Status Unknown',
  'status.blocked': 'Blocked',
  'status.no_intent': 'No Intent',
  'status.duplicate_invalid': 'Duplicate/Invalid',

  'basis.kickoff_meeting': 'Kickoff meeting',
  'basis.two_way_email': 'Two-way email exchange',
  'basis.phone_call': 'Phone call with the customer',
  'basis.planned': 'Planned start (agreed with the customer)',
  'basis.estimated': 'Estimated start',

  'role.fm': 'assigned FM',
  'role.gateway': 'Gateway Team',
  'role.manager': 'manager',
  'role.fta': 'FastTrack Architect (FTA)',
  'role.fe': 'FastTrack Engineer (FE)',
  'role.re_engagement': 'Re-Engagement Team',
  'role.frp': 'FastTrack Ready Partner',
  // Who may change a date, as a refusal lists them (domain/overwrite-policy.ts).
  'who.fm': 'the assigned FM',
  'who.frp': 'the partner it is assigned to',
  'who.gateway': 'the Gateway Team',
  'who.manager': 'a manager',
  'who.fta': 'a FastTrack Architect (FTA)',
  'who.fe': 'a FastTrack Engineer (FE)',
  'who.re_engagement': 'the Re-Engagement Team',

  // help
  'help.title': 'esd-bot keeps your Engagement Start Dates right',
  'help.intro':
    'I record, for each workload of your customers, the date the customer starts the onboarding discussions with you, and I write the reason for every change to the Overall Status Notes in the same step.',
  'help.commands': 'What you can type',
  'help.cmd.help': '**help**: this message',
  'help.cmd.engagements': '**my engagements**: your customers and workloads with their start dates',
  'help.cmd.change':
    '**change date** (optionally with a customer name): change a start date, with its reason',
  'help.cmd.noResponse':
    '**no response**: the customer has not answered; a note is recorded and the date stays',
  'help.cmd.history': '**history**: the changes of a workload’s start date',
  'help.cmd.upcoming': '**upcoming**: your start dates in the next 30 days',
  'help.cmd.tenant':
    '**tenant** _customer name_: one customer’s workloads on a timeline, with the gaps between starts',
  'help.cmd.capacity': '**capacity**: for the Gateway Team and managers, each FM’s starts per week',
  'help.what': 'What the date is',
  'help.isR4':
    'The day you and the customer begin communication specific to the FastTrack process for that workload. It may come before the kickoff meeting or be the same day.',
  'help.isNotR5':
    'Not the day a first email was sent or a voicemail left: what counts is a two-way exchange (the customer asks and you answer, a call to schedule the kickoff, the kickoff itself).',
  'help.rules':
    'Only In Progress workloads have one. Nobody needs to backfill old engagements. If you only know the month, I store the first day of it as an estimate.',

  // Commands that need something first
  'general.notUnderstood': 'I didn’t catch that. Type **help** to see what I can do.',
  'general.tryAgain':
    'Something went wrong on my side and nothing was saved. Please try again in a minute.',
  'general.tooLong': 'That message is too long for me ({max} characters at most).',
  'general.noWorkloads':
    'No workloads are assigned to you. If you work for the Gateway Team or manage FMs, ask an admin to grant you that role.',
  'general.tenantNotServed': 'This app does not serve your organization.',
  'general.workloadGone': 'That workload no longer exists.',
  'command.help': 'help',
  'command.engagements': 'my engagements',
  'command.change': 'change date',
  'command.noResponse': 'no response',
  'command.history': 'history',
  'command.upcoming': 'upcoming',
  'general.cardExpired': 'This card is out of date. Type **{command}** to start again.',

  // my engagements
  'engagements.title': 'Your engagements',
  'engagements.subtitle': 'Soonest start first · workloads: {count}',
  'engagements.noEsd': 'not set',
  'engagements.change': 'Change a date',

  // tenant picker
  'pickTenant.title': 'Which customer?',
  'pickTenant.label': 'Customer',
  'pickTenant.placeholder': 'Choose a customer',
  'pickTenant.next': 'Next',
  'pickTenant.noMatch': 'No customer of yours matches “{text}”.',
  'pickTenant.retry': 'Choose a customer in the card, or type part of its name.',
  'pickTenant.needName':
    'Type the customer’s name after the command, for example **change date contoso**.',

  // change card
  'change.title': 'Change an Engagement Start Date',
  'change.subtitle': '{customer} · {tenant}',
  'change.workloadLabel': 'Workload',
  'change.workloadPlaceholder': 'Choose a workload',
  'change.workloadChoice': '{workload} · {status} · {esd}',
  'change.dateLabel': 'New date',
  'change.monthLabel': 'Or, if you only know the month',
  'change.monthPlaceholder': 'Choose a month',
  'change.monthHint': 'Stored as the 1st of that month and marked as an estimate.',
  'change.basisLabel': 'What happened, or will happen, on that date?',
  'change.basisPlaceholder': 'Choose one',
  'change.basisHint':
    'An email sent or a voicemail left with no answer does not count: the date is the start of a two-way exchange.',
  'change.reasonLabel': 'Reason (written to the Overall Status Notes)',
  'change.reasonPlaceholder': 'Why is the date changing?',
  'change.submit': 'Save date and reason',
  'change.errorSummary': 'Nothing was saved. Please fix what is marked below.',
  'change.dateAndMonth': 'Choose a date or a month, not both.',
  'change.dateMissing': 'Choose a date, or only the month.',
  'change.workloadMissing': 'Choose a workload.',
  'change.typedDate': 'I read “{text}” as {date}. Check the card, add the reason and save.',
  'change.typedMonth':
    'I read “{text}” as {month} (an estimate). Check the card, add the reason and save.',
  'change.noSuchDay':
    '“{text}” is not a date: that month has no such day. Type another date, or pick one in the card.',
  'change.typedOutOfWindow':
    'I read “{text}” as {date}, outside the allowed range: choose a date between {earliest} and {latest}. The card was not changed.',
  'change.typeHint':
    'Fill in the card above, or type a date (for example “15 January” or “next Monday”).',
  'change.conflict':
    'This workload changed while the card was open: its date is now {esd}. Nothing was written. Review it and save again.',

  // rejections (rules module codes)
  'violation.not_permitted':
    '{workload} at {customer} is assigned to {assignee}: only {who} can change its date.',
  'violation.not_permitted_unassigned':
    '{workload} at {customer} has no FM yet: only {who} can set its date.',
  'violation.status_ineligible':
    '{workload} is {status}. Only In Progress workloads have an Engagement Start Date; it does not apply to Status Unknown, Blocked, No Intent or Duplicate/Invalid.',
  'violation.esd_required':
    '{workload} is In Progress for a new customer: the Gateway Team gives its Engagement Start Date, the date the customer gave in the Gateway conversation. Only past or ongoing engagements may stay without one.',
  'violation.date_invalid': 'That is not a valid date.',
  'violation.month_invalid': 'That is not a valid month.',
  'violation.date_out_of_window': 'Choose a date between {earliest} and {latest}.',
  'violation.estimate_month_past':
    'An estimate is for a coming start: choose {currentMonth} or a later month.',
  'violation.basis_invalid': 'Choose what happened, or will happen, on that date.',
  'violation.basis_not_estimate':
    'With only a month the date is an estimate: choose “Planned start” or “Estimated start”, not “{basis}”.',
  'violation.unchanged': 'The date is already {current}; nothing to change.',
  'violation.reason_missing':
    'Write the reason in words (punctuation or emoji alone say nothing): it goes to the Overall Status Notes.',
  'violation.reason_too_long': 'The reason can have at most {max} characters.',

  // confirmation
  'done.title': 'Engagement Start Date saved',
  'done.oldDate': 'Old date',
  'done.newDate': 'New date',
  'done.note': 'Recorded in the Overall Status Notes',

  // no response (R7)
  'noResponse.title': 'The customer has not answered',
  'noResponse.intro':
    'A note goes to the Overall Status Notes and the Engagement Start Date stays as it is (when the customer answers and a new date is agreed, change the date then).',
  'noResponse.kindLabel': 'What happened?',
  'noResponse.kind.no_answer': 'No answer yet: I keep trying',
  'noResponse.kind.inactive': 'The customer is inactive or never answered',
  'noResponse.detailLabel': 'Details (optional)',
  'noResponse.detailPlaceholder': 'Attempts made, next try…',
  'noResponse.submit': 'Record note',
  'noResponse.kindMissing': 'Choose what happened.',
  'noResponse.doneTitle': 'Noted; the date stays',
  'noResponse.done': 'Recorded in the Overall Status Notes. The Engagement Start Date stays {esd}.',
  'noResponse.statusIneligible':
    '{workload} is {status}. A missing answer is documented only for In Progress workloads, the ones with an Engagement Start Date. Nothing was written.',
  'noResponse.esdInFuture':
    'The Engagement Start Date of {workload} is {esd}, still ahead: the customer has not yet missed it. Record a missing answer on or after that day; to move the date, use **{command}**. Nothing was written.',

  // history
  'history.pickTitle': 'Which workload’s history?',
  'history.show': 'Show history',
  'history.title': 'History of {workload}',
  'history.empty': 'No change recorded yet.',
  'history.entry': '{old} → {new}',
  'history.by': '{when} · {who} ({role})',
  'history.reason': 'Reason: {reason}',

  // upcoming
  'upcoming.title': 'Starting in the next {days} days',
  'upcoming.empty': 'None of your workloads starts in the next {days} days.',
  'upcoming.week': 'Week of {date}',

  // proactive: the Gateway Team's handoff of a new customer (R6)
  'handoff.title': 'New customer from the Gateway Team: {customer}',
  'handoff.enteredBy': 'Entered by the Gateway Team from the customer conversation ({name}).',
  'handoff.intro':
    'Each date is the one the customer gave in the Gateway conversation. If the customer asks for another, change it.',
  'handoff.reference': 'Gateway reference',
  'handoff.notes': 'Notes from the Gateway Team',
  'handoff.acknowledge': 'Acknowledge',
  'handoff.change': 'Change a date',
  'handoff.acknowledgedTitle': 'Handoff acknowledged',
  'handoff.acknowledged': 'You took over {customer}; the Gateway Team can see it.',
  'handoff.alreadyAcknowledged': 'This handoff was already acknowledged ({when}).',
  'handoff.gone': 'This handoff is no longer known.',
  'access.notYours': 'That is not one of your customers. Ask {assignee}.',
  'access.notYoursNobody': 'That is not one of your customers. Ask the Gateway Team.',
  'handoff.notYours': 'Only the assigned FM can acknowledge this handoff.',
  // proactive: a date moved by someone else
  'notice.changedByOther':
    '{who} ({role}) changed the Engagement Start Date of {workload} at {customer}: {old} → {new}. Reason: {reason}',
  // proactive: reminders (R7) and the weekly digest
  'notice.changedByOtherTitle': 'One of your start dates changed',
  'reminder.title': 'Today is the Engagement Start Date of {workload} at {customer}',
  'reminder.titleLate': 'The Engagement Start Date of {workload} at {customer} was {date}',
  'reminder.late': 'This reminder is late: no esd-bot was running when it fell due.',
  'reminder.followUpTitle': 'Follow-up: has {customer} answered about {workload}?',
  'reminder.intro':
    'Have the onboarding discussions started? Tell me what happened. The date moves only to the day the two-way exchange really began, or to a new date the customer agrees.',
  'reminder.started': 'Communication started',
  'reminder.reschedule': 'Customer asked for another date',
  'reminder.noAnswer': 'No answer yet',
  'reminder.inactive': 'Customer inactive',
  'reminder.doneStarted':
    'Noted in the Overall Status Notes: communication started. No more reminders for this date.',
  'reminder.doneNoAnswer':
    'Noted in the Overall Status Notes; the date stays. I will remind you again on {date}.',
  'reminder.doneInactive':
    'Noted in the Overall Status Notes; the date stays and I will not remind you about it again.',
  'reminder.already': 'This reminder was already answered.',
  'reminder.titleEstimate': '{month} is the estimated month for {workload} at {customer}',
  'reminder.introEstimate':
    'The Engagement Start Date is an estimate: the 1st stands for the month, not an agreed day. Has the two-way exchange begun? If not, set the real date once the customer agrees one.',
  'reminder.setRealDate': 'Set the real date',
  'reminder.doneStartedMoved':
    'The Engagement Start Date moved from {old} to {new}, the day communication began; the reason is in the Overall Status Notes. No more reminders for the old date.',
  'started.title': 'When did the two-way exchange about {workload} at {customer} begin?',
  'started.intro':
    'The Engagement Start Date is the day the customer and you began the two-way exchange (a reply to your email, a call, the kickoff), not the day an email was sent or a voicemail left.',
  'started.whenLabel': 'It began',
  'started.today': 'Today ({date})',
  'started.todayIsEsd': 'Today ({date}), the Engagement Start Date',
  'started.onEsd': 'On the Engagement Start Date ({date})',
  'started.other': 'On another day (choose it below)',
  'started.dateLabel': 'The other day',
  'started.basisLabel': 'What was it? (needed when the date moves)',
  'started.moveHint':
    'If that day is not the Engagement Start Date, the date moves to it and the reason goes to the Overall Status Notes with it.',
  'started.reasonDefault': 'The customer answered and the two-way exchange began on this day.',
  'started.submit': 'Record',
  'started.when_missing': 'Choose when the exchange began.',
  'started.esd_is_estimate':
    'The Engagement Start Date is only an estimated month: choose today or the real day.',
  'started.date_missing': 'Choose the day the exchange began.',
  'started.date_invalid': 'That day does not exist.',
  'started.date_in_future':
    'That day has not come yet: a start is a day that happened. For a planned date, use “Customer asked for another date”.',
  'started.basis_not_exchange':
    'Choose what the exchange was: a kickoff meeting, a two-way email exchange or a phone call.',
  'upcoming.documentedTitle':
    'Date passed, no answer recorded: documented in the Overall Status Notes ({count})',
  'upcoming.documentedHint':
    'The date stays (FAQ: document, do not change it). When the customer answers, type **change date** with the date agreed.',
  'upcoming.recorded.no_answer': 'no answer yet, still trying',
  'upcoming.recorded.inactive': 'customer inactive',
  'reminder.gone': 'This reminder no longer applies: the workload or its date changed.',
  'digest.title': 'Your start dates this week',
  // reports: upcoming (overdue first), capacity, a tenant's timeline and history
  'reports.command.capacity': 'capacity',
  'reports.command.tenant': 'tenant',
  'upcoming.overdueTitle':
    'Date passed, nothing recorded since: no reminder answered, no missing answer documented',
  'upcoming.overdueHint':
    'Answer the reminder, type **no response** if the customer has not answered, or **change date** if another date was agreed.',
  'upcoming.yesterday': 'yesterday',
  'upcoming.daysAgo': '{days} days ago',
  'capacity.title': 'Starts per FM and week',
  'capacity.subtitle': 'In Progress workloads with a start date, {from} to {to}',
  'capacity.filter': 'Showing only: {filter}',
  'capacity.fm': 'Assigned FM',
  'capacity.week': 'W{week}',
  'capacity.allFms': 'All FMs',
  'capacity.starts': 'starts: {count}',
  'capacity.busiest': 'Busiest: {weeks}',
  'capacity.busiestWeek': 'week of {date} (starts: {count})',
  'capacity.legend':
    'Each cell counts the workloads starting that week, estimates included. Bars are relative to the busiest cell; the busiest weeks are highlighted.',
  'capacity.empty': 'No FM has an In Progress workload that matches.',
  'capacity.more':
    '{count} more FMs are not shown: add part of a name to the command to see them, for example **capacity megan**.',
  'capacity.notAllowed':
    'The capacity report is for the Gateway Team and managers. If you need it, ask an admin to grant you one of those roles.',
  'tenant.title': 'Timeline of {customer}',
  'tenant.subtitle': '{tenant} · {count} workloads',
  'tenant.span': 'From the first start to the last: {span}',
  'tenant.gap':
    '↓ {span} from this start until {workload} ({date}), start to start: no Target Date known',
  'tenant.gapApprox':
    '↓ about {span} from this start until {workload} ({date}, an estimate), start to start: no Target Date known',
  'tenant.sameDay': '↓ {workload} starts the same day',
  'tenant.notActive': 'Not In Progress: its date is kept as history and left out of the gaps.',
  'tenant.undated':
    'In Progress, no start date: engagements already underway (normal: nothing to backfill)',
  'tenant.noWorkloads': 'No workload is recorded for this customer.',
  'tenant.historyHint': 'For every change of these dates, type **history {name}**.',
  'violation.status_ineligible_split':
    '{workload} has no In Progress seats; its entitlements are split: {split}. Only a workload with In Progress seats has an Engagement Start Date.',
  'entitlements.line': '{status}: {seats} seats',
  'entitlements.split': 'Entitlements split: {lines}',
  'entitlements.targetDate': 'Target Date {date}',
  'tenant.gapFromTarget':
    '↓ {span} from its Target Date ({target}) until {workload} starts ({date})',
  'tenant.gapFromTargetApprox':
    '↓ about {span} from its Target Date ({target}) until {workload} starts ({date}, an estimate)',
  'tenant.overlap':
    '↓ {workload} starts ({date}) {span} before this Target Date ({target}): they overlap',
  'tenant.undatedIneligible': 'Not In Progress: no Engagement Start Date applies',
  'tenant.needName':
    'Type part of the customer’s name after the command, for example **tenant contoso**.',
  'tenant.noMatch': 'No customer matches “{text}”.',
  'tenant.many': 'Several customers match “{text}”: {names}. Type more of the name.',
  'tenant.notAllowed':
    'You can see a customer when one of its workloads is assigned to you, or with the Gateway, manager, FTA, FE or Re-Engagement role.',
  'tenantHistory.title': 'Start date changes at {customer}',
  'tenantHistory.empty': 'No start date of this customer has changed yet.',
  'reports.days': '{count} days',
  'reports.oneDay': '1 day',
  'tenantHistory.more': 'Only the latest {shown} of {total} changes are shown.',
  'shared.readOnly':
    "Read-only. The assigned FM and the people allowed to change these dates see the form here; to see the latest dates, choose Refresh in the card's menu.",
  'shared.expired': 'This card is out of date. Type **{command}** to open a new one.',
  'search.lastChange': 'Last change: {old} → {new}, {when}, by {who}. Reason: {reason}',
  'search.open': 'Change the date',
  'welcome.personal':
    "Hello! I'm esd-bot. I keep each workload's Engagement Start Date right: a new date and its reason are written in one step, to the Overall Status Notes, and every change keeps its history. Type **{engagements}** to see your customers and their dates, or **{help}** to see everything I can do.",
  'welcome.shared':
    "Hello! I'm esd-bot. I keep each workload's Engagement Start Date right. Here, @mention me before a command: for example **@{bot} {help}**, or **@{bot} {change} contoso**. Change cards show the form only to the people who may change those dates; everyone else sees the dates.",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
