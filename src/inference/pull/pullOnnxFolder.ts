import path from 'node:path';
import { DomainError, ErrorCode } from '../../errors.js';
import { pullModel, type PullModelOptions, type PullResult } from './pullModel.js';

/** Files that sit beside the graph in a Xenova-layout repo; the first three are needed to load the model. */
export const ONNX_SIDECARS = [
  { file: 'config.json', required: true },
  { file: 'tokenizer.json', required: true },
  { file: 'tokenizer_config.json', required: true },
  { file: 'special_tokens_map.json', required: false },
  { file: 'vocab.txt', required: false },
] as const;

/**
 * URI of a file beside the graph. Hub repos in the Xenova layout keep graphs in `onnx/` and the tokenizer at the
 * repo root, so a graph under `…/onnx/` looks one level up; otherwise beside the graph.
 */
export function sidecarUri(graphUri: string, file: string): string {
  const parts = graphUri.split('/');
  parts.pop();
  if (parts.at(-1) === 'onnx') parts.pop();
  return [...parts, file].join('/');
}

export interface PullOnnxFolderOptions extends Omit<PullModelOptions, 'destinationPath'> {
  /** The model folder to fill: the graph goes to `<folder>/onnx/<graph file name>`. */
  folder: string;
}

/**
 * Pulls an ONNX graph and its tokenizer/config into a Xenova-layout folder that `loadOnnxModel` can open. The
 * checksum covers the graph (the large, security-relevant file); optional sidecars missing upstream (404) are skipped.
 */
export async function pullOnnxFolder(options: PullOnnxFolderOptions): Promise<PullResult & { sidecars: string[] }> {
  const { folder, ...rest } = options;
  const graphName = options.uri.split('/').pop() ?? '';
  if (!graphName.endsWith('.onnx')) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `"${options.uri}" does not name an .onnx file.`, { uri: options.uri });
  }
  const graph = await pullModel({ ...rest, destinationPath: path.join(folder, 'onnx', graphName) });
  const sidecars: string[] = [];
  for (const { file, required } of ONNX_SIDECARS) {
    try {
      await pullModel({
        uri: sidecarUri(options.uri, file),
        destinationPath: path.join(folder, file),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
        ...(options.hfEndpoint ? { hfEndpoint: options.hfEndpoint } : {}),
      });
      sidecars.push(file);
    } catch (error) {
      const notThere = error instanceof DomainError && error.code === ErrorCode.MODEL_NOT_FOUND;
      if (required || !notThere) throw error;
    }
  }
  return { ...graph, sidecars };
}
