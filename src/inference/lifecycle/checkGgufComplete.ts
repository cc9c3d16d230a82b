import { stat } from 'node:fs/promises';
import { GgufInsights, readGgufFileInfo, type Llama } from 'node-llama-cpp';

/**
 * Throws when a GGUF file is shorter than the tensors its header describes (an interrupted download or copy).
 *
 * Why before llama.loadModel: node-llama-cpp 3.21 leaves the LlamaModel of a failed load undisposed, still holding a
 * prevent-disposal handle on the llama backend. Once the garbage collector takes that object, `llama.dispose()` waits
 * for the handle for ever (reproduced: a truncated file, `gc()`, then dispose never resolves), so a truncated file
 * must never reach the native load. Other native failures are covered by the bounded dispose in llamaRuntime.ts.
 */
export async function checkGgufComplete(llama: Llama, filePath: string): Promise<void> {
  const info = await readGgufFileInfo(filePath, { logWarnings: false });
  const tensors = info.fullTensorInfo ?? info.tensorInfo ?? [];
  // Split models (file parts) are checked by llama.cpp itself: their offsets are per part.
  if (tensors.length === 0 || tensors.some((t) => t.filePart > 1)) return;
  const { size } = await stat(filePath);
  const lastStart = tensors.reduce((max, t) => Math.max(max, Number(t.fileOffset)), 0);
  const tensorBytes = (await GgufInsights.from(info, llama)).modelSize;
  if (size <= lastStart || size < tensorBytes) {
    throw new Error(`GGUF file is ${size} bytes; its tensors need ${Math.max(lastStart + 1, tensorBytes)} or more (last tensor at ${lastStart})`);
  }
}
