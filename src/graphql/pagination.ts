import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: '1–100.' })
  first!: number;

  @Field(() => ID, { nullable: true, description: 'Cursor: the id of the last item of the previous page.' })
  after?: string | null;
}

export function clampPage(first: number): number {
  return Math.min(100, Math.max(1, Math.trunc(first)));
}
