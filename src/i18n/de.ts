import type { Messages } from './en.js';

/**
 * German. Domain terms follow Microsoft's German playbook (docs/domain.md, "Words in the
 * playbook's German, Japanese and Chinese"): "Startdatum der Beteiligung" (never shortened to "Startdatum",
 * which is any start date), "Arbeitsbereich" for workload, "allgemeine Statusnotizen",
 * "Kick-off-Meeting", "Gateway-Team", the L1 statuses "In Bearbeitung", "Unbekannter Status",
 * "Blockiert", "Keine Absicht". The user is "Sie"; quotes are „…“. FM stays FM.
 */
export const de: Messages = {
  // Common words
  'esd.name': 'Startdatum der Beteiligung',
  'esd.notSet': 'nicht festgelegt',
  'esd.estimate': '{month} (Schätzung)',
  'notes.name': 'Allgemeine Statusnotizen',
  'common.customer': 'Kunde',
  'common.tenant': 'Tenant',
  'common.workload': 'Arbeitsbereich',
  'common.status': 'L1-Status',
  'common.esd': 'Startdatum der Beteiligung',
  'common.basis': 'Grundlage',
  'common.assignedTo': 'Zugewiesen an',

  'status.in_progress': 'In Bearbeitung',
  'status.status_unknown': 'Unbekannter Status',
  'status.blocked': 'Blockiert',
  'status.no_intent': 'Keine Absicht',
  'status.duplicate_invalid': 'Duplikat/Ungültig',

  'basis.kickoff_meeting': 'Kick-off-Meeting',
  'basis.two_way_email': 'E-Mail-Austausch in beide Richtungen',
  'basis.phone_call': 'Telefonat mit dem Kunden',
  'basis.planned': 'Geplanter Start (mit dem Kunden vereinbart)',
  'basis.estimated': 'Geschätzter Start',

  'role.fm': 'zugewiesener FM',
  'role.gateway': 'Gateway-Team',
  'role.manager': 'Manager',
  'role.fta': 'FastTrack Architect (FTA)',
  'role.fe': 'FastTrack Engineer (FE)',
  'role.re_engagement': 'Re-Engagement-Team',
  'role.frp': 'Qualifizierter FastTrack-Partner',
  // Who may change a date, as a refusal lists them (domain/overwrite-policy.ts).
  'who.fm': 'der zugewiesene FM',
  'who.frp': 'der zugewiesene Partner',
  'who.gateway': 'das Gateway-Team',
  'who.manager': 'ein Manager',
  'who.fta': 'ein FastTrack Architect (FTA)',
  'who.fe': 'ein FastTrack Engineer (FE)',
  'who.re_engagement': 'das Re-Engagement-Team',

  // help
  'help.title': 'esd-bot hält Ihre Startdaten der Beteiligung aktuell',
  'help.intro':
    'Ich erfasse für jeden Arbeitsbereich Ihrer Kunden das Datum, an dem der Kunde mit Ihnen die Onboarding-Gespräche beginnt, und trage den Grund jeder Änderung im selben Schritt in die allgemeinen Statusnotizen ein.',
  'help.commands': 'Was Sie eingeben können',
  'help.cmd.help': '**hilfe**: diese Nachricht',
  'help.cmd.engagements':
    '**meine beteiligungen**: Ihre Kunden und Arbeitsbereiche mit ihrem Startdatum der Beteiligung',
  'help.cmd.change':
    '**datum ändern** (optional mit einem Kundennamen): ein Startdatum der Beteiligung mit Begründung ändern',
  'help.cmd.noResponse':
    '**keine antwort**: Der Kunde hat nicht geantwortet; eine Notiz wird erfasst, das Datum bleibt',
  'help.cmd.history':
    '**verlauf**: die Änderungen am Startdatum der Beteiligung eines Arbeitsbereichs',
  'help.cmd.upcoming': '**demnächst**: Ihre Startdaten der Beteiligung in den nächsten 30 Tagen',
  'help.cmd.tenant':
    '**kunde** _Kundenname_: die Arbeitsbereiche eines Kunden auf einer Zeitachse, mit den Abständen zwischen den Starts',
  'help.cmd.capacity':
    '**kapazität**: für das Gateway-Team und Manager die Starts jedes FM pro Woche',
  'help.what': 'Was das Datum bedeutet',
  'help.isR4':
    'Der Tag, an dem Sie und der Kunde die Kommunikation speziell zum FastTrack-Prozess für diesen Arbeitsbereich beginnen. Er kann vor dem Kick-off-Meeting liegen oder auf denselben Tag fallen.',
  'help.isNotR5':
    'Nicht der Tag, an dem eine erste E-Mail gesendet oder eine Voicemail hinterlassen wurde: Entscheidend ist ein Austausch in beide Richtungen (der Kunde fragt und Sie antworten, ein Anruf zur Planung des Kick-off-Meetings, das Kick-off-Meeting selbst).',
  'help.rules':
    'Nur Arbeitsbereiche mit dem Status „In Bearbeitung“ haben eines. Alte Beteiligungen müssen nicht nachgetragen werden. Wenn Sie nur den Monat kennen, speichere ich dessen ersten Tag als Schätzung.',

  // Commands that need something first
  'general.notUnderstood':
    'Das habe ich nicht verstanden. Geben Sie **hilfe** ein, um zu sehen, was ich kann.',
  'general.tryAgain':
    'Bei mir ist ein Fehler aufgetreten, und es wurde nichts gespeichert. Bitte versuchen Sie es in einer Minute erneut.',
  'general.tooLong': 'Diese Nachricht ist zu lang für mich (höchstens {max} Zeichen).',
  'general.noWorkloads':
    'Ihnen sind keine Arbeitsbereiche zugewiesen. Wenn Sie für das Gateway-Team arbeiten oder FMs leiten, bitten Sie einen Administrator, Ihnen diese Rolle zuzuweisen.',
  'general.tenantNotServed': 'Diese App steht Ihrer Organisation nicht zur Verfügung.',
  'general.workloadGone': 'Dieser Arbeitsbereich existiert nicht mehr.',
  'command.help': 'hilfe',
  'command.engagements': 'meine beteiligungen',
  'command.change': 'datum ändern',
  'command.noResponse': 'keine antwort',
  'command.history': 'verlauf',
  'command.upcoming': 'demnächst',
  'general.cardExpired':
    'Diese Karte ist veraltet. Geben Sie **{command}** ein, um neu zu beginnen.',

  // my engagements
  'engagements.title': 'Ihre Beteiligungen',
  'engagements.subtitle': 'Frühester Start zuerst · Arbeitsbereiche: {count}',
  'engagements.noEsd': 'nicht festgelegt',
  'engagements.change': 'Datum ändern',

  // tenant picker
  'pickTenant.title': 'Welcher Kunde?',
  'pickTenant.label': 'Kunde',
  'pickTenant.placeholder': 'Kunden auswählen',
  'pickTenant.next': 'Weiter',
  'pickTenant.noMatch': 'Keiner Ihrer Kunden passt zu „{text}“.',
  'pickTenant.retry':
    'Wählen Sie einen Kunden in der Karte aus, oder geben Sie einen Teil des Namens ein.',
  'pickTenant.needName':
    'Geben Sie den Namen des Kunden nach dem Befehl ein, zum Beispiel **datum ändern contoso**.',

  // change card
  'change.title': 'Startdatum der Beteiligung ändern',
  'change.subtitle': '{customer} · {tenant}',
  'change.workloadLabel': 'Arbeitsbereich',
  'change.workloadPlaceholder': 'Arbeitsbereich auswählen',
  'change.workloadChoice': '{workload} · {status} · {esd}',
  'change.dateLabel': 'Neues Datum',
  'change.monthLabel': 'Oder, wenn Sie nur den Monat kennen',
  'change.monthPlaceholder': 'Monat wählen',
  'change.monthHint': 'Gespeichert als der 1. dieses Monats, als Schätzung markiert.',
  'change.basisLabel': 'Was ist an diesem Datum geschehen oder wird geschehen?',
  'change.basisPlaceholder': 'Bitte auswählen',
  'change.basisHint':
    'Eine gesendete E-Mail oder eine Voicemail ohne Antwort zählt nicht: Das Datum ist der Beginn eines Austauschs in beide Richtungen.',
  'change.reasonLabel': 'Grund (wird in die allgemeinen Statusnotizen geschrieben)',
  'change.reasonPlaceholder': 'Warum ändert sich das Datum?',
  'change.submit': 'Datum und Grund speichern',
  'change.errorSummary':
    'Es wurde nichts gespeichert. Bitte korrigieren Sie die markierten Angaben.',
  'change.dateAndMonth': 'Wählen Sie ein Datum oder einen Monat, nicht beides.',
  'change.dateMissing': 'Wählen Sie ein Datum oder nur den Monat.',
  'change.workloadMissing': 'Wählen Sie einen Arbeitsbereich.',
  'change.typedDate':
    'Ich habe „{text}“ als {date} gelesen. Prüfen Sie die Karte, ergänzen Sie den Grund und speichern Sie.',
  'change.typedMonth':
    'Ich habe „{text}“ als {month} (Schätzung) gelesen. Prüfen Sie die Karte, ergänzen Sie den Grund und speichern Sie.',
  'change.noSuchDay':
    '„{text}“ ist kein Datum: Dieser Monat hat keinen solchen Tag. Geben Sie ein anderes Datum ein oder wählen Sie eines in der Karte.',
  'change.typedOutOfWindow':
    'Ich habe „{text}“ als {date} gelesen, außerhalb des erlaubten Zeitraums: Wählen Sie ein Datum zwischen {earliest} und {latest}. Die Karte wurde nicht geändert.',
  'change.typeHint':
    'Füllen Sie die Karte oben aus, oder geben Sie ein Datum ein (zum Beispiel „15. Januar“ oder „15.01.2027“).',
  'change.conflict':
    'Dieser Arbeitsbereich wurde geändert, während die Karte geöffnet war: Sein Datum ist jetzt {esd}. Es wurde nichts geschrieben. Prüfen Sie es und speichern Sie erneut.',

  // rejections (rules module codes)
  'violation.not_permitted':
    '{workload} bei {customer} ist {assignee} zugewiesen: Das Datum ändern kann nur {who}.',
  'violation.not_permitted_unassigned':
    '{workload} bei {customer} hat noch keinen FM: Das Datum festlegen kann nur {who}.',
  'violation.status_ineligible':
    '{workload} hat den Status {status}. Nur Arbeitsbereiche mit dem Status „In Bearbeitung“ haben ein Startdatum der Beteiligung; für „Unbekannter Status“, „Blockiert“, „Keine Absicht“ und „Duplikat/Ungültig“ gilt es nicht.',
  'violation.esd_required':
    '{workload} ist für einen neuen Kunden „In Bearbeitung“: Das Gateway-Team gibt das Startdatum der Beteiligung an, das Datum, das der Kunde im Gateway-Gespräch genannt hat. Nur vergangene oder laufende Beteiligungen dürfen ohne bleiben.',
  'violation.date_invalid': 'Das ist kein gültiges Datum.',
  'violation.month_invalid': 'Das ist kein gültiger Monat.',
  'violation.date_out_of_window': 'Wählen Sie ein Datum zwischen {earliest} und {latest}.',
  'violation.estimate_month_past':
    'Eine Schätzung gilt für einen künftigen Start: Wählen Sie {currentMonth} oder einen späteren Monat.',
  'violation.basis_invalid':
    'Wählen Sie aus, was an diesem Datum geschehen ist oder geschehen wird.',
  'violation.basis_not_estimate':
    'Mit nur einem Monat ist das Datum eine Schätzung: Wählen Sie „Geplanter Start“ oder „Geschätzter Start“, nicht „{basis}“.',
  'violation.unchanged': 'Das Datum ist bereits {current}; es gibt nichts zu ändern.',
  'violation.reason_missing':
    'Schreiben Sie den Grund in Worten (Satzzeichen oder Emojis allein sagen nichts): Er wird in die allgemeinen Statusnotizen eingetragen.',
  'violation.reason_too_long': 'Der Grund darf höchstens {max} Zeichen lang sein.',

  // confirmation
  'done.title': 'Startdatum der Beteiligung gespeichert',
  'done.oldDate': 'Bisheriges Datum',
  'done.newDate': 'Neues Datum',
  'done.note': 'In den allgemeinen Statusnotizen erfasst',

  // no response (R7)
  'noResponse.title': 'Der Kunde hat nicht geantwortet',
  'noResponse.intro':
    'Eine Notiz wird in die allgemeinen Statusnotizen eingetragen, und das Startdatum der Beteiligung bleibt unverändert (wenn der Kunde antwortet und ein neues Datum vereinbart wird, ändern Sie das Datum dann).',
  'noResponse.kindLabel': 'Was ist passiert?',
  'noResponse.kind.no_answer': 'Noch keine Antwort: Ich versuche es weiter',
  'noResponse.kind.inactive': 'Der Kunde ist inaktiv oder hat nie geantwortet',
  'noResponse.detailLabel': 'Einzelheiten (optional)',
  'noResponse.detailPlaceholder': 'Bisherige Versuche, nächster Versuch…',
  'noResponse.submit': 'Notiz erfassen',
  'noResponse.kindMissing': 'Wählen Sie aus, was passiert ist.',
  'noResponse.doneTitle': 'Notiert; das Datum bleibt',
  'noResponse.done':
    'In den allgemeinen Statusnotizen erfasst. Das Startdatum der Beteiligung bleibt {esd}.',
  'noResponse.statusIneligible':
    '{workload} ist {status}. Eine ausbleibende Antwort wird nur für Arbeitsbereiche „In Bearbeitung“ erfasst, die ein Startdatum der Beteiligung haben. Es wurde nichts gespeichert.',
  'noResponse.esdInFuture':
    'Das Startdatum der Beteiligung von {workload} ist {esd} und liegt noch in der Zukunft: Der Kunde hat es noch nicht verpasst. Erfassen Sie eine ausbleibende Antwort an oder nach diesem Tag; um das Datum zu verschieben, verwenden Sie **{command}**. Es wurde nichts gespeichert.',

  // history
  'history.pickTitle': 'Verlauf welches Arbeitsbereichs?',
  'history.show': 'Verlauf anzeigen',
  'history.title': 'Verlauf von {workload}',
  'history.empty': 'Noch keine Änderung erfasst.',
  'history.entry': '{old} → {new}',
  'history.by': '{when} · {who} ({role})',
  'history.reason': 'Grund: {reason}',

  // upcoming
  'upcoming.title': 'Start in den nächsten {days} Tagen',
  'upcoming.empty': 'Keiner Ihrer Arbeitsbereiche startet in den nächsten {days} Tagen.',
  'upcoming.week': 'Woche vom {date}',

  // proactive: the Gateway Team's handoff of a new customer (R6)
  'handoff.title': 'Neukunde vom Gateway-Team: {customer}',
  'handoff.enteredBy': 'Vom Gateway-Team aus dem Gespräch mit dem Kunden eingetragen ({name}).',
  'handoff.intro':
    'Jedes Datum ist das, welches der Kunde im Gateway-Gespräch genannt hat. Wenn der Kunde ein anderes wünscht, ändern Sie es.',
  'handoff.reference': 'Gateway-Referenz',
  'handoff.notes': 'Notizen des Gateway-Teams',
  'handoff.acknowledge': 'Bestätigen',
  'handoff.change': 'Datum ändern',
  'handoff.acknowledgedTitle': 'Übergabe bestätigt',
  'handoff.acknowledged': 'Sie haben {customer} übernommen; das Gateway-Team sieht das.',
  'handoff.alreadyAcknowledged': 'Diese Übergabe wurde bereits bestätigt ({when}).',
  'handoff.gone': 'Diese Übergabe ist nicht mehr bekannt.',
  'access.notYours': 'Das ist keiner Ihrer Kunden. Wenden Sie sich an {assignee}.',
  'access.notYoursNobody': 'Das ist keiner Ihrer Kunden. Wenden Sie sich an das Gateway-Team.',
  'handoff.notYours': 'Nur der zugewiesene FM kann diese Übergabe bestätigen.',
  // proactive: a date moved by someone else
  'notice.changedByOther':
    '{who} ({role}) hat das Startdatum der Beteiligung von {workload} bei {customer} geändert: {old} → {new}. Grund: {reason}',
  // proactive: reminders (R7) and the weekly digest
  'notice.changedByOtherTitle': 'Eines Ihrer Startdaten der Beteiligung wurde geändert',
  'reminder.title': 'Heute ist das Startdatum der Beteiligung von {workload} bei {customer}',
  'reminder.titleLate':
    'Das Startdatum der Beteiligung von {workload} bei {customer} war am {date}',
  'reminder.late': 'Diese Erinnerung kommt verspätet: Zum Fälligkeitszeitpunkt lief kein esd-bot.',
  'reminder.followUpTitle': 'Nachfrage: Hat {customer} zu {workload} geantwortet?',
  'reminder.intro':
    'Haben die Onboarding-Gespräche begonnen? Sagen Sie mir, was passiert ist. Das Datum ändert sich nur auf den Tag, an dem der Austausch in beide Richtungen wirklich begann, oder auf ein neues, mit dem Kunden vereinbartes Datum.',
  'reminder.started': 'Kommunikation hat begonnen',
  'reminder.reschedule': 'Kunde wünscht ein anderes Datum',
  'reminder.noAnswer': 'Noch keine Antwort',
  'reminder.inactive': 'Kunde inaktiv',
  'reminder.doneStarted':
    'In den allgemeinen Statusnotizen vermerkt: Die Kommunikation hat begonnen. Keine weiteren Erinnerungen für dieses Datum.',
  'reminder.doneNoAnswer':
    'In den allgemeinen Statusnotizen vermerkt; das Datum bleibt. Ich erinnere Sie am {date} erneut.',
  'reminder.doneInactive':
    'In den allgemeinen Statusnotizen vermerkt; das Datum bleibt, und ich erinnere Sie nicht mehr daran.',
  'reminder.already': 'Diese Erinnerung wurde bereits beantwortet.',
  'reminder.titleEstimate': '{month} ist der geschätzte Monat für {workload} bei {customer}',
  'reminder.introEstimate':
    'Das Startdatum der Beteiligung ist eine Schätzung: Der 1. steht für den Monat, nicht für einen vereinbarten Tag. Hat der Austausch in beide Richtungen begonnen? Wenn nicht, legen Sie das echte Datum fest, sobald der Kunde eines vereinbart.',
  'reminder.setRealDate': 'Echtes Datum festlegen',
  'reminder.doneStartedMoved':
    'Das Startdatum der Beteiligung wurde von {old} auf {new} verschoben, den Tag, an dem die Kommunikation begann; der Grund steht in den allgemeinen Statusnotizen. Keine Erinnerungen mehr für das alte Datum.',
  'started.title': 'Wann begann der Austausch in beide Richtungen zu {workload} bei {customer}?',
  'started.intro':
    'Das Startdatum der Beteiligung ist der Tag, an dem Sie und der Kunde den Austausch in beide Richtungen begonnen haben (eine Antwort auf Ihre E-Mail, ein Anruf, das Kick-off-Meeting), nicht der Tag, an dem eine E-Mail gesendet oder eine Sprachnachricht hinterlassen wurde.',
  'started.whenLabel': 'Er begann',
  'started.today': 'Heute ({date})',
  'started.todayIsEsd': 'Heute ({date}), am Startdatum der Beteiligung',
  'started.onEsd': 'Am Startdatum der Beteiligung ({date})',
  'started.other': 'An einem anderen Tag (unten wählen)',
  'started.dateLabel': 'Der andere Tag',
  'started.basisLabel': 'Was war es? (nötig, wenn sich das Datum ändert)',
  'started.moveHint':
    'Ist dieser Tag nicht das Startdatum der Beteiligung, wird das Datum auf ihn verschoben und der Grund mit ihm in die allgemeinen Statusnotizen geschrieben.',
  'started.reasonDefault':
    'Der Kunde hat geantwortet und der Austausch in beide Richtungen begann an diesem Tag.',
  'started.submit': 'Erfassen',
  'started.when_missing': 'Wählen Sie, wann der Austausch begann.',
  'started.esd_is_estimate':
    'Das Startdatum der Beteiligung ist nur ein geschätzter Monat: Wählen Sie heute oder den echten Tag.',
  'started.date_missing': 'Wählen Sie den Tag, an dem der Austausch begann.',
  'started.date_invalid': 'Diesen Tag gibt es nicht.',
  'started.date_in_future':
    'Dieser Tag ist noch nicht gekommen: Ein Beginn ist ein Tag, der stattgefunden hat. Für ein geplantes Datum verwenden Sie „Kunde wünscht ein anderes Datum“.',
  'started.basis_not_exchange':
    'Wählen Sie, was der Austausch war: Kick-off-Meeting, E-Mail-Austausch in beide Richtungen oder Telefonat.',
  'upcoming.documentedTitle':
    'Datum vorbei, keine Antwort erfasst: in den allgemeinen Statusnotizen dokumentiert ({count})',
  'upcoming.documentedHint':
    'Das Datum bleibt (FAQ: dokumentieren, nicht ändern). Wenn der Kunde antwortet, geben Sie **datum ändern** mit dem vereinbarten Datum ein.',
  'upcoming.recorded.no_answer': 'noch keine Antwort, weitere Versuche',
  'upcoming.recorded.inactive': 'Kunde inaktiv',
  'reminder.gone':
    'Diese Erinnerung gilt nicht mehr: Der Arbeitsbereich oder sein Datum hat sich geändert.',
  'digest.title': 'Ihre Startdaten der Beteiligung in dieser Woche',
  // reports: upcoming (overdue first), capacity, a tenant's timeline and history
  'reports.command.capacity': 'kapazität',
  'reports.command.tenant': 'kunde',
  'upcoming.overdueTitle':
    'Datum vorbei, seitdem nichts erfasst: keine Erinnerung beantwortet, keine fehlende Antwort dokumentiert',
  'upcoming.overdueHint':
    'Beantworten Sie die Erinnerung, geben Sie **keine antwort** ein, wenn der Kunde nicht geantwortet hat, oder **datum ändern**, wenn ein anderes Datum vereinbart wurde.',
  'upcoming.yesterday': 'gestern',
  'upcoming.daysAgo': 'vor {days} Tagen',
  'capacity.title': 'Starts pro FM und Woche',
  'capacity.subtitle':
    'Arbeitsbereiche „In Bearbeitung“ mit Startdatum der Beteiligung, {from} bis {to}',
  'capacity.filter': 'Nur angezeigt: {filter}',
  'capacity.fm': 'Zugewiesener FM',
  'capacity.week': 'KW{week}',
  'capacity.allFms': 'Alle FMs',
  'capacity.starts': 'Starts: {count}',
  'capacity.busiest': 'Am stärksten ausgelastet: {weeks}',
  'capacity.busiestWeek': 'Woche vom {date} (Starts: {count})',
  'capacity.legend':
    'Jede Zelle zählt die Arbeitsbereiche, die in dieser Woche starten, Schätzungen eingeschlossen. Die Balken sind relativ zur vollsten Zelle; die vollsten Wochen sind hervorgehoben.',
  'capacity.empty': 'Kein FM hat einen passenden Arbeitsbereich mit dem Status „In Bearbeitung“.',
  'capacity.more':
    '{count} weitere FMs werden nicht angezeigt: Ergänzen Sie den Befehl um einen Teil eines Namens, zum Beispiel **kapazität megan**.',
  'capacity.notAllowed':
    'Der Kapazitätsbericht ist für das Gateway-Team und Manager bestimmt. Wenn Sie ihn benötigen, bitten Sie einen Administrator, Ihnen eine dieser Rollen zuzuweisen.',
  'tenant.title': 'Zeitachse von {customer}',
  'tenant.subtitle': '{tenant} · {count} Arbeitsbereiche',
  'tenant.span': 'Vom ersten bis zum letzten Start: {span}',
  'tenant.gap':
    '↓ {span} von diesem Start bis {workload} ({date}), von Start zu Start: kein Zieldatum bekannt',
  'tenant.gapApprox':
    '↓ etwa {span} von diesem Start bis {workload} ({date}, Schätzung), von Start zu Start: kein Zieldatum bekannt',
  'tenant.sameDay': '↓ {workload} startet am selben Tag',
  'tenant.notActive':
    'Nicht „In Bearbeitung“: Das Datum bleibt als Verlauf erhalten und zählt nicht zu den Abständen.',
  'tenant.undated':
    'In Bearbeitung, ohne Startdatum der Beteiligung: bereits laufende Beteiligungen (normal: nichts nachzutragen)',
  'tenant.noWorkloads': 'Für diesen Kunden ist kein Arbeitsbereich erfasst.',
  'tenant.historyHint': 'Jede Änderung dieser Daten sehen Sie mit **verlauf {name}**.',
  'violation.status_ineligible_split':
    '{workload} hat keine Lizenzen mit dem Status „In Bearbeitung“; die Berechtigungen sind aufgeteilt: {split}. Nur ein Arbeitsbereich mit Lizenzen „In Bearbeitung“ hat ein Startdatum der Beteiligung.',
  'entitlements.line': '{status}: {seats} Lizenzen',
  'entitlements.split': 'Berechtigungen aufgeteilt: {lines}',
  'entitlements.targetDate': 'Zieldatum {date}',
  'tenant.gapFromTarget': '↓ {span} vom Zieldatum ({target}) bis zum Start von {workload} ({date})',
  'tenant.gapFromTargetApprox':
    '↓ etwa {span} vom Zieldatum ({target}) bis zum Start von {workload} ({date}, Schätzung)',
  'tenant.overlap':
    '↓ {workload} startet ({date}) {span} vor diesem Zieldatum ({target}): sie überschneiden sich',
  'tenant.undatedIneligible': 'Nicht „In Bearbeitung“: kein Startdatum der Beteiligung vorgesehen',
  'tenant.needName':
    'Geben Sie nach dem Befehl einen Teil des Kundennamens ein, zum Beispiel **kunde contoso**.',
  'tenant.noMatch': 'Kein Kunde passt zu „{text}“.',
  'tenant.many': 'Mehrere Kunden passen zu „{text}“: {names}. Geben Sie mehr vom Namen ein.',
  'tenant.notAllowed':
    'Sie sehen einen Kunden, wenn Ihnen einer seiner Arbeitsbereiche zugewiesen ist, oder mit der Rolle Gateway, Manager, FTA, FE oder Re-Engagement.',
  'tenantHistory.title': 'Änderungen am Startdatum der Beteiligung bei {customer}',
  'tenantHistory.empty':
    'Bei diesem Kunden hat sich noch kein Startdatum der Beteiligung geändert.',
  'reports.days': '{count} Tage',
  'reports.oneDay': '1 Tag',
  'tenantHistory.more': 'Nur die letzten {shown} von {total} Änderungen werden angezeigt.',
  'shared.readOnly':
    'Nur lesen. Der zugewiesene FM und die Personen, die diese Daten ändern dürfen, sehen hier das Formular; die neuesten Daten zeigt „Aktualisieren“ im Menü der Karte.',
  'shared.expired':
    'Diese Karte ist veraltet. Geben Sie **{command}** ein, um eine neue zu öffnen.',
  'search.lastChange': 'Letzte Änderung: {old} → {new}, {when}, von {who}. Grund: {reason}',
  'search.open': 'Datum ändern',
  'welcome.personal':
    'Hallo! Ich bin esd-bot. Ich halte das Startdatum der Beteiligung jedes Workloads richtig: Ein neues Datum und sein Grund werden in einem Schritt in den Allgemeinen Statusnotizen erfasst, und jede Änderung bleibt im Verlauf. Geben Sie **{engagements}** ein, um Ihre Kunden und ihre Daten zu sehen, oder **{help}** für alles, was ich kann.',
  'welcome.shared':
    'Hallo! Ich bin esd-bot. Ich halte das Startdatum der Beteiligung jedes Workloads richtig. Erwähnen Sie mich hier mit @ vor einem Befehl, zum Beispiel **@{bot} {help}** oder **@{bot} {change} contoso**. Änderungskarten zeigen das Formular nur den Personen, die diese Daten ändern dürfen; alle anderen sehen die Daten.',
};
