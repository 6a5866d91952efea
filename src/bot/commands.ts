/** What a person can type, in English, Portuguese and Spanish, with a few natural aliases each. */
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
  help: ['help', '?', 'hi', 'hello', 'hey', 'menu', 'ajuda', 'oi', 'ola', 'ayuda', 'hola'],
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
  ],
  history: ['history', 'historico', 'historial', 'historia'],
  upcoming: [
    'upcoming',
    'soon',
    'coming up',
    'proximas',
    'proximos',
    'proximas datas',
    'proximas fechas',
  ],
  capacity: ['capacity', 'fm capacity', 'capacidade', 'capacidad'],
  tenant: ['tenant', 'timeline', 'cliente', 'linha do tempo', 'cronologia'],
};

/** Lower case, accents folded, punctuation around words dropped, blanks collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?@.\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
}

// Longest phrases first, so "change date contoso" is not read as "change" + "date contoso".
const PHRASES = (Object.entries(ALIASES) as [Command, readonly string[]][])
  .flatMap(([command, aliases]) => aliases.map((phrase) => ({ command, phrase })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

/** The command at the start of `text` and what follows it (e.g. a customer name), or null. */
export function recognizeCommand(text: string): { command: Command; args: string } | null {
  const normalized = normalizeText(text);
  for (const { command, phrase } of PHRASES) {
    if (normalized === phrase || normalized.startsWith(`${phrase} `)) {
      return { command, args: normalized.slice(phrase.length).trim() };
    }
  }
  return null;
}
