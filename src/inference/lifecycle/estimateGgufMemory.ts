import type { Llama } from 'node-llama-cpp';

/**
 * Bytes a GGUF model will take once loaded with one context of `sequences` × `contextSize` tokens, from the header
 * alone (node-llama-cpp's GgufInsights: weights + KV cache + compute graph). Falls back to the file size when the
 * header is unreadable; the load will then fail anyway.
 */
export async function estimateGgufMemory(
  llama: Llama,
  filePath: string,
  fileSizeBytes: number,
  contextSize: number,
  sequences: number,
): Promise<number> {
  try {
    // Imported here: node-llama-cpp is loaded by now (the runtime imported it), never at start-up.
    const { GgufInsights, readGgufFileInfo } = await import('node-llama-cpp');
    const insights = await GgufInsights.from(await readGgufFileInfo(filePath, { logWarnings: false }), llama);
    const weights = insights.estimateModelResourceRequirements({ gpuLayers: 0 });
    const context = insights.estimateContextResourceRequirements({ contextSize, modelGpuLayers: 0, sequences });
    return weights.cpuRam + weights.gpuVram + context.cpuRam + context.gpuVram;
  } catch {
    return fileSizeBytes;
  }
}

/** Per-sequence context: the model's trained length capped by `limit`. */
export function chooseContextSize(trainContextLength: number | null, limit: number): number {
  return Math.max(64, Math.min(trainContextLength ?? limit, limit));
}
