/** The workload catalog as the portal lists it (domain.md), with the codes used on the wire. */

export const WORKLOAD_CODES = [
  'EXO',
  'OLM',
  'TEAMS',
  'SPO',
  'OD',
  'YAM',
  'M365APPS',
  'PROJ',
  'PBI',
  'ATP',
  'INTUNE',
  'AADP',
  'MCAS',
  'AIP',
  'WIN',
  'WDATP',
] as const;

export type WorkloadCode = (typeof WORKLOAD_CODES)[number];

export type Language = 'en' | 'pt-BR' | 'es' | 'de' | 'ja' | 'zh-Hans';

type Names = Record<Language, string>;

// Product names stay English where Microsoft's own localized pages keep them English (all of
// them in German, Japanese and Simplified Chinese except the two descriptive ones below).
const same = (name: string): Names => ({
  en: name,
  'pt-BR': name,
  es: name,
  de: name,
  ja: name,
  'zh-Hans': name,
});

export const WORKLOAD_NAMES: Record<WorkloadCode, Names> = {
  EXO: same('Exchange Online'),
  OLM: same('Outlook Mobile'),
  TEAMS: same('Microsoft Teams'),
  SPO: same('SharePoint Online'),
  OD: same('OneDrive'),
  YAM: same('Viva Engage (Yammer)'),
  M365APPS: {
    en: 'Microsoft 365 Apps',
    'pt-BR': 'Aplicativos do Microsoft 365',
    es: 'Aplicaciones de Microsoft 365',
    de: 'Microsoft 365 Apps',
    ja: 'Microsoft 365 Apps',
    'zh-Hans': 'Microsoft 365 应用版',
  },
  PROJ: same('Project'),
  PBI: same('Power BI'),
  ATP: same('Defender for Office 365 (ATP)'),
  INTUNE: same('Intune'),
  AADP: same('Entra ID P1/P2 (Azure AD Premium)'),
  MCAS: same('Defender for Cloud Apps (MCAS)'),
  AIP: {
    en: 'Purview Information Protection (AIP)',
    'pt-BR': 'Proteção de Informações do Purview (AIP)',
    es: 'Protección de la información de Purview (AIP)',
    de: 'Purview Information Protection (AIP)',
    ja: 'Purview Information Protection (AIP)',
    'zh-Hans': 'Purview 信息保护 (AIP)',
  },
  WIN: same('Windows'),
  WDATP: same('Defender for Endpoint (MDATP)'),
};

export function isWorkloadCode(value: unknown): value is WorkloadCode {
  return typeof value === 'string' && (WORKLOAD_CODES as readonly string[]).includes(value);
}

/**
 * The workload's name in the reader's language. A code the catalogue does not know (a row written
 * by a newer release, or by hand) is shown as it is rather than breaking the card that lists it.
 */
export function workloadName(code: WorkloadCode, language: Language = 'en'): string {
  return isWorkloadCode(code) ? WORKLOAD_NAMES[code][language] : String(code);
}
