import { Tensor } from 'onnxruntime-node';
import type { EncodedBatch } from './loadLocalTokenizer.js';

function int64Matrix(rows: number[][], width: number): Tensor {
  const data = new BigInt64Array(rows.length * width);
  rows.forEach((row, r) => row.forEach((value, c) => (data[r * width + c] = BigInt(value))));
  return new Tensor('int64', data, [rows.length, width]);
}

/**
 * Builds the feeds a BERT-style graph asks for. Only inputs named in `inputNames` are supplied: graphs exported
 * without `token_type_ids` (DistilBERT, some re-exports) reject unknown feeds, and BERT graphs that declare it
 * fail without it. Single-sentence inputs use segment 0 everywhere; pairs carry their own segment ids.
 */
export function toFeeds(batch: EncodedBatch, inputNames: readonly string[]): Record<string, Tensor> {
  const width = batch.sequenceLength;
  const feeds: Record<string, Tensor> = {};
  for (const name of inputNames) {
    if (name === 'input_ids') feeds[name] = int64Matrix(batch.inputIds, width);
    else if (name === 'attention_mask') feeds[name] = int64Matrix(batch.attentionMask, width);
    else if (name === 'token_type_ids') {
      feeds[name] = batch.tokenTypeIds
        ? int64Matrix(batch.tokenTypeIds, width)
        : new Tensor('int64', new BigInt64Array(batch.inputIds.length * width), [batch.inputIds.length, width]);
    }
  }
  return feeds;
}
