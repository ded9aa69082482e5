import type { Label } from './labels';

/**
 * The AI Act and data-ethics lens (issue 16): tags moderators and the committee put on ideas and
 * recommendations, so the committee points out suitable areas with an eye on the law (GDPR, the EU AI
 * Act, administrative law) and ethics. Zod-free: the public pages, the annex, the export and the PDF
 * all take their words from here. Each tag shows publicly with a plain-Danish explanation of what it
 * means and what follows.
 */

/** The AI Act's four tiers, as far as a municipality's idea can be placed before it is designed. */
export const aiActCategories = ['prohibited', 'high-risk', 'transparency', 'minimal'] as const;
export type AiActCategory = (typeof aiActCategories)[number];

/** The areas of the AI Act's Annex III (high-risk uses); a high-risk tag names one. */
export const highRiskAreas = [
  'biometrics',
  'critical-infrastructure',
  'education',
  'employment',
  'essential-services',
  'law-enforcement',
  'migration',
  'justice-democracy',
] as const;
export type HighRiskArea = (typeof highRiskAreas)[number];

export const ETHICS_NOTE_MAX = 2000;

export interface Explained extends Label {
  /** What the tag means and what follows, in plain words (short sentences). */
  explain: Label;
}

export const aiActCategoryLabels: Record<AiActCategory, Explained> = {
  prohibited: {
    da: 'Forbudt anvendelse efter AI-forordningen',
    en: 'Prohibited practice under the AI Act',
    explain: {
      da: 'AI-forordningen forbyder denne slags brug af kunstig intelligens, fx social pointgivning af borgere. Kommunen må ikke bruge AI på denne måde. Idéen kan kun gå videre, hvis den ændres, så den ikke længere er forbudt.',
      en: 'The AI Act bans this kind of use of artificial intelligence, for example social scoring of citizens. The municipality may not use AI this way. The idea can only go on if it is changed so it is no longer prohibited.',
    },
  },
  'high-risk': {
    da: 'Højrisiko efter AI-forordningen (bilag III)',
    en: 'High-risk under the AI Act (Annex III)',
    explain: {
      da: 'Brugen ligger i et område, hvor AI kan få stor betydning for menneskers liv og rettigheder. Før kommunen tager systemet i brug, skal der være risikostyring, gode data, menneskeligt tilsyn, logning og en vurdering af konsekvenserne for grundlæggende rettigheder.',
      en: "The use lies in an area where AI can matter greatly for people's lives and rights. Before the municipality uses the system, it needs risk management, good data, human oversight, logging and an assessment of the impact on fundamental rights.",
    },
  },
  transparency: {
    da: 'Krav om åbenhed efter AI-forordningen',
    en: 'Transparency duty under the AI Act',
    explain: {
      da: 'Folk skal kunne se, at de har med AI at gøre, fx når de skriver med en chatbot, eller når en tekst eller et billede er lavet af AI. Kommunen skal sige det tydeligt.',
      en: 'People must be able to see that they are dealing with AI, for example when they chat with a chatbot or when a text or picture is made by AI. The municipality must say so clearly.',
    },
  },
  minimal: {
    da: 'Lav risiko efter AI-forordningen',
    en: 'Minimal risk under the AI Act',
    explain: {
      da: 'AI-forordningen stiller ingen særlige krav til denne slags brug. De almindelige regler gælder stadig, fx databeskyttelse og god forvaltningsskik.',
      en: 'The AI Act sets no special requirements for this kind of use. The ordinary rules still apply, for example data protection and good administrative practice.',
    },
  },
};

export const highRiskAreaLabels: Record<HighRiskArea, Label> = {
  biometrics: { da: 'Biometri', en: 'Biometrics' },
  'critical-infrastructure': { da: 'Kritisk infrastruktur', en: 'Critical infrastructure' },
  education: { da: 'Uddannelse', en: 'Education and vocational training' },
  employment: { da: 'Beskæftigelse og ansatte', en: 'Employment and workers' },
  'essential-services': { da: 'Adgang til offentlige ydelser og vigtige tjenester', en: 'Access to public benefits and essential services' },
  'law-enforcement': { da: 'Retshåndhævelse', en: 'Law enforcement' },
  migration: { da: 'Migration, asyl og grænsekontrol', en: 'Migration, asylum and border control' },
  'justice-democracy': { da: 'Retspleje og demokratiske processer', en: 'Administration of justice and democratic processes' },
};

/** The two yes/no flags, with what they mean and what follows. */
export const dpiaLabel: Explained = {
  da: 'Konsekvensanalyse (DPIA) nødvendig',
  en: 'Data protection impact assessment (DPIA) needed',
  explain: {
    da: 'Brugen behandler personoplysninger på en måde, der kan være risikabel for borgerne. Efter databeskyttelsesforordningen skal kommunen lave en konsekvensanalyse, før den går i gang.',
    en: 'The use processes personal data in a way that can be risky for citizens. Under the GDPR, the municipality must carry out an impact assessment before it starts.',
  },
};

export const digitalExclusionLabel: Explained = {
  da: 'Berører borgere, der har svært ved det digitale',
  en: 'Affects citizens who struggle with digital tools',
  explain: {
    da: 'Brugen kan ramme borgere, der ikke er vant til digitale løsninger. Der skal være en anden vej ind, fx telefon eller personlig hjælp i Borgerservice, og løsningen skal afprøves med dem.',
    en: 'The use can affect citizens who are not used to digital solutions. There must be another way in, for example by phone or in-person help at Borgerservice, and the solution must be tested with them.',
  },
};

export const ethicsNoteLabel: Label = { da: 'Dataetiske bemærkninger', en: 'Data-ethics notes' };

/** The lens on one idea or recommendation; every part optional (absent: not assessed yet). */
export interface AiLensValue {
  aiActCategory?: AiActCategory;
  /** Only with `high-risk`. */
  highRiskArea?: HighRiskArea;
  dpiaNeeded?: boolean;
  digitalExclusion?: boolean;
  ethicsNote?: string;
}

/** The tags a lens shows, in this order, each with its label and explanation (for pages, annex, PDF). */
export function lensTags(lens: AiLensValue | undefined): { id: string; label: Label; explain: Label }[] {
  if (!lens) return [];
  const tags: { id: string; label: Label; explain: Label }[] = [];
  if (lens.aiActCategory) {
    const c = aiActCategoryLabels[lens.aiActCategory];
    const area = lens.aiActCategory === 'high-risk' && lens.highRiskArea ? highRiskAreaLabels[lens.highRiskArea] : undefined;
    tags.push({
      id: `ai-act-${lens.aiActCategory}`,
      label: area ? { da: `${c.da}: ${area.da}`, en: `${c.en}: ${area.en}` } : { da: c.da, en: c.en },
      explain: c.explain,
    });
  }
  if (lens.dpiaNeeded) tags.push({ id: 'dpia', label: { da: dpiaLabel.da, en: dpiaLabel.en }, explain: dpiaLabel.explain });
  if (lens.digitalExclusion) tags.push({ id: 'digital-exclusion', label: { da: digitalExclusionLabel.da, en: digitalExclusionLabel.en }, explain: digitalExclusionLabel.explain });
  return tags;
}

/** The lens in one line of Danish for a CSV/XLSX cell ("" when not assessed). */
export function lensCell(lens: AiLensValue | undefined): string {
  return lensTags(lens)
    .map((t) => t.label.da)
    .join('; ');
}
