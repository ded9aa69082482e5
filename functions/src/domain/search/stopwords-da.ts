/**
 * Danish function words that carry no meaning for search: pronouns, articles, conjunctions,
 * prepositions, auxiliary and modal verbs, and common adverbs. Written for Deltag (not copied
 * from a package); kept short so that content words such as "ny", "gode" or "børn" still count.
 * Compared after folding (analyze.ts), so "paa" is as much a stop word as "på".
 */
const WORDS = [
  // pronouns and possessives
  'jeg', 'mig', 'min', 'mit', 'mine', 'du', 'dig', 'din', 'dit', 'dine', 'han', 'ham', 'hans', 'hun', 'hende', 'hendes',
  'den', 'det', 'dens', 'dets', 'vi', 'os', 'vor', 'vores', 'i', 'jer', 'jeres', 'de', 'dem', 'deres', 'sig', 'sin', 'sit', 'sine',
  'man', 'ens', 'nogen', 'noget', 'nogle', 'ingen', 'intet', 'alle', 'alt', 'selv', 'hver', 'hvert', 'denne', 'dette', 'disse',
  // articles, conjunctions, subjunctions
  'en', 'et', 'og', 'eller', 'men', 'samt', 'både', 'enten', 'at', 'som', 'der', 'da', 'når', 'hvis', 'fordi', 'mens', 'selvom', 'end',
  // question words
  'hvad', 'hvem', 'hvor', 'hvordan', 'hvorfor', 'hvornår', 'hvilken', 'hvilket', 'hvilke',
  // prepositions
  'af', 'på', 'til', 'fra', 'med', 'om', 'for', 'ved', 'hos', 'mod', 'over', 'under', 'efter', 'før', 'uden', 'mellem', 'gennem', 'igennem', 'ad', 'ud', 'op', 'ind', 'ned', 'hen',
  // auxiliary and modal verbs
  'er', 'var', 'være', 'været', 'har', 'havde', 'have', 'haft', 'bliver', 'blev', 'blive', 'blevet',
  'kan', 'kunne', 'skal', 'skulle', 'vil', 'ville', 'må', 'måtte', 'bør', 'burde', 'får', 'fik', 'få',
  // adverbs and particles
  'ikke', 'også', 'kun', 'nu', 'så', 'her', 'jo', 'dog', 'nok', 'bare', 'lige', 'blot', 'allerede', 'meget', 'mere', 'mest', 'sådan', 'ja', 'nej',
] as const;

export const DANISH_STOP_WORDS: readonly string[] = WORDS;
