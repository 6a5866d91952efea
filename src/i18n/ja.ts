import type { Messages } from './en.js';

/**
 * Japanese. Domain terms follow Microsoft's Japanese playbook (docs/domain.md, "Words in the
 * playbook's German, Japanese and Chinese"): 「エンゲージメント開始日」 (never shortened to 「開始日」 or
 * 「キックオフ日」, which the playbook uses for the kickoff date), 「ワークロード」,
 * 「全体的なステータス メモ」, 「キックオフ ミーティング」, 「Gateway チーム」, the L1 statuses
 * 「進行中」「ステータス不明」「ブロック」「意思なし」. Polite です/ます; quotes are 「…」. FM stays FM.
 */
export const ja: Messages = {
  // Common words
  'esd.name': 'エンゲージメント開始日',
  'esd.notSet': '未設定',
  'esd.estimate': '{month} (推定)',
  'notes.name': '全体的なステータス メモ',
  'common.customer': 'お客様',
  'common.tenant': 'テナント',
  'common.workload': 'ワークロード',
  'common.status': 'L1 ステータス',
  'common.esd': 'エンゲージメント開始日',
  'common.basis': '根拠',
  'common.assignedTo': '担当者',

  'status.in_progress': '進行中',
  'status.status_unknown': 'ステータス不明',
  'status.blocked': 'ブロック',
  'status.no_intent': '意思なし',
  'status.duplicate_invalid': '重複/無効',

  'basis.kickoff_meeting': 'キックオフ ミーティング',
  'basis.two_way_email': 'お客様とのメールのやり取り (双方向)',
  'basis.phone_call': 'お客様との電話',
  'basis.planned': '開始予定 (お客様と合意済み)',
  'basis.estimated': '開始見込み',

  'role.fm': '担当 FM',
  'role.gateway': 'Gateway チーム',
  'role.manager': 'マネージャー',
  'role.fta': 'FastTrack アーキテクト (FTA)',
  'role.fe': 'FastTrack エンジニア (FE)',
  'role.re_engagement': '再エンゲージメント チーム',
  'role.frp': 'FastTrack 対応パートナー',
  // Who may change a date, as a refusal lists them (domain/overwrite-policy.ts).
  'who.fm': '担当 FM',
  'who.frp': '担当パートナー',
  'who.gateway': 'Gateway チーム',
  'who.manager': 'マネージャー',
  'who.fta': 'FastTrack アーキテクト (FTA)',
  'who.fe': 'FastTrack エンジニア (FE)',
  'who.re_engagement': '再エンゲージメント チーム',

  // help
  'help.title': 'esd-bot はエンゲージメント開始日を正しく保ちます',
  'help.intro':
    'お客様のワークロードごとに、お客様があなたとオンボーディングの話し合いを始める日付を記録します。変更のたびに、その理由を同じ手順で全体的なステータス メモに書き込みます。',
  'help.commands': '入力できるコマンド',
  'help.cmd.help': '**ヘルプ**：このメッセージを表示します',
  'help.cmd.engagements':
    '**エンゲージメント一覧**：担当のお客様とワークロード、およびそのエンゲージメント開始日',
  'help.cmd.change':
    '**日付変更** (お客様名を続けることもできます)：エンゲージメント開始日を理由とともに変更します',
  'help.cmd.noResponse':
    '**応答なし**：お客様から返信がありません。メモを記録し、日付は変更しません',
  'help.cmd.history': '**履歴**：ワークロードのエンゲージメント開始日の変更履歴',
  'help.cmd.upcoming': '**今後の予定**：今後 30 日間のエンゲージメント開始日',
  'help.cmd.tenant':
    '**テナント** _お客様名_：1 社のお客様のワークロードをタイムラインで表示し、開始の間隔も示します',
  'help.cmd.capacity':
    '**キャパシティ**：Gateway チームとマネージャー向けに、FM ごとの週別の開始数を表示します',
  'help.what': 'この日付の意味',
  'help.isR4':
    'そのワークロードについて、あなたとお客様が FastTrack プロセスに固有の連絡を始める日です。キックオフ ミーティングより前の場合も、同じ日の場合もあります。',
  'help.isNotR5':
    '最初のメールを送った日やボイスメールを残した日ではありません。重要なのは双方向のやり取りです (お客様が質問してあなたが回答する、キックオフ ミーティングの日程を決める電話、キックオフ ミーティングそのもの)。',
  'help.rules':
    'エンゲージメント開始日があるのは進行中のワークロードだけです。過去のエンゲージメントにさかのぼって入力する必要はありません。月しかわからない場合は、その月の 1 日を推定として保存します。',

  // Commands that need something first
  'general.notUnderstood':
    '理解できませんでした。**ヘルプ** と入力すると、できることを確認できます。',
  'general.tryAgain':
    'こちらで問題が発生したため、何も保存されていません。1 分ほどしてからもう一度お試しください。',
  'general.tooLong': 'メッセージが長すぎます (最大 {max} 文字)。',
  'general.noWorkloads':
    'あなたに割り当てられたワークロードはありません。Gateway チームの方や FM を管理している方は、管理者にそのロールの付与を依頼してください。',
  'general.tenantNotServed': 'このアプリはあなたの組織では利用できません。',
  'general.workloadGone': 'このワークロードは存在しません。',
  'command.help': 'ヘルプ',
  'command.engagements': 'エンゲージメント一覧',
  'command.change': '日付変更',
  'command.noResponse': '応答なし',
  'command.history': '履歴',
  'command.upcoming': '今後の予定',
  'general.cardExpired':
    'このカードは古くなっています。**{command}** と入力して、最初からやり直してください。',

  // my engagements
  'engagements.title': 'あなたのエンゲージメント',
  'engagements.subtitle': '開始日の早い順 · ワークロード数: {count}',
  'engagements.noEsd': '未設定',
  'engagements.change': '日付を変更',

  // tenant picker
  'pickTenant.title': 'どのお客様ですか?',
  'pickTenant.label': 'お客様',
  'pickTenant.placeholder': 'お客様を選択',
  'pickTenant.next': '次へ',
  'pickTenant.noMatch': '「{text}」に一致する担当のお客様はありません。',
  'pickTenant.retry': 'カードでお客様を選択するか、名前の一部を入力してください。',
  'pickTenant.needName': 'コマンドの後にお客様の名前を入力してください。例: **日付変更 contoso**',

  // change card
  'change.title': 'エンゲージメント開始日の変更',
  'change.subtitle': '{customer} · {tenant}',
  'change.workloadLabel': 'ワークロード',
  'change.workloadPlaceholder': 'ワークロードを選択',
  'change.workloadChoice': '{workload} · {status} · {esd}',
  'change.dateLabel': '新しい日付',
  'change.monthLabel': '月しかわからない場合',
  'change.monthPlaceholder': '月を選択',
  'change.monthHint': 'その月の 1 日として保存され、推定として記録されます。',
  'change.basisLabel': 'その日に何があった、または何がありますか?',
  'change.basisPlaceholder': '1 つ選択してください',
  'change.basisHint':
    '送信したメールや、返信のないボイスメールは対象外です。日付は双方向のやり取りが始まった日です。',
  'change.reasonLabel': '理由 (全体的なステータス メモに書き込まれます)',
  'change.reasonPlaceholder': '日付を変更する理由は何ですか?',
  'change.submit': '日付と理由を保存',
  'change.errorSummary': '何も保存されていません。下の印の付いた項目を修正してください。',
  'change.dateAndMonth': '日付か月のどちらか一方を選択してください。',
  'change.dateMissing': '日付、または月のみを選択してください。',
  'change.workloadMissing': 'ワークロードを選択してください。',
  'change.typedDate':
    '「{text}」を {date} と読み取りました。カードを確認し、理由を入力して保存してください。',
  'change.typedMonth':
    '「{text}」を {month} (推定) と読み取りました。カードを確認し、理由を入力して保存してください。',
  'change.noSuchDay':
    '「{text}」という日付は存在しません。別の日付を入力するか、カードで選択してください。',
  'change.typedOutOfWindow':
    '「{text}」を {date} と読み取りましたが、許可された範囲外です。{earliest} から {latest} までの日付を選択してください。カードは変更されていません。',
  'change.typeHint':
    '上のカードに入力するか、日付を入力してください (例: 「1月15日」、「2027年1月15日」)。',
  'change.conflict':
    'カードを開いている間にこのワークロードが変更されました。現在の日付は {esd} です。何も書き込まれていません。内容を確認して、もう一度保存してください。',

  // rejections (rules module codes)
  'violation.not_permitted':
    '{customer} の {workload} の担当は {assignee} です。日付を変更できるのは{who}だけです。',
  'violation.not_permitted_unassigned':
    '{customer} の {workload} にはまだ FM がいません。日付を設定できるのは{who}だけです。',
  'violation.status_ineligible':
    '{workload} のステータスは {status} です。エンゲージメント開始日があるのは進行中のワークロードだけで、ステータス不明、ブロック、意思なし、重複/無効のワークロードには適用されません。',
  'violation.esd_required':
    '{workload} は新規のお客様の進行中のワークロードです。エンゲージメント開始日 (お客様が Gateway での会話で伝えた日付) は Gateway チームが入力します。日付がなくてよいのは、過去または進行中のエンゲージメントだけです。',
  'violation.date_invalid': '有効な日付ではありません。',
  'violation.month_invalid': '有効な月ではありません。',
  'violation.date_out_of_window': '{earliest} から {latest} までの日付を選択してください。',
  'violation.estimate_month_past':
    '推定はこれからの開始に使います。{currentMonth} 以降の月を選択してください。',
  'violation.basis_invalid': 'その日に何があった、または何があるかを選択してください。',
  'violation.basis_not_estimate':
    '月のみの場合、日付は推定です。「{basis}」ではなく、「開始予定」または「開始見込み」を選択してください。',
  'violation.unchanged': '日付はすでに {current} です。変更はありません。',
  'violation.reason_missing':
    '理由を言葉で入力してください (句読点や絵文字だけでは伝わりません)。全体的なステータス メモに書き込まれます。',
  'violation.reason_too_long': '理由は {max} 文字以内で入力してください。',

  // confirmation
  'done.title': 'エンゲージメント開始日を保存しました',
  'done.oldDate': '変更前の日付',
  'done.newDate': '新しい日付',
  'done.note': '全体的なステータス メモに記録しました',

  // no response (R7)
  'noResponse.title': 'お客様から返信がありません',
  'noResponse.intro':
    '全体的なステータス メモにメモを記録し、エンゲージメント開始日はそのままにします (お客様から返信があり、新しい日付が決まったら、そのときに日付を変更してください)。',
  'noResponse.kindLabel': '何がありましたか?',
  'noResponse.kind.no_answer': 'まだ返信がありません。連絡を続けます',
  'noResponse.kind.inactive': 'お客様が非アクティブ、または一度も返信がありません',
  'noResponse.detailLabel': '詳細 (省略可能)',
  'noResponse.detailPlaceholder': 'これまでの連絡、次回の予定…',
  'noResponse.submit': 'メモを記録',
  'noResponse.kindMissing': '何があったかを選択してください。',
  'noResponse.doneTitle': '記録しました。日付は変更しません',
  'noResponse.done':
    '全体的なステータス メモに記録しました。エンゲージメント開始日は {esd} のままです。',
  'noResponse.statusIneligible':
    '{workload} は {status} です。応答がないことを記録できるのは、エンゲージメント開始日のある「進行中」のワークロードだけです。何も保存していません。',
  'noResponse.esdInFuture':
    '{workload} のエンゲージメント開始日は {esd} で、まだ先です。お客様はまだその日を過ぎていません。応答がないことはその日以降に記録してください。日付を移すには **{command}** を使ってください。何も保存していません。',

  // history
  'history.pickTitle': 'どのワークロードの履歴を表示しますか?',
  'history.show': '履歴を表示',
  'history.title': '{workload} の履歴',
  'history.empty': '変更はまだ記録されていません。',
  'history.entry': '{old} → {new}',
  'history.by': '{when} · {who} ({role})',
  'history.reason': '理由: {reason}',

  // upcoming
  'upcoming.title': '今後 {days} 日間に開始',
  'upcoming.empty': '今後 {days} 日間に開始するワークロードはありません。',
  'upcoming.week': '{date} の週',

  // proactive: the Gateway Team's handoff of a new customer (R6)
  'handoff.title': 'Gateway チームからの新しいお客様: {customer}',
  'handoff.enteredBy': 'Gateway チームがお客様との会話をもとに入力しました ({name})。',
  'handoff.intro':
    '各日付は、お客様が Gateway の会話で指定したものです。お客様から別の日付を求められた場合は変更してください。',
  'handoff.reference': 'Gateway の参照番号',
  'handoff.notes': 'Gateway チームからのメモ',
  'handoff.acknowledge': '受領',
  'handoff.change': '日付を変更',
  'handoff.acknowledgedTitle': '引き継ぎを受領しました',
  'handoff.acknowledged': '{customer} を引き継ぎました。Gateway チームにも表示されます。',
  'handoff.alreadyAcknowledged': 'この引き継ぎはすでに受領済みです ({when})。',
  'handoff.gone': 'この引き継ぎは見つかりません。',
  'access.notYours': 'これはあなたの担当顧客ではありません。{assignee} にお問い合わせください。',
  'access.notYoursNobody':
    'これはあなたの担当顧客ではありません。Gateway チームにお問い合わせください。',
  'handoff.notYours': 'この引き継ぎを受領できるのは、担当 FM だけです。',
  // proactive: a date moved by someone else
  'notice.changedByOther':
    '{who} ({role}) が {customer} の {workload} のエンゲージメント開始日を変更しました: {old} → {new}。理由: {reason}',
  // proactive: reminders (R7) and the weekly digest
  'notice.changedByOtherTitle': 'エンゲージメント開始日の 1 つが変更されました',
  'reminder.title': '今日は {customer} の {workload} のエンゲージメント開始日です',
  'reminder.titleLate': '{customer} の {workload} のエンゲージメント開始日は {date} でした',
  'reminder.late':
    'このリマインダーは遅れて届きました。予定時刻に esd-bot が動作していませんでした。',
  'reminder.followUpTitle':
    'フォローアップ: {workload} について {customer} から返信はありましたか?',
  'reminder.intro':
    'オンボーディングの話し合いは始まりましたか? 何があったか教えてください。日付は、双方向のやり取りが実際に始まった日、またはお客様と合意した新しい日付にだけ変わります。',
  'reminder.started': '連絡が始まった',
  'reminder.reschedule': 'お客様が別の日付を希望',
  'reminder.noAnswer': 'まだ返信なし',
  'reminder.inactive': 'お客様が非アクティブ',
  'reminder.doneStarted':
    '全体的なステータス メモに記録しました: 連絡が始まりました。この日付のリマインダーはこれで終了です。',
  'reminder.doneNoAnswer':
    '全体的なステータス メモに記録しました。日付は変更しません。{date} にもう一度お知らせします。',
  'reminder.doneInactive':
    '全体的なステータス メモに記録しました。日付は変更せず、今後この件のリマインダーは送りません。',
  'reminder.already': 'このリマインダーにはすでに回答済みです。',
  'reminder.titleEstimate': '{month} は {customer} の {workload} の見込み月です',
  'reminder.introEstimate':
    'このエンゲージメント開始日は見込みです: 1 日は月を表すだけで、合意した日ではありません。双方向のやり取りは始まりましたか? まだなら、お客様と合意したときに実際の日付を設定してください。',
  'reminder.setRealDate': '実際の日付を設定',
  'reminder.doneStartedMoved':
    'エンゲージメント開始日を {old} から、連絡が始まった日 {new} に変更しました。理由は全体的なステータス メモにあります。以前の日付のリマインダーはもう送りません。',
  'started.title': '{customer} の {workload} について、双方向のやり取りはいつ始まりましたか?',
  'started.intro':
    'エンゲージメント開始日は、あなたとお客様が双方向のやり取りを始めた日 (メールへの返信、電話、キックオフ ミーティング) です。メールを送った日やボイスメールを残した日ではありません。',
  'started.whenLabel': '始まった日',
  'started.today': '今日 ({date})',
  'started.todayIsEsd': '今日 ({date})、エンゲージメント開始日',
  'started.onEsd': 'エンゲージメント開始日 ({date})',
  'started.other': '別の日 (下で選択)',
  'started.dateLabel': '別の日',
  'started.basisLabel': '何がありましたか? (日付が変わる場合に必要)',
  'started.moveHint':
    'その日がエンゲージメント開始日でない場合、日付はその日に変わり、理由も一緒に全体的なステータス メモに書き込まれます。',
  'started.reasonDefault': 'お客様から返信があり、この日に双方向のやり取りが始まりました。',
  'started.submit': '記録',
  'started.when_missing': 'やり取りが始まった日を選んでください。',
  'started.esd_is_estimate':
    'このエンゲージメント開始日は見込み月にすぎません: 今日か実際の日を選んでください。',
  'started.date_missing': 'やり取りが始まった日を選んでください。',
  'started.date_invalid': 'その日は存在しません。',
  'started.date_in_future':
    'その日はまだ来ていません: 開始はすでにあった日です。予定の日付には「お客様が別の日付を希望」を使ってください。',
  'started.basis_not_exchange':
    'やり取りの内容を選んでください: キックオフ ミーティング、双方向のメールのやり取り、または電話。',
  'upcoming.documentedTitle':
    '日付を過ぎ、返信なしを記録済み: 全体的なステータス メモに記載 ({count})',
  'upcoming.documentedHint':
    '日付はそのままです (FAQ: 記録し、日付は変えない)。お客様から返信があったら、合意した日付で **日付変更** と入力してください。',
  'upcoming.recorded.no_answer': 'まだ返信なし、連絡を継続中',
  'upcoming.recorded.inactive': 'お客様が非アクティブ',
  'reminder.gone':
    'このリマインダーは無効になりました。ワークロードまたはその日付が変更されています。',
  'digest.title': '今週のエンゲージメント開始日',
  // reports: upcoming (overdue first), capacity, a tenant's timeline and history
  'reports.command.capacity': 'キャパシティ',
  'reports.command.tenant': 'テナント',
  'upcoming.overdueTitle':
    '日付を過ぎ、その後何も記録なし: リマインダーへの回答も、返信なしの記録もありません',
  'upcoming.overdueHint':
    'リマインダーに回答するか、お客様から返信がない場合は **応答なし**、別の日付に合意した場合は **日付変更** と入力してください。',
  'upcoming.yesterday': '昨日',
  'upcoming.daysAgo': '{days} 日前',
  'capacity.title': 'FM ごと・週ごとの開始数',
  'capacity.subtitle': 'エンゲージメント開始日のある進行中のワークロード ({from} ～ {to})',
  'capacity.filter': '表示対象: {filter}',
  'capacity.fm': '担当 FM',
  'capacity.week': '第{week}週',
  'capacity.allFms': 'すべての FM',
  'capacity.starts': '開始数: {count}',
  'capacity.busiest': '最も多い週: {weeks}',
  'capacity.busiestWeek': '{date} の週 (開始数: {count})',
  'capacity.legend':
    '各セルはその週に開始するワークロードの数です (推定を含みます)。バーは最も多いセルを基準にした長さで、最も多い週は強調表示されます。',
  'capacity.empty': '該当する進行中のワークロードを持つ FM はいません。',
  'capacity.more':
    'ほかに {count} 人の FM が表示されていません。コマンドに名前の一部を追加すると表示されます。例: **キャパシティ megan**',
  'capacity.notAllowed':
    'キャパシティ レポートは Gateway チームとマネージャー向けです。必要な場合は、管理者にいずれかのロールの付与を依頼してください。',
  'tenant.title': '{customer} のタイムライン',
  'tenant.subtitle': '{tenant} · ワークロード数: {count}',
  'tenant.span': '最初の開始から最後の開始まで: {span}',
  'tenant.gap': '↓ この開始から {span} 後に {workload} ({date}) (開始から開始まで。目標日は不明)',
  'tenant.gapApprox':
    '↓ この開始から約 {span} 後に {workload} ({date}、推定) (開始から開始まで。目標日は不明)',
  'tenant.sameDay': '↓ {workload} は同じ日に開始',
  'tenant.notActive': '進行中ではありません。日付は履歴として残り、間隔の計算には含まれません。',
  'tenant.undated':
    '進行中、エンゲージメント開始日なし: すでに進行中のエンゲージメント (通常どおりです。さかのぼって入力する必要はありません)',
  'tenant.noWorkloads': 'このお客様のワークロードは記録されていません。',
  'tenant.historyHint': 'これらの日付の変更をすべて見るには、**履歴 {name}** と入力してください。',
  'violation.status_ineligible_split':
    '{workload} には進行中のライセンスがありません。権利は分割されています: {split}。エンゲージメント開始日があるのは、進行中のライセンスがあるワークロードだけです。',
  'entitlements.line': '{status}: {seats} ライセンス',
  'entitlements.split': '分割された権利: {lines}',
  'entitlements.targetDate': '目標日 {date}',
  'tenant.gapFromTarget': '↓ 目標日 ({target}) から {span} 後に {workload} が開始 ({date})',
  'tenant.gapFromTargetApprox':
    '↓ 目標日 ({target}) から約 {span} 後に {workload} が開始 ({date}、推定)',
  'tenant.overlap':
    '↓ {workload} はこの目標日 ({target}) の {span} 前に開始 ({date}): 期間が重なっています',
  'tenant.undatedIneligible': '進行中ではありません: エンゲージメント開始日は適用されません',
  'tenant.needName': 'コマンドの後にお客様の名前の一部を入力してください。例: **テナント contoso**',
  'tenant.noMatch': '「{text}」に一致するお客様はありません。',
  'tenant.many':
    '「{text}」に一致するお客様が複数あります: {names}。名前をもう少し入力してください。',
  'tenant.notAllowed':
    'お客様の情報を表示できるのは、そのワークロードのいずれかの担当者か、Gateway、マネージャー、FTA、FE、再エンゲージメントのロールを持つユーザーです。',
  'tenantHistory.title': '{customer} のエンゲージメント開始日の変更',
  'tenantHistory.empty': 'このお客様のエンゲージメント開始日はまだ変更されていません。',
  'reports.days': '{count} 日',
  'reports.oneDay': '1 日',
  'tenantHistory.more': '{total} 件の変更のうち、最新の {shown} 件のみを表示しています。',
  'shared.readOnly':
    '読み取り専用です。担当の FM と、これらの日付を変更できる人には、ここにフォームが表示されます。最新の日付を見るには、カードのメニューから [最新の情報に更新] を選んでください。',
  'shared.expired':
    'このカードは古くなっています。**{command}** と入力して新しいカードを開いてください。',
  'search.lastChange': '最終変更: {old} → {new}、{when}、{who}。理由: {reason}',
  'search.open': '日付を変更',
  'welcome.personal':
    'こんにちは。esd-bot です。各ワークロードのエンゲージメント開始日を正しく保ちます。新しい日付とその理由は 1 回の操作で全体的なステータス メモに記録され、すべての変更が履歴に残ります。**{engagements}** と入力するとお客様と日付を、**{help}** と入力するとできることの一覧を表示します。',
  'welcome.shared':
    'こんにちは。esd-bot です。各ワークロードのエンゲージメント開始日を正しく保ちます。ここではコマンドの前に私を @メンションしてください。例: **@{bot} {help}**、**@{bot} {change} contoso**。変更カードのフォームは、その日付を変更できる人にだけ表示され、ほかの人には日付が表示されます。',
};
