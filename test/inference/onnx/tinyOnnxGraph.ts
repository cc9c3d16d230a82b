/**
 * Writes tiny but real ONNX graphs for tests of the classification paths (no classifier model can be had here).
 * The graph looks each token id up in a [vocab, labels] table, so a test chooses the logits per token exactly.
 * Hand-rolled protobuf: only the ModelProto fields these graphs need (onnx.proto3 field numbers in comments).
 */

type Field = Uint8Array;

function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0n);
  return bytes;
}

const concat = (parts: Field[]): Field => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const int = (field: number, value: number | bigint): Field => Uint8Array.from([...varint(field << 3), ...varint(value)]);
const bytes = (field: number, value: Field): Field => concat([Uint8Array.from([...varint((field << 3) | 2), ...varint(value.length)]), value]);
const str = (field: number, value: string): Field => bytes(field, new TextEncoder().encode(value));
const msg = (field: number, ...parts: Field[]): Field => bytes(field, concat(parts));

const FLOAT = 1;
const INT64 = 7;

/** ValueInfoProto: name 1, type 2 → TypeProto.tensor_type 1 → elem_type 1, shape 2 → dim 1 (dim_param 2). */
function valueInfo(field: number, name: string, elemType: number, dims: string[]): Field {
  const shape = dims.map((d) => msg(1, /^\d+$/.test(d) ? int(1, Number(d)) : str(2, d)));
  return msg(field, str(1, name), msg(2, msg(1, int(1, elemType), msg(2, ...shape))));
}

/** NodeProto: input 1, output 2, name 3, op_type 4, attribute 5 (name 1, i 3, ints 8, type 20: INT 2, INTS 7). */
function node(inputs: string[], outputs: string[], opType: string, attributes: Record<string, number | number[]> = {}): Field {
  const encoded = Object.entries(attributes).map(([name, value]) =>
    Array.isArray(value) ? msg(5, str(1, name), ...value.map((v) => int(8, v)), int(20, 7)) : msg(5, str(1, name), int(3, value), int(20, 2)),
  );
  return msg(1, ...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, `${opType}_0`), str(4, opType), ...encoded);
}

/**
 * `logits[b, t, :] = table[input_ids[b, t], :]` (token classification) or its mean over the sequence (text
 * classification: `logits[b, :]`). Inputs: input_ids and attention_mask only (no token_type_ids).
 */
export function tinyClassifierGraph(table: Float32Array, vocabSize: number, labels: number, kind: 'token' | 'text'): Uint8Array {
  // TensorProto: dims 1, data_type 2, name 8, raw_data 9 (little-endian floats).
  const initializer = msg(5, int(1, vocabSize), int(1, labels), int(2, FLOAT), str(8, 'table'), bytes(9, new Uint8Array(table.buffer, table.byteOffset, table.byteLength)));
  const nodes =
    kind === 'token'
      ? [node(['table', 'input_ids'], ['logits'], 'Gather')]
      : [node(['table', 'input_ids'], ['per_token'], 'Gather'), node(['per_token'], ['logits'], 'ReduceMean', { axes: [1], keepdims: 0 })];
  const graph = msg(
    7,
    ...nodes,
    str(2, 'tiny'),
    initializer,
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'sequence']),
    valueInfo(12, 'logits', FLOAT, kind === 'token' ? ['batch', 'sequence', String(labels)] : ['batch', String(labels)]),
  );
  // ModelProto: ir_version 1, producer_name 2, graph 7, opset_import 8 (domain 1, version 2).
  return concat([int(1, 8), str(2, 'oet-test'), graph, msg(8, str(1, ''), int(2, 13))]);
}
