/**
 * The Snowball Danish stemmer of @nlpjs/lang-da, imported by its path so the bundle takes this one
 * CommonJS file (and the small base stemmer) rather than the package's whole language kit.
 * Only what analyze.ts calls is declared.
 */
declare module '@nlpjs/lang-da/src/stemmer-da.js' {
  export default class StemmerDa {
    constructor(container?: unknown);
    /** Stems and memoises without bound: analyze.ts uses the three steps below with its own bounded cache. */
    stemWord(word: string): string;
    setCurrent(word: string): void;
    innerStem(): boolean;
    getCurrent(): string;
  }
}
