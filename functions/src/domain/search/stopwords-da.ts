/**
 * Danish function words that carry no meaning for search: pronouns, articles, conjunctions,
 * prepositions, auxiliary and modal verbs, and common adverbs. Written for Deltag (not copied
 * from a package); kept short so that content words such as "ny", "gode" or "børn" still count,
 * and so do "ja" and "nej" ("nej til kameraer"). Compared after folding (analyze.ts), so "paa" is as much a stop word as "på".
 */
const WORDS = [
  // pronouns and possessives
  'jeg', 'mig', 'min', 'mit', 'mine', 'du', 'dig', 'din', 'dine', 'han', 'ham', 'hans', 'hun', 'hende', 'hendes',
  'den', 'det', 'dens', 'vi', 'os', 'vor', 'vores', 'i', 'jer', 'jeres', 'de', 'dem', 'deres', 'sig', 'sin', 'sit', 'sine',
  'man', 'nogen', 'noget', 'nogle', 'ingen', 'alle', 'alt', 'selv', 'hver', 'denne', 'dette', 'disse',
  // articles, conjunctions, subjunctions
  'en', 'et', 'og', 'eller', 'men', 'at', 'som', 'der', 'da', 'når', 'hvis', 'fordi', 'end',
  // question words
  'hvad', 'hvem', 'hvor', 'hvordan', 'hvorfor', 'hvornår', 'hvilken', 'hvilke',
  // prepositions
  'af', 'på', 'til', 'fra', 'med', 'om', 'for', 'ved', 'hos', 'mod', 'over', 'under', 'efter', 'før', 'uden', 'mellem', 'gennem', 'ad', 'ud', 'op', 'ind', 'ned',
  // auxiliary and modal verbs
  'er', 'var', 'være', 'været', 'har', 'havde', 'have', 'bliver', 'blev', 'blive',
  'kan', 'kunne', 'skal', 'skulle', 'vil', 'ville', 'må', 'får', 'fik', 'få',
  // adverbs and particles
  'ikke', 'også', 'kun', 'nu', 'så', 'her', 'jo', 'dog', 'nok', 'bare', 'lige', 'meget', 'mere',
] as const;

export const DANISH_STOP_WORDS: readonly string[] = WORDS;
