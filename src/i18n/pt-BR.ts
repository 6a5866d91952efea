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
  'change.monthPlaceholder': 'Só o mês (salvo como dia 1º, marcado como estimativa)',
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
  'change.typeHint':
    'Preencha o cartão acima ou digite uma data (por exemplo “15 de janeiro” ou “próxima segunda”).',
  'change.conflict':
    'Este workload mudou enquanto o cartão estava aberto: a data agora é {esd}. Nada foi gravado. Revise e salve de novo.',

  // rejections (rules module codes)
  'violation.not_permitted':
    'O workload {workload} do cliente {customer} está atribuído a {assignee}: só essa pessoa, a Equipe de Gateway ou um gestor podem alterar a data dele.',
  'violation.not_permitted_unassigned':
    'O workload {workload} do cliente {customer} ainda não tem FM: só a Equipe de Gateway ou um gestor podem definir a data dele.',
  'violation.status_ineligible':
    'O workload {workload} está com status {status}. Só workloads Em Andamento têm Data de Início do Envolvimento; ela não se aplica a Status Desconhecido, Bloqueado, Sem Intenção ou Duplicado/Inválido.',
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
  'access.notYoursNobody': 'Este não é um dos seus clientes. Fale com o Gateway Team.',
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
    'As discussões iniciais começaram? Conte o que aconteceu. A data só muda se o cliente combinar uma nova.',
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
  'reminder.gone': 'Este lembrete não vale mais: o workload ou a data mudou.',
  'digest.title': 'Suas Datas de Início do Envolvimento nesta semana',
  // reports: upcoming (overdue first), capacity, a tenant's timeline and history
  'reports.command.capacity': 'capacidade',
  'reports.command.tenant': 'cliente',
  'upcoming.overdueTitle': 'Atrasadas: a data passou e a comunicação não começou',
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
  'tenant.gap': '↓ {span} até {workload} ({date})',
  'tenant.gapApprox': '↓ cerca de {span} até {workload} ({date}, uma estimativa)',
  'tenant.sameDay': '↓ {workload} começa no mesmo dia',
  'tenant.notActive':
    'Não está Em Andamento: a data fica como histórico e não entra nos intervalos.',
  'tenant.undated':
    'Ainda sem Data de Início do Envolvimento (normal: não é preciso preencher o passado)',
  'tenant.noWorkloads': 'Nenhum workload registrado para este cliente.',
  'tenant.historyHint': 'Para ver cada alteração destas datas, digite **histórico {name}**.',
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
