/**
 * What a person can type, in English, Portuguese, Spanish, German, Japanese and Simplified
 * Chinese, with a few natural aliases each. The English words work whatever the language.
 */
export type Command =
  | 'help'
  | 'engagements'
  | 'change'
  | 'noResponse'
  | 'history'
  | 'upcoming'
  | 'capacity'
  | 'tenant';

const ALIASES: Record<Command, readonly string[]> = {
  help: [
    'help',
    '?',
    'hi',
    'hello',
    'hey',
    'menu',
    'ajuda',
    'oi',
    'ola',
    'ayuda',
    'hola',
    'hilfe',
    'hallo',
    'menü',
    'ヘルプ',
    'こんにちは',
    'メニュー',
    '帮助',
    '你好',
    '菜单',
  ],
  engagements: [
    'my engagements',
    'engagements',
    'my workloads',
    'workloads',
    'my customers',
    'list',
    'meus envolvimentos',
    'envolvimentos',
    'meus workloads',
    'meus clientes',
    'mis interacciones',
    'interacciones',
    'mis cargas de trabajo',
    'mis clientes',
    'meine beteiligungen',
    'beteiligungen',
    'meine arbeitsbereiche',
    'arbeitsbereiche',
    'meine kunden',
    'エンゲージメント一覧',
    '自分のエンゲージメント',
    'エンゲージメント',
    'ワークロード一覧',
    '担当のお客様',
    '我的接洽',
    '接洽',
    '我的工作负载',
    '我的客户',
  ],
  change: [
    'change date',
    'change esd',
    'change',
    'update date',
    'set date',
    'new date',
    'reschedule',
    'alterar data',
    'alterar',
    'mudar data',
    'mudar',
    'nova data',
    'remarcar',
    'cambiar fecha',
    'cambiar',
    'nueva fecha',
    'actualizar fecha',
    'reprogramar',
    'datum ändern',
    // Keyboards without umlauts write ä as ae.
    'datum aendern',
    'ändern',
    'aendern',
    'neues datum',
    'datum aktualisieren',
    'verschieben',
    '日付変更',
    '日付を変更',
    '日付の変更',
    '開始日変更',
    '変更',
    '更改日期',
    '修改日期',
    '更新日期',
    '更改',
    '修改',
  ],
  noResponse: [
    'no response',
    'no answer',
    'no reply',
    'not responding',
    'customer not responding',
    'sem resposta',
    'nao respondeu',
    'cliente nao respondeu',
    'sem retorno',
    'sin respuesta',
    'no responde',
    'el cliente no responde',
    'keine antwort',
    'keine reaktion',
    'kunde antwortet nicht',
    '応答なし',
    '返信なし',
    '返信がない',
    '無応答',
    '无回应',
    '没有回应',
    '未回复',
    '客户未回复',
  ],
  history: ['history', 'historico', 'historial', 'historia', 'verlauf', '履歴', '历史记录', '历史'],
  upcoming: [
    'upcoming',
    'soon',
    'coming up',
    'proximas',
    'proximos',
    'proximas datas',
    'proximas fechas',
    'demnächst',
    'demnaechst',
    'anstehend',
    'nächste termine',
    '今後の予定',
    '予定',
    '今後',
    '即将开始',
    '近期',
  ],
  capacity: [
    'capacity',
    'fm capacity',
    'capacidade',
    'capacidad',
    'kapazität',
    'kapazitaet',
    'auslastung',
    'キャパシティ',
    '容量',
  ],
  tenant: [
    'tenant',
    'timeline',
    'cliente',
    'linha do tempo',
    'cronologia',
    'kunde',
    'zeitachse',
    'テナント',
    'タイムライン',
    '租户',
    '时间线',
  ],
};

/**
 * Lower case, accents folded, punctuation around words dropped, blanks collapsed. Only the Latin
 * combining accents (U+0300–U+036F) are folded, then the text is recomposed: NFD also splits
 * Japanese kana (プ = フ + U+309A), and dropping every mark would turn ヘルプ into ヘルフ.
 * Full-width forms (ｃｏｎｔｏｓｏ, the ideographic space) become their ASCII equivalents.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?@.\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
}

/** Han, kana: scripts written without spaces between words. */
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]$/u;

/**
 * Everyday words that also open ordinary sentences ("予定日は…", "更改原因是…"): a command only
 * alone or followed by a space, never run on into the next word as the other CJK aliases may.
 */
const NO_RUN_ON = new Set([
  '変更',
  '予定',
  '今後',
  'エンゲージメント',
  'こんにちは',
  '更改',
  '修改',
  '接洽',
  '历史',
  '近期',
  '你好',
]);

// Longest phrases first, so "change date contoso" is not read as "change" + "date contoso".
// Aliases are normalized like the text they are matched against ("datum ändern" → "datum andern").
// Whether a phrase may run on into the next word is known once, not tested on every message.
const PHRASES = (Object.entries(ALIASES) as [Command, readonly string[]][])
  .flatMap(([command, aliases]) =>
    aliases.map((alias) => {
      const phrase = normalizeText(alias);
      return { command, phrase, runsOn: CJK_END.test(phrase) && !NO_RUN_ON.has(phrase) };
    }),
  )
  .sort((a, b) => b.phrase.length - a.phrase.length);

/** The command at the start of `text` and what follows it (e.g. a customer name), or null. */
export function recognizeCommand(text: string): { command: Command; args: string } | null {
  const normalized = normalizeText(text);
  for (const { command, phrase, runsOn } of PHRASES) {
    if (normalized === phrase || normalized.startsWith(`${phrase} `)) {
      return { command, args: normalized.slice(phrase.length).trim() };
    }
    // Japanese and Chinese run words together: "日付変更contoso", "履歴コントソ".
    if (runsOn && normalized.startsWith(phrase)) {
      return { command, args: normalized.slice(phrase.length).trim() };
    }
  }
  return null;
}
