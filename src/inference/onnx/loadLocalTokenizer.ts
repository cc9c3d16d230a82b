import { AutoTokenizer } from '@huggingface/transformers';
import { DomainError, ErrorCode } from '../../errors.js';

/** A padded batch of token ids, ready to become int64 tensors. */
export interface EncodedBatch {
  inputIds: number[][];
  attentionMask: number[][];
  /** Padded sequence length (the same for every row). */
  sequenceLength: number;
  /** Segment ids (0 for the first text of a pair, 1 for the second); absent for single texts. */
  tokenTypeIds?: number[][];
}

/** The slice of a Hugging Face tokenizer the ONNX engine uses; keeps the library's untyped surface in this file. */
export interface LocalTokenizer {
  /** Longest sequence the model accepts, special tokens included. */
  readonly maxLength: number;
  /** Pads to the longest text of the batch and truncates to `maxLength`. */
  encode(texts: string[]): EncodedBatch;
  /** Sentence pairs (`[CLS] a [SEP] b [SEP]`), truncated longest-first to `maxLength` as Hugging Face does. */
  encodePairs(first: string[], second: string[]): EncodedBatch;
  /** Token strings for ids (e.g. `##ache`), for token-classification output. */
  tokenOf(id: number): string;
  isSpecial(id: number): boolean;
}

interface TokenizerCallResult {
  input_ids: number[][];
  attention_mask: number[][];
  token_type_ids?: number[][];
}

/** Hard cap: BERT-family position embeddings stop at 512, and longer inputs would make the graph fail. */
const MAX_MODEL_LENGTH = 512;

/**
 * Loads the tokenizer from the folder's tokenizer.json/tokenizer_config.json. `local_files_only` with an absolute
 * path makes transformers.js read the files from disk and never ask the hub (checked: no fetch happens), and we do
 * not touch its global `env`, which other code in the process may own.
 */
export async function loadLocalTokenizer(folder: string, configMaxPositions: number | null): Promise<LocalTokenizer> {
  let tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(folder, { local_files_only: true });
  } catch (error) {
    throw new DomainError(
      ErrorCode.MODEL_LOAD_FAILED,
      `The tokenizer in ${folder} could not be read: ${(error as Error).message}. Re-install the model folder.`,
      { path: folder },
    );
  }
  const declared = Number(tokenizer.model_max_length);
  const candidates = [MAX_MODEL_LENGTH, configMaxPositions ?? MAX_MODEL_LENGTH];
  // Some tokenizer configs say 1e30 ("no limit"); only a sane declared value may lower the cap.
  if (Number.isFinite(declared) && declared > 0 && declared < 1e6) candidates.push(declared);
  const maxLength = Math.min(...candidates);
  const vocab = [...tokenizer.get_vocab().entries()];
  const idToToken = new Map<number, string>(vocab.map(([token, id]) => [id, token]));
  const special = new Set<number>(tokenizer.all_special_ids);

  return {
    maxLength,
    encode(texts) {
      const result = tokenizer(texts, {
        padding: true,
        truncation: true,
        max_length: maxLength,
        return_tensor: false,
      }) as unknown as TokenizerCallResult;
      return {
        inputIds: result.input_ids,
        attentionMask: result.attention_mask,
        sequenceLength: result.input_ids[0]?.length ?? 0,
      };
    },
    encodePairs(first, second) {
      // transformers.js cuts a joined pair at max_length and loses the final [SEP]; Hugging Face's longest-first
      // keeps it. Encoded whole, then evidence pieces before the final [SEP] are dropped, as Python trained it.
      const rows = first.map((a, i) => {
        const r = tokenizer(a, { text_pair: second[i], padding: false, truncation: false, return_tensor: false }) as unknown as { input_ids: number[]; token_type_ids?: number[] };
        let ids = r.input_ids;
        let types = r.token_type_ids ?? ids.map(() => 0);
        if (ids.length > maxLength) {
          ids = [...ids.slice(0, maxLength - 1), ids.at(-1)!];
          types = [...types.slice(0, maxLength - 1), types.at(-1)!];
        }
        return { ids, types };
      });
      const width = Math.max(...rows.map((r) => r.ids.length));
      const pad = Number(tokenizer.pad_token_id ?? 0);
      return {
        inputIds: rows.map((r) => [...r.ids, ...Array<number>(width - r.ids.length).fill(pad)]),
        attentionMask: rows.map((r) => [...r.ids.map(() => 1), ...Array<number>(width - r.ids.length).fill(0)]),
        tokenTypeIds: rows.map((r) => [...r.types, ...Array<number>(width - r.types.length).fill(0)]),
        sequenceLength: width,
      };
    },
    tokenOf: (id) => idToToken.get(id) ?? '',
    isSpecial: (id) => special.has(id),
  };
}
