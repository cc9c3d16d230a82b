import { InferenceSession } from 'onnxruntime-node';
import { DomainError, ErrorCode } from '../../errors.js';

/**
 * Opens an onnxruntime session on the CPU. Library errors (protobuf parse failures, unsupported opsets) become
 * MODEL_LOAD_FAILED with the file named: the raw message is kept in the text for operators but its type never
 * escapes this module. Spinning is turned off because on a small shared machine (2 cores, llama.cpp beside us)
 * spin-waiting intra-op threads steal the CPU the other runs need.
 */
export async function createOnnxSession(onnxPath: string, intraOpThreads: number): Promise<InferenceSession> {
  try {
    return await InferenceSession.create(onnxPath, {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: intraOpThreads,
      interOpNumThreads: 1,
      extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError(
      ErrorCode.MODEL_LOAD_FAILED,
      `onnxruntime could not load ${onnxPath}: ${reason}. The file is probably truncated or corrupt; pull it again ` +
        '(`npm run models -- pull <uri> --sha256 <hex>`) and check its checksum.',
      { path: onnxPath },
    );
  }
}
