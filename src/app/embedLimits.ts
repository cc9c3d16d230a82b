/** Most texts one embedding call may carry (GraphQL `embed`, `/v1/embeddings`); the ONNX engine batches them into few runs. */
export const MAX_EMBED_TEXTS = 64;
