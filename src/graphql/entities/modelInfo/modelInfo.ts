import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafeInt } from '../../scalars.js';

export enum ModelBackendEnum {
  CPU = 'cpu',
  CUDA = 'cuda',
  VULKAN = 'vulkan',
  METAL = 'metal',
  REMOTE = 'remote',
}
export enum ModelRuntimeEnum {
  NODE_LLAMA_CPP = 'node-llama-cpp',
  LLAMA_SERVER = 'llama-server',
  ONNXRUNTIME = 'onnxruntime',
  REMOTE = 'remote',
}
export enum ModelStateEnum {
  AVAILABLE = 'available',
  LOADING = 'loading',
  READY = 'ready',
  FAILED = 'failed',
  UNLOADED = 'unloaded',
}
export enum ModelFormatEnum {
  GGUF = 'gguf',
  ONNX = 'onnx',
  REMOTE = 'remote',
}
registerEnumType(ModelBackendEnum, { name: 'ModelBackend', description: 'REMOTE: an OpenAI-compatible server named in the manifest serves it.' });
registerEnumType(ModelRuntimeEnum, {
  name: 'ModelRuntime',
  description:
    'What runs the model. NODE_LLAMA_CPP: llama.cpp inside the engine (the default for GGUF). LLAMA_SERVER: a llama.cpp server process the engine starts and supervises (OET_GGUF_RUNTIME=llama-server). ONNXRUNTIME: onnxruntime inside the engine. REMOTE: an OpenAI-compatible server named in the manifest.',
});
registerEnumType(ModelStateEnum, { name: 'ModelState', description: 'AVAILABLE: on disk, not loaded. UNLOADED: was loaded, since unloaded or evicted.' });
registerEnumType(ModelFormatEnum, { name: 'ModelFormat', description: 'REMOTE: no local file; an OpenAI-compatible server named in the manifest serves it.' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A model file the engine can serve, and its state.' })
export class ModelInfo {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ModelFormatEnum) format!: ModelFormatEnum;
  @Field(() => String, { description: 'text-generation, feature-extraction, token-classification or text-classification.' }) task!: string;
  @Field(() => String, { nullable: true }) architecture!: string | null;
  @Field(() => SafeInt, { nullable: true }) parameterCount!: number | null;
  @Field(() => String, { nullable: true, description: 'e.g. Q4_1, F16, int8.' }) quantization!: string | null;
  @Field(() => SafeInt) fileSizeBytes!: number;
  @Field(() => Int, { nullable: true }) contextLength!: number | null;
  @Field(() => ModelBackendEnum) backend!: ModelBackendEnum;
  @Field(() => ModelRuntimeEnum) runtime!: ModelRuntimeEnum;
  @Field(() => ModelStateEnum) state!: ModelStateEnum;
  @Field(() => SafeInt, { description: 'Memory attributed to the model while loaded; 0 otherwise.' }) memoryBytes!: number;
  @Field(() => [String], { description: 'Aliases that route (some) traffic to this model.' }) aliases!: string[];
  @Field(() => String, { nullable: true, description: 'Why the last load failed.' }) error!: string | null;
  @Field(() => String, { nullable: true }) sha256!: string | null;
  @Field(() => String, { nullable: true }) sourceUri!: string | null;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
}

@ObjectType()
export class ModelAliasVariant {
  @Field(() => ID) modelId!: string;
  @Field(() => Float, { description: 'Relative share of traffic.' }) weight!: number;
}

@ObjectType({ description: 'A name that routes requests to one model, or splits them between variants (A/B).' })
export class ModelAlias {
  @Field(() => String) name!: string;
  @Field(() => [ModelAliasVariant]) variants!: ModelAliasVariant[];
}
