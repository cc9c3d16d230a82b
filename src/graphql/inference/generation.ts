import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JSONObject } from '../scalars.js';

export enum FinishReasonEnum {
  STOP = 'stop',
  LENGTH = 'length',
  STOP_SEQUENCE = 'stopSequence',
  CANCELLED = 'cancelled',
  TIMEOUT = 'timeout',
}
export enum ChatRoleEnum {
  SYSTEM = 'system',
  USER = 'user',
  ASSISTANT = 'assistant',
}
export enum RequestPriorityEnum {
  INTERACTIVE = 'interactive',
  BACKGROUND = 'background',
}
registerEnumType(FinishReasonEnum, { name: 'FinishReason' });
registerEnumType(ChatRoleEnum, { name: 'ChatRole' });
registerEnumType(RequestPriorityEnum, { name: 'RequestPriority', description: 'INTERACTIVE requests are served before BACKGROUND ones.' });

@InputType()
export class ChatMessageInput {
  @Field(() => ChatRoleEnum) role!: ChatRoleEnum;
  @Field(() => String) content!: string;
}

@InputType({ description: 'Exactly one of prompt and messages.' })
export class GenerateInput {
  @Field(() => String, { nullable: true, description: 'Model id or alias; the `default` alias when omitted.' }) model?: string | null;
  @Field(() => String, { nullable: true, description: 'Raw completion prompt.' }) prompt?: string | null;
  @Field(() => [ChatMessageInput], { nullable: true, description: "Chat messages, rendered with the model's chat template." }) messages?: ChatMessageInput[] | null;
  @Field(() => Float, { nullable: true, description: '0–2; default 0.8; 0 is greedy.' }) temperature?: number | null;
  @Field(() => Float, { nullable: true, description: '(0, 1]; default 0.95.' }) topP?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default 256.' }) maxTokens?: number | null;
  @Field(() => [String], { nullable: true, description: 'Up to 8 stop sequences.' }) stop?: string[] | null;
  @Field(() => Int, { nullable: true }) seed?: number | null;
  @Field(() => JSONObject, { nullable: true, description: 'A JSON schema the output must match.' }) jsonSchema?: Record<string, unknown> | null;
  @Field(() => RequestPriorityEnum, { nullable: true }) priority?: RequestPriorityEnum | null;
}

@ObjectType()
export class GenerationUsage {
  @Field(() => Int) promptTokens!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Prompt tokens found already evaluated (prefix cache) and not evaluated again; null when the backend does not say.',
  })
  cachedPromptTokens?: number | null;
  @Field(() => Int) completionTokens!: number;
  @Field(() => Float) timeToFirstTokenMs!: number;
  @Field(() => Float) tokensPerSecond!: number;
  @Field(() => Float) totalMs!: number;
  @Field(() => Boolean, { nullable: true, description: 'True when the answer was replayed from the response cache (a repeated greedy or seeded request): nothing was decoded.' })
  cached?: boolean | null;
}

@ObjectType()
export class Generation {
  @Field(() => String) text!: string;
  @Field(() => FinishReasonEnum) finishReason!: FinishReasonEnum;
  @Field(() => GenerationUsage) usage!: GenerationUsage;
  @Field(() => String, { description: 'The model (variant) that served the request.' }) model!: string;
  @Field(() => String, { nullable: true, description: 'The alias asked for, if any.' }) alias!: string | null;
}

@ObjectType({ description: 'A piece of a streamed generation; the last has done = true, the usage and the finish reason.' })
export class GenerationChunk {
  @Field(() => String) text!: string;
  @Field(() => Boolean) done!: boolean;
  @Field(() => GenerationUsage, { nullable: true }) usage!: GenerationUsage | null;
  @Field(() => FinishReasonEnum, { nullable: true }) finishReason!: FinishReasonEnum | null;
  @Field(() => String, { nullable: true }) model!: string | null;
}
