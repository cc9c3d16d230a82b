import nspell from 'nspell';

/** The three Hunspell dictionaries, each a checker of its own so that the variety of a word can be told. */
export interface Dictionaries {
  us: nspell;
  gb: nspell;
  au: nspell;
}

interface HunspellData {
  aff: Uint8Array;
  dic: Uint8Array;
}

function checker(data: HunspellData): nspell {
  return nspell({ aff: Buffer.from(data.aff), dic: Buffer.from(data.dic) });
}

let loading: Promise<Dictionaries> | undefined;

/** Loaded once per process on first use (~0.6 s of parsing); every later call gets the same checkers. */
export function loadDictionaries(): Promise<Dictionaries> {
  loading ??= (async () => {
    const [us, gb, au] = await Promise.all([import('dictionary-en'), import('dictionary-en-gb'), import('dictionary-en-au')]);
    return { us: checker(us.default), gb: checker(gb.default), au: checker(au.default) };
  })();
  return loading;
}
