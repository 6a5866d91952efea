import type { Messages } from './en.js';

/**
 * Brazilian Portuguese. Domain terms follow seed 000 (docs/domain.md, "Words in the seeds'
 * languages"): "workload" and "tenant" stay as the seed writes them, FM stays FM. The user is
 * "você"; quotes are “…”. Command words are the Portuguese commands the bot understands.
 */
export const ptBR: Messages = {
  // Common words
  'esd.name': 'Data de Início do Envolvimento',
  'esd.notSet': 'não definida',
  'esd.estimate': '{month} (estimativa)',
  'notes.name': 'Observações Gerais de Status',
  'common.customer': 'Cliente',
  'common.tenant': 'Tenant',
  'common.workload': 'Workload',
  'common.status': 'Status L1',
  'common.esd': 'Data de Início do Envolvimento',
  'common.basis': 'Base',
  'common.assignedTo': 'Atribuído a',

  'status.in_progress': 'Em Andamento',
  'status.status_unknown': 'Status Desconhecido',
  'status.blocked': 'Bloqueado',
  'status.no_intent': 'Sem Intenção',
  'status.duplicate_invalid': 'Duplicado/Inválido',

  'basis.kickoff_meeting': 'Reunião de abertura',
  'basis.two_way_email': 'Troca de emails com o cliente (nos dois sentidos)',
  'basis.phone_call': 'Ligação com o cliente',
  'basis.planned': 'Início planejado (combinado com o cliente)',
  'basis.estimated': 'Início estimado',

  'role.fm': 'FM atribuído',
  'role.gateway': 'Equipe de Gateway',
  'role.manager': 'gestor',
  'role.fta': 'Arquiteto FastTrack (FTA)',
  'role.fe': 'Engenheiro FastTrack (FE)',
  'role.re_engagement': 'Equipe de Reenvolvimento',
  'role.frp': 'parceiro FRP',
  // Who may change a date, as a refusal lists them (domain/overwrite-policy.ts).
  'who.fm': 'o FM atribuído',
  'who.frp': 'o parceiro ao qual está atribuído',
  'who.gateway': 'a Equipe de Gateway',
  'who.manager': 'um gestor',
  'who.fta': 'um Arquiteto FastTrack (FTA)',
  'who.fe': 'um Engenheiro FastTrack (FE)',
  'who.re_engagement': 'a Equipe de Reenvolvimento',

  // help
  'help.title': 'O esd-bot mantém corretas as suas Datas de Início do Envolvimento',
  'help.intro':
    'Para cada workload dos seus clientes, registro a data em que o cliente começa com você as discussões iniciais do processo do FastTrack e, no mesmo passo, escrevo o motivo de cada alteração nas Observações Gerais de Status.',
  'help.commands': 'O que você pode digitar',
  'help.cmd.help': '**ajuda**: esta mensagem',
  'help.cmd.engagements':
    '**meus envolvimentos**: seus clientes e workloads, com as Datas de Início do Envolvimento',
  'help.cmd.change':
    '**alterar data** (se quiser, com o nome de um cliente): altera uma Data de Início do Envolvimento, com o motivo',
  'help.cmd.noResponse':
    '**sem resposta**: o cliente não respondeu; uma observação é registrada e a data não muda',
  'help.cmd.history':
    '**histórico**: as alterações da Data de Início do Envolvimento de um workload',
  'help.cmd.upcoming': '**próximas**: suas Datas de Início do Envolvimento nos próximos 30 dias',
  'help.cmd.tenant':
    '**cliente** _nome do cliente_: os workloads de um cliente numa linha do tempo, com os intervalos entre os inícios',
  'help.cmd.capacity':
    '**capacidade**: para a Equipe de Gateway e gestores, os inícios de cada FM por semana',
  'help.what': 'O que é a data',
  'help.isR4':
    'O dia em que você e o cliente começam a comunicação específica do processo do FastTrack para aquele workload. Pode ser antes da reunião de abertura ou no mesmo dia.',
  'help.isNotR5':
    'Não é o dia em que o primeiro email foi enviado ou uma mensagem de voz foi deixada: o que conta é uma troca nos dois sentidos (o cliente pergunta e você responde, uma ligação para agendar a reunião de abertura, a própria reunião de abertura).',
  'help.rules':
    'Só workloads Em Andamento têm essa data. Ninguém precisa preenchê-la para envolvimentos antigos. Se você só souber o mês, guardo o primeiro dia dele como estimativa.',

  // Commands that need something first
  'general.notUnderstood': 'Não entendi. Digite **ajuda** para ver o que posso fazer.',
  'general.tryAgain':
    'Algo deu errado do meu lado e nada foi salvo. Tente de novo daqui a um minuto.',
  'general.tooLong': 'Essa mensagem é longa demais para mim (no máximo {max} caracteres).',
  'general.noWorkloads':
    'Nenhum workload está atribuído a você. Se você trabalha na Equipe de Gateway ou gerencia FMs, peça a um administrador que conceda essa função a você.',
  'general.tenantNotServed': 'Este aplicativo não atende à sua organização.',
  'general.workloadGone': 'Esse workload não existe mais.',
  'command.help': 'ajuda',
  'command.engagements': 'meus envolvimentos',
  'command.change': 'alterar data',
  'command.noResponse': 'sem resposta',
  'command.history': 'histórico',
  'command.upcoming': 'próximas',
  'general.cardExpired':
    'Este cartão está desatualizado. Digite **{command}** para começar de novo.',

  // my engagements
  'engagements.title': 'Seus envolvimentos',
  'engagements.subtitle': 'Início mais próximo primeiro · workloads: {count}',
  'engagements.noEsd': 'não definida',
  'engagements.change': 'Alterar uma data',

  // tenant picker
  'pickTenant.title': 'Qual cliente?',
  'pickTenant.label': 'Cliente',
  'pickTenant.placeholder': 'Escolha um cliente',
  'pickTenant.next': 'Avançar',
  'pickTenant.noMatch': 'Nenhum cliente seu corresponde a “{text}”.',
  'pickTenant.retry': 'Escolha um cliente no cartão ou digite parte do nome dele.',
  'pickTenant.needName':
    'Digite o nome do cliente depois do comando, por exemplo **alterar data contoso**.',

  // change card
  'change.title': 'Alterar uma Data de Início do Envolvimento',
  'change.subtitle': '{customer} · {tenant}',
  'change.workloadLabel': 'Workload',
  'change.workloadPlaceholder': 'Escolha um workload',
  'change.workloadChoice': '{workload} · {status} · {esd}',
  'change.dateLabel': 'Nova data',
  'change.monthLabel': 'Ou, se você só souber o mês',
  'change.monthPlaceholder': 'Escolha o mês',
  'change.monthHint': 'Salvo como dia 1º desse mês e marcado como estimativa.',
  'change.basisLabel': 'O que aconteceu, ou vai acontecer, nessa data?',
  'change.basisPlaceholder': 'Escolha uma opção',
  'change.basisHint':
    'Um email enviado ou uma mensagem de voz deixada sem resposta não conta: a data é o início de uma troca nos dois sentidos.',
  'change.reasonLabel': 'Motivo (escrito nas Observações Gerais de Status)',
  'change.reasonPlaceholder': 'Por que a data está mudando?',
  'change.submit': 'Salvar data e motivo',
  'change.errorSummary': 'Nada foi salvo. Corrija o que está marcado abaixo.',
  'change.dateAndMonth': 'Escolha uma data ou um mês, não os dois.',
  'change.dateMissing': 'Escolha uma data ou só o mês.',
  'change.workloadMissing': 'Escolha um workload.',
  'change.typedDate': 'Entendi “{text}” como {date}. Confira o cartão, escreva o motivo e salve.',
  'change.typedMonth':
    'Entendi “{text}” como {month} (uma estimativa). Confira o cartão, escreva o motivo e salve.',
  'change.noSuchDay':
    '“{text}” não é uma data: esse mês não tem esse dia. Digite outra data ou escolha uma no cartão.',
  'change.typedOutOfWindow':
    'Entendi “{text}” como {date}, fora do intervalo permitido: escolha uma data entre {earliest} e {latest}. O cartão não foi alterado.',
  'change.typeHint':
    'Preencha o cartão acima ou digite uma data (por exemplo “15 de janeiro” ou “próxima segunda”).',
  'change.conflict':
    'Este workload mudou enquanto o cartão estava aberto: a data agora é {esd}. Nada foi gravado. Revise e salve de novo.',

  // rejections (rules module codes)
  'violation.not_permitted':
    'O workload {workload} do cliente {customer} está atribuído a {assignee}: só {who} pode alterar a data dele.',
  'violation.not_permitted_unassigned':
    'O workload {workload} do cliente {customer} ainda não tem FM: só {who} pode definir a data dele.',
  'violation.status_ineligible':
    'O workload {workload} está com status {status}. Só workloads Em Andamento têm Data de Início do Envolvimento; ela não se aplica a Status Desconhecido, Bloqueado, Sem Intenção ou Duplicado/Inválido.',
  'violation.esd_required':
    'O workload {workload} está Em Andamento para um novo cliente: a Equipe de Gateway informa a Data de Início do Envolvimento, a data que o cliente deu na conversa de Gateway. Só envolvimentos passados ou em curso podem ficar sem ela.',
  'violation.date_invalid': 'Essa data não é válida.',
  'violation.month_invalid': 'Esse mês não é válido.',
  'violation.date_out_of_window': 'Escolha uma data entre {earliest} e {latest}.',
  'violation.estimate_month_past':
    'Uma estimativa é para um início que ainda vai acontecer: escolha {currentMonth} ou um mês posterior.',
  'violation.basis_invalid': 'Escolha o que aconteceu, ou vai acontecer, nessa data.',
  'violation.basis_not_estimate':
    'Com apenas o mês, a data é uma estimativa: escolha “Início planejado” ou “Início estimado”, não “{basis}”.',
  'violation.unchanged': 'A data já é {current}; não há nada para alterar.',
  'violation.reason_missing':
    'Escreva o motivo em palavras (só pontuação ou emoji não dizem nada): ele vai para as Observações Gerais de Status.',
  'violation.reason_too_long': 'O motivo pode ter no máximo {max} caracteres.',

  // confirmation
  'done.title': 'Data de Início do Envolvimento salva',
  'done.oldDate': 'Data anterior',
  'done.newDate': 'Nova data',
  'done.note': 'Registrado nas Observações Gerais de Status',

  // no response (R7)
  'noResponse.title': 'O cliente não respondeu',
  'noResponse.intro':
    'Registro o ocorrido nas Observações Gerais de Status e a Data de Início do Envolvimento continua como está (quando o cliente responder e vocês combinarem uma nova data, altere a data nesse momento).',
  'noResponse.kindLabel': 'O que aconteceu?',
  'noResponse.kind.no_answer': 'Ainda sem resposta: continuo tentando',
  'noResponse.kind.inactive': 'O cliente está inativo ou nunca respondeu',
  'noResponse.detailLabel': 'Detalhes (opcional)',
  'noResponse.detailPlaceholder': 'Tentativas feitas, próxima tentativa…',
  'noResponse.submit': 'Registrar observação',
  'noResponse.kindMissing': 'Escolha o que aconteceu.',
  'noResponse.doneTitle': 'Anotado; a data continua a mesma',
  'noResponse.done':
    'Registrado nas Observações Gerais de Status. A Data de Início do Envolvimento não muda: {esd}.',
  'noResponse.statusIneligible':
    'O workload {workload} está com status {status}. A falta de resposta só é registrada para workloads Em Andamento, os que têm Data de Início do Envolvimento. Nada foi gravado.',
  'noResponse.esdInFuture':
    'A Data de Início do Envolvimento de {workload} é {esd}, ainda não chegou: o cliente ainda não deixou de responder até ela. Registre a falta de resposta nesse dia ou depois; para mudar a data, use **{command}**. Nada foi gravado.',

  // history
  'history.pickTitle': 'Histórico de qual workload?',
  'history.show': 'Mostrar histórico',
  'history.title': 'Histórico de {workload}',
  'history.empty': 'Nenhuma alteração registrada ainda.',
  'history.entry': '{old} → {new}',
  'history.by': '{when} · {who} ({role})',
  'history.reason': 'Motivo: {reason}',

  // upcoming
  'upcoming.title': 'Começam nos próximos {days} dias',
  'upcoming.empty': 'Nenhum workload seu começa nos próximos {days} dias.',
  'upcoming.week': 'Semana de {date}',

  // proactive: the Gateway Team's handoff of a new customer (R6)
  'handoff.title': 'Novo cliente da Equipe de Gateway: {customer}',
  'handoff.enteredBy':
    'Inserido pela Equipe de Gateway a partir da conversa com o cliente ({name}).',
  'handoff.intro':
    'Cada data é a que o cliente informou na conversa de Gateway. Se o cliente pedir outra, altere-a.',
  'handoff.reference': 'Referência do Gateway',
  'handoff.notes': 'Observações da Equipe de Gateway',
  'handoff.acknowledge': 'Confirmar recebimento',
  'handoff.change': 'Alterar uma data',
  'handoff.acknowledgedTitle': 'Recebimento confirmado',
  'handoff.acknowledged': 'Você assumiu o cliente {customer}; a Equipe de Gateway pode ver isso.',
  'handoff.alreadyAcknowledged': 'O recebimento deste repasse já foi confirmado ({when}).',
  'handoff.gone': 'Este repasse não existe mais.',
  'access.notYours': 'Este não é um dos seus clientes. Fale com {assignee}.',
  'access.notYoursNobody': 'Este não é um dos seus clientes. Fale com a Equipe de Gateway.',
  'handoff.notYours': 'Só o FM atribuído pode confirmar este repasse.',
  // proactive: a date moved by someone else
  'notice.changedByOther':
    '{who} ({role}) alterou a Data de Início do Envolvimento do workload {workload} do cliente {customer}: {old} → {new}. Motivo: {reason}',
  // proactive: reminders (R7) and the weekly digest
  'notice.changedByOtherTitle': 'Uma das suas Datas de Início do Envolvimento mudou',
  'reminder.title': 'Hoje é a Data de Início do Envolvimento de {workload} no cliente {customer}',
  'reminder.titleLate':
    'A Data de Início do Envolvimento de {workload} no cliente {customer} foi {date}',
  'reminder.late': 'Este lembrete está atrasado: nenhum esd-bot estava rodando quando ele venceu.',
  'reminder.followUpTitle': 'Acompanhamento: {customer} respondeu sobre {workload}?',
  'reminder.intro':
    'As discussões iniciais começaram? Conte o que aconteceu. A data só muda para o dia em que a troca nos dois sentidos realmente começou, ou para uma nova data combinada com o cliente.',
  'reminder.started': 'A comunicação começou',
  'reminder.reschedule': 'O cliente pediu outra data',
  'reminder.noAnswer': 'Ainda sem resposta',
  'reminder.inactive': 'Cliente inativo',
  'reminder.doneStarted':
    'Anotado nas Observações Gerais de Status: a comunicação começou. Sem mais lembretes para esta data.',
  'reminder.doneNoAnswer':
    'Anotado nas Observações Gerais de Status; a data continua a mesma. Vou lembrar você de novo em {date}.',
  'reminder.doneInactive':
    'Anotado nas Observações Gerais de Status; a data continua a mesma e não vou lembrar você disso de novo.',
  'reminder.already': 'Este lembrete já foi respondido.',
  'reminder.titleEstimate': '{month} é o mês estimado para {workload} no cliente {customer}',
  'reminder.introEstimate':
    'A Data de Início do Envolvimento é uma estimativa: o dia 1 representa o mês, não um dia combinado. A troca nos dois sentidos já começou? Se não, defina a data real quando o cliente combinar uma.',
  'reminder.setRealDate': 'Definir a data real',
  'reminder.doneStartedMoved':
    'A Data de Início do Envolvimento passou de {old} para {new}, o dia em que a comunicação começou; o motivo está nas Observações Gerais de Status. Sem mais lembretes para a data antiga.',
  'started.title':
    'Quando começou a troca nos dois sentidos sobre {workload} no cliente {customer}?',
  'started.intro':
    'A Data de Início do Envolvimento é o dia em que você e o cliente começaram a troca nos dois sentidos (uma resposta ao seu email, uma ligação, a reunião de abertura), não o dia em que um email foi enviado ou um recado deixado.',
  'started.whenLabel': 'Começou',
  'started.today': 'Hoje ({date})',
  'started.todayIsEsd': 'Hoje ({date}), a Data de Início do Envolvimento',
  'started.onEsd': 'Na Data de Início do Envolvimento ({date})',
  'started.other': 'Em outro dia (escolha abaixo)',
  'started.dateLabel': 'O outro dia',
  'started.basisLabel': 'O que foi? (necessário quando a data muda)',
  'started.moveHint':
    'Se esse dia não for a Data de Início do Envolvimento, a data passa para ele e o motivo vai junto para as Observações Gerais de Status.',
  'started.reasonDefault': 'O cliente respondeu e a troca nos dois sentidos começou neste dia.',
  'started.submit': 'Registrar',
  'started.when_missing': 'Escolha quando a troca começou.',
  'started.esd_is_estimate':
    'A Data de Início do Envolvimento é só um mês estimado: escolha hoje ou o dia real.',
  'started.date_missing': 'Escolha o dia em que a troca começou.',
  'started.date_invalid': 'Esse dia não existe.',
  'started.date_in_future':
    'Esse dia ainda não chegou: um início é um dia que já aconteceu. Para uma data planejada, use “O cliente pediu outra data”.',
  'started.basis_not_exchange':
    'Escolha o que foi a troca: reunião de abertura, troca de emails nos dois sentidos ou ligação.',
  'upcoming.documentedTitle':
    'Data passada, sem resposta registrada: documentado nas Observações Gerais de Status ({count})',
  'upcoming.documentedHint':
    'A data fica como está (FAQ: documentar, não alterar). Quando o cliente responder, digite **alterar data** com a data combinada.',
  'upcoming.recorded.no_answer': 'ainda sem resposta, tentando',
  'upcoming.recorded.inactive': 'cliente inativo',
  'reminder.gone': 'Este lembrete não vale mais: o workload ou a data mudou.',
  'digest.title': 'Suas Datas de Início do Envolvimento nesta semana',
  // reports: upcoming (overdue first), capacity, a tenant's timeline and history
  'reports.command.capacity': 'capacidade',
  'reports.command.tenant': 'cliente',
  'upcoming.overdueTitle':
    'Data passada, nada registrado desde então: nenhum lembrete respondido, nenhuma falta de resposta documentada',
  'upcoming.overdueHint':
    'Responda ao lembrete, digite **sem resposta** se o cliente não respondeu, ou **alterar data** se outra data foi combinada.',
  'upcoming.yesterday': 'ontem',
  'upcoming.daysAgo': 'há {days} dias',
  'capacity.title': 'Inícios por FM e semana',
  'capacity.subtitle':
    'Workloads Em Andamento com Data de Início do Envolvimento, de {from} a {to}',
  'capacity.filter': 'Mostrando só: {filter}',
  'capacity.fm': 'FM atribuído',
  'capacity.week': 'S{week}',
  'capacity.allFms': 'Todos os FMs',
  'capacity.starts': 'inícios: {count}',
  'capacity.busiest': 'Mais cheias: {weeks}',
  'capacity.busiestWeek': 'semana de {date} (inícios: {count})',
  'capacity.legend':
    'Cada célula conta os workloads que começam naquela semana, estimativas incluídas. As barras são relativas à célula mais cheia; as semanas mais cheias estão destacadas.',
  'capacity.empty': 'Nenhum FM tem um workload Em Andamento que corresponda.',
  'capacity.more':
    'Mais {count} FMs não aparecem: acrescente parte de um nome ao comando para vê-los, por exemplo **capacidade megan**.',
  'capacity.notAllowed':
    'O relatório de capacidade é para a Equipe de Gateway e os gestores. Se você precisar dele, peça a um administrador um desses papéis.',
  'tenant.title': 'Linha do tempo de {customer}',
  'tenant.subtitle': '{tenant} · quantidade de workloads: {count}',
  'tenant.span': 'Do primeiro início ao último: {span}',
  'tenant.gap':
    '↓ {span} deste início até {workload} ({date}), de início a início: sem Data de Destino',
  'tenant.gapApprox':
    '↓ cerca de {span} deste início até {workload} ({date}, uma estimativa), de início a início: sem Data de Destino',
  'tenant.sameDay': '↓ {workload} começa no mesmo dia',
  'tenant.notActive':
    'Não está Em Andamento: a data fica como histórico e não entra nos intervalos.',
  'tenant.undated':
    'Em Andamento, sem Data de Início do Envolvimento: envolvimentos já em curso (normal: não é preciso preencher o passado)',
  'tenant.noWorkloads': 'Nenhum workload registrado para este cliente.',
  'tenant.historyHint': 'Para ver cada alteração destas datas, digite **histórico {name}**.',
  'violation.status_ineligible_split':
    'O workload {workload} não tem licenças Em Andamento; seus direitos estão divididos: {split}. Só um workload com licenças Em Andamento tem Data de Início do Envolvimento.',
  'entitlements.line': '{status}: {seats} licenças',
  'entitlements.split': 'Direitos divididos: {lines}',
  'entitlements.targetDate': 'Data de Destino {date}',
  'tenant.gapFromTarget':
    '↓ {span} da sua Data de Destino ({target}) até o início de {workload} ({date})',
  'tenant.gapFromTargetApprox':
    '↓ cerca de {span} da sua Data de Destino ({target}) até o início de {workload} ({date}, uma estimativa)',
  'tenant.overlap':
    '↓ {workload} começa ({date}) {span} antes desta Data de Destino ({target}): eles se sobrepõem',
  'tenant.undatedIneligible':
    'Não está Em Andamento: a Data de Início do Envolvimento não se aplica',
  'tenant.needName':
    'Digite parte do nome do cliente depois do comando, por exemplo **cliente contoso**.',
  'tenant.noMatch': 'Nenhum cliente corresponde a “{text}”.',
  'tenant.many': 'Vários clientes correspondem a “{text}”: {names}. Digite mais do nome.',
  'tenant.notAllowed':
    'Você pode ver um cliente quando um dos workloads dele está atribuído a você, ou com o papel de Equipe de Gateway, gestor, Arquiteto FastTrack (FTA), Engenheiro FastTrack (FE) ou Equipe de Reenvolvimento.',
  'tenantHistory.title': 'Alterações de Datas de Início do Envolvimento de {customer}',
  'tenantHistory.empty': 'Nenhuma Data de Início do Envolvimento deste cliente mudou ainda.',
  'reports.days': '{count} dias',
  'reports.oneDay': '1 dia',
  'tenantHistory.more': 'Só as {shown} alterações mais recentes de {total} aparecem.',
  'shared.readOnly':
    'Somente leitura. O FM atribuído e as pessoas autorizadas a alterar essas datas veem o formulário aqui; para ver as datas mais recentes, escolha Atualizar no menu do cartão.',
  'shared.expired': 'Este cartão está desatualizado. Digite **{command}** para abrir um novo.',
  'search.lastChange': 'Última alteração: {old} → {new}, {when}, por {who}. Motivo: {reason}',
  'search.open': 'Alterar a data',
  'welcome.personal':
    'Olá! Eu sou o esd-bot. Mantenho certa a Data de Início do Envolvimento de cada workload: a nova data e o motivo são registrados de uma vez, nas Observações Gerais de Status, e toda alteração fica no histórico. Digite **{engagements}** para ver seus clientes e as datas, ou **{help}** para ver tudo o que eu faço.',
  'welcome.shared':
    'Olá! Eu sou o esd-bot. Mantenho certa a Data de Início do Envolvimento de cada workload. Aqui, me @mencione antes de um comando: por exemplo **@{bot} {help}** ou **@{bot} {change} contoso**. Os cartões de alteração mostram o formulário só para quem pode alterar essas datas; os demais veem as datas.',
};
