import type { Messages } from './en.js';

/**
 * Spanish. Domain terms follow seed 001 (docs/domain.md, "Words in the seeds' languages"):
 * "fecha de inicio de la interacción", "carga de trabajo", "notas generales del estado", FM stays
 * FM. The user is "tú"; quotes are «…». Command words are the Spanish commands the bot understands.
 */
export const es: Messages = {
  // Common words
  'esd.name': 'Fecha de inicio de la interacción',
  'esd.notSet': 'sin definir',
  'esd.estimate': '{month} (estimación)',
  'notes.name': 'Notas generales del estado',
  'common.customer': 'Cliente',
  'common.tenant': 'Inquilino',
  'common.workload': 'Carga de trabajo',
  'common.status': 'Estado L1',
  'common.esd': 'Fecha de inicio de la interacción',
  'common.basis': 'Base',
  'common.assignedTo': 'Asignado a',

  'status.in_progress': 'En progreso',
  'status.status_unknown': 'Estado desconocido',
  'status.blocked': 'Bloqueado',
  'status.no_intent': 'Sin intención',
  'status.duplicate_invalid': 'Duplicado/No válido',

  'basis.kickoff_meeting': 'Reunión de inicio',
  'basis.two_way_email': 'Intercambio de correos con el cliente (en ambos sentidos)',
  'basis.phone_call': 'Llamada telefónica con el cliente',
  'basis.planned': 'Inicio planificado (acordado con el cliente)',
  'basis.estimated': 'Inicio estimado',

  'role.fm': 'FM asignado',
  'role.gateway': 'equipo de Gateway',
  'role.manager': 'gerente',
  'role.fta': 'arquitecto de FastTrack (FTA)',
  'role.fe': 'ingeniero de FastTrack (FE)',
  'role.re_engagement': 'equipo de nueva interacción',
  'role.frp': 'socio FRP',
  // Who may change a date, as a refusal lists them (domain/overwrite-policy.ts).
  'who.fm': 'el FM asignado',
  'who.frp': 'el socio al que está asignada',
  'who.gateway': 'el equipo de Gateway',
  'who.manager': 'un gerente',
  'who.fta': 'un arquitecto de FastTrack (FTA)',
  'who.fe': 'un ingeniero de FastTrack (FE)',
  'who.re_engagement': 'el equipo de nueva interacción',

  // help
  'help.title': 'esd-bot mantiene correctas tus fechas de inicio de la interacción',
  'help.intro':
    'Para cada carga de trabajo de tus clientes, registro la fecha en que el cliente inicia contigo las conversaciones iniciales del proceso de FastTrack y, en el mismo paso, escribo el motivo de cada cambio en las notas generales del estado.',
  'help.commands': 'Lo que puedes escribir',
  'help.cmd.help': '**ayuda**: este mensaje',
  'help.cmd.engagements':
    '**mis interacciones**: tus clientes y cargas de trabajo, con sus fechas de inicio de la interacción',
  'help.cmd.change':
    '**cambiar fecha** (si quieres, con el nombre de un cliente): cambia una fecha de inicio de la interacción, con su motivo',
  'help.cmd.noResponse':
    '**sin respuesta**: el cliente no ha respondido; se registra una nota y la fecha no cambia',
  'help.cmd.history':
    '**historial**: los cambios de la fecha de inicio de la interacción de una carga de trabajo',
  'help.cmd.upcoming':
    '**próximas**: tus fechas de inicio de la interacción en los próximos 30 días',
  'help.cmd.tenant':
    '**cliente** _nombre del cliente_: las cargas de trabajo de un cliente en una línea de tiempo, con los intervalos entre inicios',
  'help.cmd.capacity':
    '**capacidad**: para el equipo de Gateway y los gerentes, los inicios de cada FM por semana',
  'help.what': 'Qué es la fecha',
  'help.isR4':
    'El día en que tú y el cliente comienzan la comunicación específica del proceso de FastTrack para esa carga de trabajo. Puede ser antes de la reunión de inicio o el mismo día.',
  'help.isNotR5':
    'No es el día en que se envió el primer correo electrónico o se dejó un mensaje de voz: lo que cuenta es un intercambio en ambos sentidos (el cliente pregunta y tú respondes, una llamada para programar la reunión de inicio, la propia reunión de inicio).',
  'help.rules':
    'Solo las cargas de trabajo En progreso tienen esta fecha. Nadie necesita completarla para interacciones anteriores. Si solo conoces el mes, guardo su primer día como estimación.',

  // Commands that need something first
  'general.notUnderstood': 'No te entendí. Escribe **ayuda** para ver lo que puedo hacer.',
  'general.tryAgain':
    'Algo salió mal por mi parte y no se guardó nada. Vuelve a intentarlo en un minuto.',
  'general.tooLong': 'Ese mensaje es demasiado largo para mí ({max} caracteres como máximo).',
  'general.noWorkloads':
    'No tienes ninguna carga de trabajo asignada. Si trabajas en el equipo de Gateway o supervisas a FMs, pide a un administrador del bot que te asigne ese rol.',
  'general.tenantNotServed': 'Esta aplicación no atiende a tu organización.',
  'general.workloadGone': 'Esa carga de trabajo ya no existe.',
  'command.help': 'ayuda',
  'command.engagements': 'mis interacciones',
  'command.change': 'cambiar fecha',
  'command.noResponse': 'sin respuesta',
  'command.history': 'historial',
  'command.upcoming': 'próximas',
  'general.cardExpired':
    'Esta tarjeta está desactualizada. Escribe **{command}** para empezar de nuevo.',

  // my engagements
  'engagements.title': 'Tus interacciones',
  'engagements.subtitle': 'Primero el inicio más próximo · cargas de trabajo: {count}',
  'engagements.noEsd': 'sin definir',
  'engagements.change': 'Cambiar una fecha',

  // tenant picker
  'pickTenant.title': '¿Qué cliente?',
  'pickTenant.label': 'Cliente',
  'pickTenant.placeholder': 'Elige un cliente',
  'pickTenant.next': 'Siguiente',
  'pickTenant.noMatch': 'Ninguno de tus clientes coincide con «{text}».',
  'pickTenant.retry': 'Elige un cliente en la tarjeta o escribe parte de su nombre.',
  'pickTenant.needName':
    'Escribe el nombre del cliente después del comando, por ejemplo **cambiar fecha contoso**.',

  // change card
  'change.title': 'Cambiar una fecha de inicio de la interacción',
  'change.subtitle': '{customer} · {tenant}',
  'change.workloadLabel': 'Carga de trabajo',
  'change.workloadPlaceholder': 'Elige una carga de trabajo',
  'change.workloadChoice': '{workload} · {status} · {esd}',
  'change.dateLabel': 'Nueva fecha',
  'change.monthLabel': 'O, si solo conoces el mes',
  'change.monthPlaceholder': 'Elige el mes',
  'change.monthHint': 'Se guarda como el día 1 de ese mes, marcado como estimación.',
  'change.basisLabel': '¿Qué pasó, o qué pasará, en esa fecha?',
  'change.basisPlaceholder': 'Elige una opción',
  'change.basisHint':
    'Un correo enviado o un mensaje de voz sin respuesta no cuenta: la fecha es el inicio de un intercambio en ambos sentidos.',
  'change.reasonLabel': 'Motivo (se escribe en las notas generales del estado)',
  'change.reasonPlaceholder': '¿Por qué cambia la fecha?',
  'change.submit': 'Guardar fecha y motivo',
  'change.errorSummary': 'No se guardó nada. Corrige lo que está marcado abajo.',
  'change.dateAndMonth': 'Elige una fecha o un mes, no ambos.',
  'change.dateMissing': 'Elige una fecha, o solo el mes.',
  'change.workloadMissing': 'Elige una carga de trabajo.',
  'change.typedDate':
    'Entendí «{text}» como {date}. Revisa la tarjeta, escribe el motivo y guarda.',
  'change.typedMonth':
    'Entendí «{text}» como {month} (una estimación). Revisa la tarjeta, escribe el motivo y guarda.',
  'change.noSuchDay':
    '«{text}» no es una fecha: ese mes no tiene ese día. Escribe otra fecha o elige una en la tarjeta.',
  'change.typedOutOfWindow':
    'Entendí «{text}» como {date}, fuera del intervalo permitido: elige una fecha entre {earliest} y {latest}. La tarjeta no ha cambiado.',
  'change.typeHint':
    'Completa la tarjeta de arriba o escribe una fecha (por ejemplo «15 de enero» o «el próximo lunes»).',
  'change.conflict':
    'Esta carga de trabajo cambió mientras la tarjeta estaba abierta: su fecha ahora es {esd}. No se escribió nada. Revísala y vuelve a guardar.',

  // rejections (rules module codes)
  'violation.not_permitted':
    'La carga de trabajo {workload} del cliente {customer} está asignada a {assignee}: solo {who} puede cambiar su fecha.',
  'violation.not_permitted_unassigned':
    'La carga de trabajo {workload} del cliente {customer} aún no tiene FM: solo {who} puede establecer su fecha.',
  'violation.status_ineligible':
    'La carga de trabajo {workload} tiene el estado {status}. Solo las cargas de trabajo En progreso tienen fecha de inicio de la interacción; no se aplica a Estado desconocido, Bloqueado, Sin intención ni Duplicado/No válido.',
  'violation.esd_required':
    'La carga de trabajo {workload} está En progreso para un cliente nuevo: el equipo de Gateway indica su fecha de inicio de la interacción, la que el cliente dio en la conversación de Gateway. Solo las interacciones pasadas o en curso pueden quedar sin ella.',
  'violation.date_invalid': 'Esa fecha no es válida.',
  'violation.month_invalid': 'Ese mes no es válido.',
  'violation.date_out_of_window': 'Elige una fecha entre {earliest} y {latest}.',
  'violation.estimate_month_past':
    'Una estimación es para un inicio que aún no ha llegado: elige {currentMonth} o un mes posterior.',
  'violation.basis_invalid': 'Elige qué pasó, o qué pasará, en esa fecha.',
  'violation.basis_not_estimate':
    'Con solo el mes, la fecha es una estimación: elige «Inicio planificado» o «Inicio estimado», no «{basis}».',
  'violation.unchanged': 'La fecha ya es {current}; no hay nada que cambiar.',
  'violation.reason_missing':
    'Escribe el motivo con palabras (solo puntuación o emojis no dicen nada): se escribe en las notas generales del estado.',
  'violation.reason_too_long': 'El motivo puede tener como máximo {max} caracteres.',

  // confirmation
  'done.title': 'Fecha de inicio de la interacción guardada',
  'done.oldDate': 'Fecha anterior',
  'done.newDate': 'Nueva fecha',
  'done.note': 'Registrado en las notas generales del estado',

  // no response (R7)
  'noResponse.title': 'El cliente no ha respondido',
  'noResponse.intro':
    'Dejo constancia en las notas generales del estado y la fecha de inicio de la interacción no cambia (cuando el cliente responda y acuerden una nueva fecha, cámbiala en ese momento).',
  'noResponse.kindLabel': '¿Qué pasó?',
  'noResponse.kind.no_answer': 'Aún sin respuesta: sigo intentándolo',
  'noResponse.kind.inactive': 'El cliente está inactivo o nunca respondió',
  'noResponse.detailLabel': 'Detalles (opcional)',
  'noResponse.detailPlaceholder': 'Intentos realizados, próximo intento…',
  'noResponse.submit': 'Registrar nota',
  'noResponse.kindMissing': 'Elige qué pasó.',
  'noResponse.doneTitle': 'Anotado; la fecha no cambia',
  'noResponse.done':
    'Registrado en las notas generales del estado. La fecha de inicio de la interacción no cambia: {esd}.',
  'noResponse.statusIneligible':
    'La carga de trabajo {workload} tiene el estado {status}. La falta de respuesta solo se documenta para cargas de trabajo En progreso, las que tienen fecha de inicio de la interacción. No se escribió nada.',
  'noResponse.esdInFuture':
    'La fecha de inicio de la interacción de {workload} es {esd}, todavía no ha llegado: el cliente aún no ha dejado de responder a tiempo. Documenta la falta de respuesta ese día o después; para mover la fecha, usa **{command}**. No se escribió nada.',

  // history
  'history.pickTitle': '¿Historial de qué carga de trabajo?',
  'history.show': 'Mostrar historial',
  'history.title': 'Historial de {workload}',
  'history.empty': 'Aún no hay cambios registrados.',
  'history.entry': '{old} → {new}',
  'history.by': '{when} · {who} ({role})',
  'history.reason': 'Motivo: {reason}',

  // upcoming
  'upcoming.title': 'Empiezan en los próximos {days} días',
  'upcoming.empty': 'Ninguna de tus cargas de trabajo empieza en los próximos {days} días.',
  'upcoming.week': 'Semana del {date}',

  // proactive: the Gateway Team's handoff of a new customer (R6)
  'handoff.title': 'Nuevo cliente del equipo de Gateway: {customer}',
  'handoff.enteredBy':
    'Introducido por el equipo de Gateway a partir de la conversación con el cliente ({name}).',
  'handoff.intro':
    'Cada fecha es la que el cliente dio en la conversación de Gateway. Si el cliente pide otra, cámbiala.',
  'handoff.reference': 'Referencia de Gateway',
  'handoff.notes': 'Notas del equipo de Gateway',
  'handoff.acknowledge': 'Confirmar recepción',
  'handoff.change': 'Cambiar una fecha',
  'handoff.acknowledgedTitle': 'Recepción confirmada',
  'handoff.acknowledged': 'Te hiciste cargo de {customer}; el equipo de Gateway puede verlo.',
  'handoff.alreadyAcknowledged': 'La recepción de este traspaso ya se confirmó ({when}).',
  'handoff.gone': 'Este traspaso ya no existe.',
  'access.notYours': 'Este no es uno de sus clientes. Pregunte a {assignee}.',
  'access.notYoursNobody': 'Este no es uno de sus clientes. Pregunte al equipo de Gateway.',
  'handoff.notYours': 'Solo el FM asignado puede confirmar este traspaso.',
  // proactive: a date moved by someone else
  'notice.changedByOther':
    '{who} ({role}) cambió la fecha de inicio de la interacción de la carga de trabajo {workload} del cliente {customer}: {old} → {new}. Motivo: {reason}',
  // proactive: reminders (R7) and the weekly digest
  'notice.changedByOtherTitle': 'Cambió una de tus fechas de inicio de la interacción',
  'reminder.title': 'Hoy es la fecha de inicio de la interacción de {workload} en {customer}',
  'reminder.titleLate':
    'La fecha de inicio de la interacción de {workload} en {customer} fue el {date}',
  'reminder.late':
    'Este recordatorio llega tarde: no había ningún esd-bot en marcha cuando venció.',
  'reminder.followUpTitle': 'Seguimiento: ¿respondió {customer} sobre {workload}?',
  'reminder.intro':
    '¿Empezaron las conversaciones iniciales? Cuéntame qué pasó. La fecha solo cambia al día en que de verdad empezó el intercambio en ambos sentidos, o a una nueva fecha que acuerde el cliente.',
  'reminder.started': 'La comunicación empezó',
  'reminder.reschedule': 'El cliente pidió otra fecha',
  'reminder.noAnswer': 'Aún sin respuesta',
  'reminder.inactive': 'Cliente inactivo',
  'reminder.doneStarted':
    'Anotado en las notas generales del estado: la comunicación empezó. No habrá más recordatorios para esta fecha.',
  'reminder.doneNoAnswer':
    'Anotado en las notas generales del estado; la fecha no cambia. Te lo recordaré de nuevo el {date}.',
  'reminder.doneInactive':
    'Anotado en las notas generales del estado; la fecha no cambia y no volveré a recordártelo.',
  'reminder.already': 'Este recordatorio ya tiene respuesta.',
  'reminder.titleEstimate': '{month} es el mes estimado para {workload} en {customer}',
  'reminder.introEstimate':
    'La fecha de inicio de la interacción es una estimación: el día 1 representa el mes, no un día acordado. ¿Empezó el intercambio en ambos sentidos? Si no, fija la fecha real cuando el cliente acuerde una.',
  'reminder.setRealDate': 'Fijar la fecha real',
  'reminder.doneStartedMoved':
    'La fecha de inicio de la interacción pasó de {old} a {new}, el día en que empezó la comunicación; el motivo está en las notas generales del estado. No habrá más recordatorios para la fecha anterior.',
  'started.title':
    '¿Cuándo empezó el intercambio en ambos sentidos sobre {workload} en {customer}?',
  'started.intro':
    'La fecha de inicio de la interacción es el día en que tú y el cliente empezaron el intercambio en ambos sentidos (una respuesta a tu correo, una llamada, la reunión de inicio), no el día en que se envió un correo o se dejó un mensaje de voz.',
  'started.whenLabel': 'Empezó',
  'started.today': 'Hoy ({date})',
  'started.todayIsEsd': 'Hoy ({date}), la fecha de inicio de la interacción',
  'started.onEsd': 'En la fecha de inicio de la interacción ({date})',
  'started.other': 'Otro día (elígelo abajo)',
  'started.dateLabel': 'El otro día',
  'started.basisLabel': '¿Qué fue? (necesario cuando la fecha cambia)',
  'started.moveHint':
    'Si ese día no es la fecha de inicio de la interacción, la fecha pasa a ese día y el motivo va con ella a las notas generales del estado.',
  'started.reasonDefault':
    'El cliente respondió y el intercambio en ambos sentidos empezó este día.',
  'started.submit': 'Registrar',
  'started.when_missing': 'Elige cuándo empezó el intercambio.',
  'started.esd_is_estimate':
    'La fecha de inicio de la interacción es solo un mes estimado: elige hoy o el día real.',
  'started.date_missing': 'Elige el día en que empezó el intercambio.',
  'started.date_invalid': 'Ese día no existe.',
  'started.date_in_future':
    'Ese día aún no llegó: un inicio es un día que ya pasó. Para una fecha planificada, usa «El cliente pidió otra fecha».',
  'started.basis_not_exchange':
    'Elige qué fue el intercambio: reunión de inicio, intercambio de correos en ambos sentidos o llamada telefónica.',
  'upcoming.documentedTitle':
    'Fecha pasada, sin respuesta registrada: documentado en las notas generales del estado ({count})',
  'upcoming.documentedHint':
    'La fecha se queda como está (FAQ: documentar, no cambiarla). Cuando el cliente responda, escribe **cambiar fecha** con la fecha acordada.',
  'upcoming.recorded.no_answer': 'aún sin respuesta, sigues intentando',
  'upcoming.recorded.inactive': 'cliente inactivo',
  'reminder.gone': 'Este recordatorio ya no aplica: la carga de trabajo o su fecha cambió.',
  'digest.title': 'Tus fechas de inicio de la interacción de esta semana',
  // reports: upcoming (overdue first), capacity, a tenant's timeline and history
  'reports.command.capacity': 'capacidad',
  'reports.command.tenant': 'cliente',
  'upcoming.overdueTitle':
    'Fecha pasada, nada registrado desde entonces: ningún recordatorio respondido, ninguna falta de respuesta documentada',
  'upcoming.overdueHint':
    'Responde al recordatorio, escribe **sin respuesta** si el cliente no respondió, o **cambiar fecha** si acordaron otra fecha.',
  'upcoming.yesterday': 'ayer',
  'upcoming.daysAgo': 'hace {days} días',
  'capacity.title': 'Inicios por FM y semana',
  'capacity.subtitle':
    'Cargas de trabajo En progreso con fecha de inicio de la interacción, del {from} al {to}',
  'capacity.filter': 'Solo se muestra: {filter}',
  'capacity.fm': 'FM asignado',
  'capacity.week': 'S{week}',
  'capacity.allFms': 'Todos los FM',
  'capacity.starts': 'inicios: {count}',
  'capacity.busiest': 'Más cargadas: {weeks}',
  'capacity.busiestWeek': 'semana del {date} (inicios: {count})',
  'capacity.legend':
    'Cada celda cuenta las cargas de trabajo que empiezan esa semana, estimaciones incluidas. Las barras son relativas a la celda más cargada; las semanas más cargadas están resaltadas.',
  'capacity.empty': 'Ningún FM tiene una carga de trabajo En progreso que coincida.',
  'capacity.more':
    'Hay {count} FM más que no se muestran: añade parte de un nombre al comando para verlos, por ejemplo **capacidad megan**.',
  'capacity.notAllowed':
    'El informe de capacidad es para el equipo de Gateway y los gerentes. Si lo necesitas, pide a un administrador uno de esos roles.',
  'tenant.title': 'Cronología de {customer}',
  'tenant.subtitle': '{tenant} · cargas de trabajo: {count}',
  'tenant.span': 'Del primer inicio al último: {span}',
  'tenant.gap':
    '↓ {span} desde este inicio hasta {workload} ({date}), de inicio a inicio: sin fecha objetivo',
  'tenant.gapApprox':
    '↓ unos {span} desde este inicio hasta {workload} ({date}, una estimación), de inicio a inicio: sin fecha objetivo',
  'tenant.sameDay': '↓ {workload} empieza el mismo día',
  'tenant.notActive':
    'No está En progreso: su fecha se guarda como historial y no cuenta en los intervalos.',
  'tenant.undated':
    'En progreso, sin fecha de inicio de la interacción: interacciones ya en curso (normal: no hay que completar el pasado)',
  'tenant.noWorkloads': 'No hay ninguna carga de trabajo registrada para este cliente.',
  'tenant.historyHint': 'Para ver cada cambio de estas fechas, escribe **historial {name}**.',
  'violation.status_ineligible_split':
    'La carga de trabajo {workload} no tiene licencias En progreso; sus derechos están divididos: {split}. Solo una carga de trabajo con licencias En progreso tiene fecha de inicio de la interacción.',
  'entitlements.line': '{status}: {seats} licencias',
  'entitlements.split': 'Derechos divididos: {lines}',
  'entitlements.targetDate': 'Fecha objetivo {date}',
  'tenant.gapFromTarget':
    '↓ {span} desde su fecha objetivo ({target}) hasta el inicio de {workload} ({date})',
  'tenant.gapFromTargetApprox':
    '↓ unos {span} desde su fecha objetivo ({target}) hasta el inicio de {workload} ({date}, una estimación)',
  'tenant.overlap':
    '↓ {workload} empieza ({date}) {span} antes de esta fecha objetivo ({target}): se solapan',
  'tenant.undatedIneligible':
    'No está En progreso: la fecha de inicio de la interacción no se aplica',
  'tenant.needName':
    'Escribe parte del nombre del cliente después del comando, por ejemplo **cliente contoso**.',
  'tenant.noMatch': 'Ningún cliente coincide con «{text}».',
  'tenant.many': 'Varios clientes coinciden con «{text}»: {names}. Escribe más del nombre.',
  'tenant.notAllowed':
    'Puedes ver un cliente cuando una de sus cargas de trabajo está asignada a ti, o con el rol de equipo de Gateway, gerente, arquitecto de FastTrack (FTA), ingeniero de FastTrack (FE) o equipo de nueva interacción.',
  'tenantHistory.title': 'Cambios de fechas de inicio de la interacción de {customer}',
  'tenantHistory.empty':
    'Ninguna fecha de inicio de la interacción de este cliente ha cambiado todavía.',
  'reports.days': '{count} días',
  'reports.oneDay': '1 día',
  'tenantHistory.more': 'Solo se muestran los {shown} cambios más recientes de {total}.',
  'shared.readOnly':
    'Solo lectura. El FM asignado y las personas autorizadas a cambiar estas fechas ven el formulario aquí; para ver las fechas más recientes, elija Actualizar en el menú de la tarjeta.',
  'shared.expired': 'Esta tarjeta está desactualizada. Escriba **{command}** para abrir una nueva.',
  'search.lastChange': 'Último cambio: {old} → {new}, {when}, por {who}. Motivo: {reason}',
  'search.open': 'Cambiar la fecha',
  'welcome.personal':
    '¡Hola! Soy esd-bot. Mantengo correcta la fecha de inicio de la interacción de cada carga de trabajo: la nueva fecha y su motivo se registran en un solo paso, en las Notas generales del estado, y cada cambio queda en el historial. Escriba **{engagements}** para ver sus clientes y sus fechas, o **{help}** para ver todo lo que hago.',
  'welcome.shared':
    '¡Hola! Soy esd-bot. Mantengo correcta la fecha de inicio de la interacción de cada carga de trabajo. Aquí, @menciónenme antes de un comando: por ejemplo **@{bot} {help}** o **@{bot} {change} contoso**. Las tarjetas de cambio muestran el formulario solo a quienes pueden cambiar esas fechas; los demás ven las fechas.',
};
