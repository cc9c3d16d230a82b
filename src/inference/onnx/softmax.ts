/** Softmax of `logits[offset .. offset+length)`, shifted by the max so large logits cannot overflow to Infinity. */
export function softmax(logits: Float32Array, offset: number, length: number): number[] {
  let max = -Infinity;
  for (let i = 0; i < length; i += 1) max = Math.max(max, logits[offset + i]!);
  const exps: number[] = [];
  let total = 0;
  for (let i = 0; i < length; i += 1) {
    const e = Math.exp(logits[offset + i]! - max);
    exps.push(e);
    total += e;
  }
  return exps.map((e) => e / total);
}

/** Index and value of the largest element. */
export function argmax(values: readonly number[]): { index: number; value: number } {
  let index = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i]! > values[index]!) index = i;
  return { index, value: values[index] ?? 0 };
}
