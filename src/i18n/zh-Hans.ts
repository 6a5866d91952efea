import type { Messages } from './en.js';

/**
 * Simplified Chinese. Domain terms follow Microsoft's Simplified Chinese playbook (docs/domain.md,
 * "Words in the playbook's German, Japanese and Chinese"): “接洽开始日期” (never shortened to “开始日期” or
 * “启动日期”: the playbook's “启动日期” is the kickoff date), “工作负载”, “总体状态笔记”, “启动会议”,
 * “Gateway 团队”, the L1 statuses “进行中”“未知”“受阻”“无意图”. Quotes are “…”. FM stays FM.
 */
export const zhHans: Messages = {
  // Common words
  'esd.name': '接洽开始日期',
  'esd.notSet': '未设置',
  'esd.estimate': '{month}（估计）',
  'notes.name': '总体状态笔记',
  'common.customer': '客户',
  'common.tenant': '租户',
  'common.workload': '工作负载',
  'common.status': 'L1 状态',
  'common.esd': '接洽开始日期',
  'common.basis': '依据',
  'common.assignedTo': '分配给',

  'status.in_progress': '进行中',
  'status.status_unknown': '未知',
  'status.blocked': '受阻',
  'status.no_intent': '无意图',
  'status.duplicate_invalid': '重复/无效',

  'basis.kickoff_meeting': '启动会议',
  'basis.two_way_email': '与客户的双向电子邮件往来',
  'basis.phone_call': '与客户的电话沟通',
  'basis.planned': '计划开始（已与客户商定）',
  'basis.estimated': '估计开始',

  'role.fm': '分配的 FM',
  'role.gateway': 'Gateway 团队',
  'role.manager': '经理',
  'role.fta': 'FastTrack 架构师 (FTA)',
  'role.fe': 'FastTrack 工程师 (FE)',
  'role.re_engagement': '再接洽团队',
  'role.frp': 'FastTrack 就绪性合作伙伴',
  // Who may change a date, as a refusal lists them (domain/overwrite-policy.ts).
  'who.fm': '分配的 FM',
  'who.frp': '所分配的合作伙伴',
  'who.gateway': 'Gateway 团队',
  'who.manager': '经理',
  'who.fta': 'FastTrack 架构师 (FTA)',
  'who.fe': 'FastTrack 工程师 (FE)',
  'who.re_engagement': '再接洽团队',

  // help
  'help.title': 'esd-bot 帮你保持接洽开始日期准确',
  'help.intro':
    '我会为你的客户的每个工作负载记录客户开始与你进行入门讨论的日期，并在同一步骤中将每次更改的原因写入总体状态笔记。',
  'help.commands': '你可以输入的命令',
  'help.cmd.help': '**帮助**：显示此消息',
  'help.cmd.engagements': '**我的接洽**：你的客户和工作负载及其接洽开始日期',
  'help.cmd.change': '**更改日期**（可在后面加客户名称）：更改接洽开始日期并填写原因',
  'help.cmd.noResponse': '**无回应**：客户尚未答复；记录一条笔记，日期保持不变',
  'help.cmd.history': '**历史记录**：某个工作负载的接洽开始日期的更改记录',
  'help.cmd.upcoming': '**即将开始**：未来 30 天内的接洽开始日期',
  'help.cmd.tenant':
    '**租户** _客户名称_：在时间线上查看一个客户的工作负载，以及各次开始之间的间隔',
  'help.cmd.capacity': '**容量**：供 Gateway 团队和经理查看每位 FM 每周的开始数',
  'help.what': '这个日期指什么',
  'help.isR4':
    '你与客户开始就该工作负载的 FastTrack 流程进行专门沟通的日期。它可能早于启动会议，也可能是同一天。',
  'help.isNotR5':
    '不是发送第一封电子邮件或留下语音邮件的日期：关键是双向交流（客户提问、你作答，安排启动会议的电话，或启动会议本身）。',
  'help.rules':
    '只有进行中的工作负载才有接洽开始日期。无需为过去的接洽补填。如果你只知道月份，我会将该月第一天存为估计日期。',

  // Commands that need something first
  'general.notUnderstood': '我没有理解。输入 **帮助** 查看我能做什么。',
  'general.tryAgain': '我这边出了问题，没有保存任何内容。请稍等一分钟后重试。',
  'general.tooLong': '这条消息太长了（最多 {max} 个字符）。',
  'general.noWorkloads':
    '没有分配给你的工作负载。如果你在 Gateway 团队工作或管理 FM，请让管理员为你授予相应角色。',
  'general.tenantNotServed': '此应用不为你的组织提供服务。',
  'general.workloadGone': '该工作负载已不存在。',
  'command.help': '帮助',
  'command.engagements': '我的接洽',
  'command.change': '更改日期',
  'command.noResponse': '无回应',
  'command.history': '历史记录',
  'command.upcoming': '即将开始',
  'general.cardExpired': '此卡片已过期。输入 **{command}** 重新开始。',

  // my engagements
  'engagements.title': '你的接洽',
  'engagements.subtitle': '最早开始的在前 · 工作负载数：{count}',
  'engagements.noEsd': '未设置',
  'engagements.change': '更改日期',

  // tenant picker
  'pickTenant.title': '哪个客户？',
  'pickTenant.label': '客户',
  'pickTenant.placeholder': '选择客户',
  'pickTenant.next': '下一步',
  'pickTenant.noMatch': '你的客户中没有与“{text}”匹配的。',
  'pickTenant.retry': '请在卡片中选择客户，或输入其名称的一部分。',
  'pickTenant.needName': '请在命令后输入客户名称，例如 **更改日期 contoso**。',

  // change card
  'change.title': '更改接洽开始日期',
  'change.subtitle': '{customer} · {tenant}',
  'change.workloadLabel': '工作负载',
  'change.workloadPlaceholder': '选择工作负载',
  'change.workloadChoice': '{workload} · {status} · {esd}',
  'change.dateLabel': '新日期',
  'change.monthLabel': '如果只知道月份',
  'change.monthPlaceholder': '选择月份',
  'change.monthHint': '保存为该月 1 日，并标记为估计。',
  'change.basisLabel': '这一天发生了或将发生什么？',
  'change.basisPlaceholder': '请选择',
  'change.basisHint': '已发送但无回复的电子邮件或语音留言不算：该日期是双向交流的开始。',
  'change.reasonLabel': '原因（写入总体状态笔记）',
  'change.reasonPlaceholder': '为什么要更改日期？',
  'change.submit': '保存日期和原因',
  'change.errorSummary': '未保存任何内容。请修正下面标出的内容。',
  'change.dateAndMonth': '请选择日期或月份，不要同时选择。',
  'change.dateMissing': '请选择日期，或仅选择月份。',
  'change.workloadMissing': '请选择工作负载。',
  'change.typedDate': '我将“{text}”理解为 {date}。请检查卡片，填写原因后保存。',
  'change.typedMonth': '我将“{text}”理解为 {month}（估计）。请检查卡片，填写原因后保存。',
  'change.noSuchDay': '“{text}”不是有效日期：该月没有这一天。请输入其他日期，或在卡片中选择。',
  'change.typedOutOfWindow':
    '我将“{text}”理解为 {date}，超出允许的范围：请选择 {earliest} 至 {latest} 之间的日期。卡片未更改。',
  'change.typeHint': '请填写上面的卡片，或输入日期（例如“1月15日”或“下周一”）。',
  'change.conflict':
    '卡片打开期间此工作负载已被更改：其日期现在为 {esd}。未写入任何内容。请查看后重新保存。',

  // rejections (rules module codes)
  'violation.not_permitted':
    '{customer} 的 {workload} 已分配给 {assignee}：只有{who}可以更改其日期。',
  'violation.not_permitted_unassigned':
    '{customer} 的 {workload} 尚未分配 FM：只有{who}可以设置其日期。',
  'violation.status_ineligible':
    '{workload} 的状态为{status}。只有进行中的工作负载才有接洽开始日期；它不适用于未知、受阻、无意图或重复/无效的工作负载。',
  'violation.esd_required':
    '{workload} 是新客户的进行中工作负载：接洽开始日期（客户在 Gateway 对话中给出的日期）由 Gateway 团队提供。只有过去或正在进行的接洽可以没有该日期。',
  'violation.date_invalid': '这不是有效的日期。',
  'violation.month_invalid': '这不是有效的月份。',
  'violation.date_out_of_window': '请选择 {earliest} 至 {latest} 之间的日期。',
  'violation.estimate_month_past':
    '估计日期用于即将到来的开始：请选择 {currentMonth} 或之后的月份。',
  'violation.basis_invalid': '请选择这一天发生了或将发生什么。',
  'violation.basis_not_estimate':
    '只有月份时，日期为估计：请选择“计划开始”或“估计开始”，而不是“{basis}”。',
  'violation.unchanged': '日期已经是 {current}，无需更改。',
  'violation.reason_missing':
    '请用文字写明原因（仅有标点或表情符号说明不了什么）：它会写入总体状态笔记。',
  'violation.reason_too_long': '原因最多 {max} 个字符。',

  // confirmation
  'done.title': '已保存接洽开始日期',
  'done.oldDate': '原日期',
  'done.newDate': '新日期',
  'done.note': '已记录到总体状态笔记',

  // no response (R7)
  'noResponse.title': '客户尚未答复',
  'noResponse.intro':
    '将在总体状态笔记中记录一条笔记，接洽开始日期保持不变（客户答复并商定新日期后，再更改日期）。',
  'noResponse.kindLabel': '发生了什么？',
  'noResponse.kind.no_answer': '尚无答复：我会继续联系',
  'noResponse.kind.inactive': '客户不活跃或从未答复',
  'noResponse.detailLabel': '详细信息（可选）',
  'noResponse.detailPlaceholder': '已尝试的联系、下次尝试…',
  'noResponse.submit': '记录笔记',
  'noResponse.kindMissing': '请选择发生了什么。',
  'noResponse.doneTitle': '已记录；日期不变',
  'noResponse.done': '已记录到总体状态笔记。接洽开始日期仍为 {esd}。',
  'noResponse.statusIneligible':
    '{workload} 的状态为{status}。只有“进行中”且有接洽开始日期的工作负载才能记录客户未回复。未写入任何内容。',
  'noResponse.esdInFuture':
    '{workload} 的接洽开始日期是 {esd}，尚未到来：客户还没有错过它。请在当天或之后记录未回复；如需更改日期，请使用 **{command}**。未写入任何内容。',

  // history
  'history.pickTitle': '查看哪个工作负载的历史记录？',
  'history.show': '显示历史记录',
  'history.title': '{workload} 的历史记录',
  'history.empty': '尚未记录任何更改。',
  'history.entry': '{old} → {new}',
  'history.by': '{when} · {who} ({role})',
  'history.reason': '原因：{reason}',

  // upcoming
  'upcoming.title': '未来 {days} 天内开始',
  'upcoming.empty': '你的工作负载在未来 {days} 天内都不会开始。',
  'upcoming.week': '{date} 这一周',

  // proactive: the Gateway Team's handoff of a new customer (R6)
  'handoff.title': '来自 Gateway 团队的新客户：{customer}',
  'handoff.enteredBy': '由 Gateway 团队根据与客户的对话录入（{name}）。',
  'handoff.intro': '每个日期都是客户在 Gateway 对话中给出的日期。如果客户要求其他日期，请更改。',
  'handoff.reference': 'Gateway 参考编号',
  'handoff.notes': 'Gateway 团队的笔记',
  'handoff.acknowledge': '确认接收',
  'handoff.change': '更改日期',
  'handoff.acknowledgedTitle': '已确认交接',
  'handoff.acknowledged': '你已接手 {customer}；Gateway 团队可以看到这一点。',
  'handoff.alreadyAcknowledged': '此交接已被确认（{when}）。',
  'handoff.gone': '此交接已不存在。',
  'access.notYours': '这不是你负责的客户。请联系 {assignee}。',
  'access.notYoursNobody': '这不是你负责的客户。请联系 Gateway 团队。',
  'handoff.notYours': '只有分配的 FM 才能确认此交接。',
  // proactive: a date moved by someone else
  'notice.changedByOther':
    '{who} ({role}) 更改了 {customer} 的 {workload} 的接洽开始日期：{old} → {new}。原因：{reason}',
  // proactive: reminders (R7) and the weekly digest
  'notice.changedByOtherTitle': '你的一个接洽开始日期已更改',
  'reminder.title': '今天是 {customer} 的 {workload} 的接洽开始日期',
  'reminder.titleLate': '{customer} 的 {workload} 的接洽开始日期是 {date}',
  'reminder.late': '此提醒已延迟：到期时没有正在运行的 esd-bot。',
  'reminder.followUpTitle': '跟进：{customer} 是否已就 {workload} 答复？',
  'reminder.intro':
    '入门讨论开始了吗？请告诉我发生了什么。日期只会改为双向交流真正开始的那一天，或客户同意的新日期。',
  'reminder.started': '沟通已开始',
  'reminder.reschedule': '客户要求其他日期',
  'reminder.noAnswer': '尚无答复',
  'reminder.inactive': '客户不活跃',
  'reminder.doneStarted': '已记录到总体状态笔记：沟通已开始。此日期不再提醒。',
  'reminder.doneNoAnswer': '已记录到总体状态笔记；日期不变。我会在 {date} 再次提醒你。',
  'reminder.doneInactive': '已记录到总体状态笔记；日期不变，我不会再就此提醒你。',
  'reminder.already': '此提醒已答复。',
  'reminder.titleEstimate': '{month} 是 {customer} 的 {workload} 的估计月份',
  'reminder.introEstimate':
    '此接洽开始日期是估计值：1 日只代表该月，并不是商定的日期。双向交流开始了吗？如果没有，请在客户商定日期后设置实际日期。',
  'reminder.setRealDate': '设置实际日期',
  'reminder.doneStartedMoved':
    '接洽开始日期已从 {old} 改为沟通开始的那一天 {new}；原因已写入总体状态笔记。旧日期不再提醒。',
  'started.title': '关于 {customer} 的 {workload}，双向交流是哪天开始的？',
  'started.intro':
    '接洽开始日期是你与客户开始双向交流的那一天（客户回复了你的电子邮件、一次电话、启动会议），而不是发送电子邮件或留下语音留言的那一天。',
  'started.whenLabel': '开始于',
  'started.today': '今天（{date}）',
  'started.todayIsEsd': '今天（{date}），即接洽开始日期',
  'started.onEsd': '接洽开始日期当天（{date}）',
  'started.other': '另一天（在下方选择）',
  'started.dateLabel': '另一天',
  'started.basisLabel': '是什么交流？（日期更改时必填）',
  'started.moveHint':
    '如果那一天不是接洽开始日期，日期将改为那一天，原因也会一并写入总体状态笔记。',
  'started.reasonDefault': '客户已答复，双向交流于这一天开始。',
  'started.submit': '记录',
  'started.when_missing': '请选择交流开始的时间。',
  'started.esd_is_estimate': '此接洽开始日期只是估计的月份：请选择今天或实际的那一天。',
  'started.date_missing': '请选择交流开始的那一天。',
  'started.date_invalid': '该日期不存在。',
  'started.date_in_future':
    '那一天还没到：开始必须是已经发生的日子。计划的日期请使用“客户要求其他日期”。',
  'started.basis_not_exchange': '请选择交流的方式：启动会议、双向电子邮件往来或电话沟通。',
  'upcoming.documentedTitle': '日期已过，已记录客户未答复：见总体状态笔记（{count}）',
  'upcoming.documentedHint':
    '日期保持不变（FAQ：记录，不要更改日期）。客户答复后，请输入 **更改日期** 并填写商定的日期。',
  'upcoming.recorded.no_answer': '尚无答复，仍在尝试',
  'upcoming.recorded.inactive': '客户不活跃',
  'reminder.gone': '此提醒已不再适用：工作负载或其日期已更改。',
  'digest.title': '你本周的接洽开始日期',
  // reports: upcoming (overdue first), capacity, a tenant's timeline and history
  'reports.command.capacity': '容量',
  'reports.command.tenant': '租户',
  'upcoming.overdueTitle': '日期已过，此后没有任何记录：没有回复提醒，也没有记录客户未答复',
  'upcoming.overdueHint':
    '请答复提醒；如果客户未答复，输入 **无回应**；如果已商定其他日期，输入 **更改日期**。',
  'upcoming.yesterday': '昨天',
  'upcoming.daysAgo': '{days} 天前',
  'capacity.title': '每位 FM 每周的开始数',
  'capacity.subtitle': '有接洽开始日期的进行中工作负载，{from} 至 {to}',
  'capacity.filter': '仅显示：{filter}',
  'capacity.fm': '分配的 FM',
  'capacity.week': '第{week}周',
  'capacity.allFms': '所有 FM',
  'capacity.starts': '开始数：{count}',
  'capacity.busiest': '最繁忙：{weeks}',
  'capacity.busiestWeek': '{date} 这一周（开始数：{count}）',
  'capacity.legend':
    '每个单元格统计该周开始的工作负载数（包括估计日期）。条形长度相对于最繁忙的单元格；最繁忙的几周会突出显示。',
  'capacity.empty': '没有 FM 拥有匹配的进行中工作负载。',
  'capacity.more':
    '另有 {count} 位 FM 未显示：在命令后加上名称的一部分即可查看，例如 **容量 megan**。',
  'capacity.notAllowed':
    '容量报告供 Gateway 团队和经理使用。如有需要，请让管理员为你授予其中一个角色。',
  'tenant.title': '{customer} 的时间线',
  'tenant.subtitle': '{tenant} · 工作负载数：{count}',
  'tenant.span': '从第一次开始到最后一次开始：{span}',
  'tenant.gap': '↓ 从此开始 {span} 后为 {workload}（{date}），从开始到开始：目标日期未知',
  'tenant.gapApprox':
    '↓ 从此开始约 {span} 后为 {workload}（{date}，估计），从开始到开始：目标日期未知',
  'tenant.sameDay': '↓ {workload} 在同一天开始',
  'tenant.notActive': '非进行中：其日期作为历史保留，不计入间隔。',
  'tenant.undated': '进行中，无接洽开始日期：已在进行的接洽（正常情况：无需补填）',
  'tenant.noWorkloads': '此客户没有记录任何工作负载。',
  'tenant.historyHint': '要查看这些日期的每次更改，请输入 **历史记录 {name}**。',
  'violation.status_ineligible_split':
    '{workload} 没有进行中的许可证；其权利已拆分：{split}。只有具有进行中许可证的工作负载才有接洽开始日期。',
  'entitlements.line': '{status}：{seats} 个许可证',
  'entitlements.split': '权利已拆分：{lines}',
  'entitlements.targetDate': '目标日期 {date}',
  'tenant.gapFromTarget': '↓ 从其目标日期（{target}）起 {span} 后 {workload} 开始（{date}）',
  'tenant.gapFromTargetApprox':
    '↓ 从其目标日期（{target}）起约 {span} 后 {workload} 开始（{date}，估计）',
  'tenant.overlap': '↓ {workload} 在此目标日期（{target}）之前 {span} 开始（{date}）：二者重叠',
  'tenant.undatedIneligible': '非进行中：接洽开始日期不适用',
  'tenant.needName': '请在命令后输入客户名称的一部分，例如 **租户 contoso**。',
  'tenant.noMatch': '没有与“{text}”匹配的客户。',
  'tenant.many': '有多个客户与“{text}”匹配：{names}。请输入更多名称。',
  'tenant.notAllowed':
    '当某个客户的工作负载分配给你，或你拥有 Gateway、经理、FTA、FE 或再接洽角色时，才能查看该客户。',
  'tenantHistory.title': '{customer} 的接洽开始日期更改',
  'tenantHistory.empty': '此客户的接洽开始日期尚未更改过。',
  'reports.days': '{count} 天',
  'reports.oneDay': '1 天',
  'tenantHistory.more': '共 {total} 次更改，仅显示最近 {shown} 次。',
  'shared.readOnly':
    '只读。分配的 FM 和有权更改这些日期的人员会在此处看到表单；要查看最新日期，请在卡片菜单中选择“刷新”。',
  'shared.expired': '此卡片已过期。输入 **{command}** 打开新卡片。',
  'search.lastChange': '最近一次更改：{old} → {new}，{when}，由 {who}。原因：{reason}',
  'search.open': '更改日期',
  'welcome.personal':
    '你好！我是 esd-bot。我帮助保持每个工作负载的接洽开始日期准确：新日期及其原因一步写入总体状态笔记，每次更改都保留历史记录。输入 **{engagements}** 查看你的客户及其日期，或输入 **{help}** 查看我能做的一切。',
  'welcome.shared':
    '你好！我是 esd-bot。我帮助保持每个工作负载的接洽开始日期准确。在这里，请在命令前 @提及我：例如 **@{bot} {help}** 或 **@{bot} {change} contoso**。更改卡片只向有权更改这些日期的人显示表单；其他人看到的是日期。',
};
