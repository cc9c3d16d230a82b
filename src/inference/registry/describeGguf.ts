import type { GgmlType, GgufFileInfo, GgufFileType } from 'node-llama-cpp';

/** What the GGUF header tells without loading the weights. */
export interface GgufDescription {
  architecture: string | null;
  parameterCount: number | null;
  quantization: string | null;
  contextLength: number | null;
  /** Set when the header could not be read (corrupt or not a GGUF file). */
  error: string | null;
}

/** Reads the header and tensor table only (a few KB), never the weights. Never throws. */
export async function describeGguf(filePath: string): Promise<GgufDescription> {
  let info: GgufFileInfo;
  // Imported on the first GGUF file found (~0.7 s): an instance without GGUF models never loads node-llama-cpp.
  const llamaCpp = await import('node-llama-cpp');
  try {
    info = await llamaCpp.readGgufFileInfo(filePath, { sourceType: 'filesystem', logWarnings: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { architecture: null, parameterCount: null, quantization: null, contextLength: null, error: message };
  }
  const general = info.metadata.general;
  const declared = (general as { parameter_count?: number | bigint }).parameter_count;
  const contextLength = info.architectureMetadata.context_length;
  return {
    architecture: general.architecture ?? null,
    parameterCount: declared !== undefined ? Number(declared) : countTensorElements(info),
    quantization: general.file_type === undefined ? dominantTensorType(info, llamaCpp.GgmlType) : quantizationName(general.file_type, llamaCpp.GgufFileType),
    contextLength: typeof contextLength === 'number' ? contextLength : null,
    error: null,
  };
}

function countTensorElements(info: GgufFileInfo): number | null {
  const tensors = info.fullTensorInfo ?? info.tensorInfo;
  if (tensors === undefined) return null;
  let total = 0;
  for (const tensor of tensors) total += tensor.dimensions.reduce<number>((n, d) => n * Number(d), 1);
  return total;
}

/**
 * Files without `general.file_type` (older converters, e.g. stories260K): the type holding most weight elements
 * among matrices (1-D norms are F32 in every file, so they are skipped).
 */
function dominantTensorType(info: GgufFileInfo, ggmlTypes: typeof GgmlType): string | null {
  const tensors = info.fullTensorInfo ?? info.tensorInfo ?? [];
  const elements = new Map<GgmlType, number>();
  for (const t of tensors) {
    if (t.dimensions.length < 2) continue;
    const n = t.dimensions.reduce<number>((acc, d) => acc * Number(d), 1);
    elements.set(t.ggmlType, (elements.get(t.ggmlType) ?? 0) + n);
  }
  const top = [...elements.entries()].sort((a, b) => b[1] - a[1])[0];
  if (top === undefined) return null;
  return (ggmlTypes[top[0]] as string | undefined) ?? `ggml_type_${top[0]}`;
}

/** `MOSTLY_Q4_1` → `Q4_1`, `ALL_F32` → `F32`; unknown codes keep their number. */
export function quantizationName(fileType: GgufFileType, fileTypes: typeof GgufFileType): string {
  const name = fileTypes[fileType] as string | undefined;
  if (name === undefined) return `file_type_${fileType}`;
  return name.replace(/^(MOSTLY|ALL)_/, '');
}
