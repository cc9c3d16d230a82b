/**
 * Sentence-transformers pooling: the mean of the token vectors where `attentionMask` is 1 (padding must not pull
 * short sentences towards the pad embedding), then L2 normalisation so that a dot product is the cosine.
 * `hidden` is row-major [batch, sequence, dims].
 */
export function meanPoolNormalize(
  hidden: Float32Array,
  dims: readonly number[],
  attentionMask: readonly (readonly number[])[],
): number[][] {
  const [batch, sequence, width] = dims as [number, number, number];
  const out: number[][] = [];
  for (let b = 0; b < batch; b += 1) {
    const sum = new Float64Array(width);
    let count = 0;
    for (let t = 0; t < sequence; t += 1) {
      if ((attentionMask[b]?.[t] ?? 0) === 0) continue;
      count += 1;
      const offset = (b * sequence + t) * width;
      for (let d = 0; d < width; d += 1) sum[d]! += hidden[offset + d]!;
    }
    let norm = 0;
    for (let d = 0; d < width; d += 1) {
      sum[d] = sum[d]! / Math.max(count, 1);
      norm += sum[d]! * sum[d]!;
    }
    // sentence-transformers clamps the norm at 1e-12 so an all-zero vector stays zero instead of NaN.
    const scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
    out.push(Array.from(sum, (v) => v * scale));
  }
  return out;
}
