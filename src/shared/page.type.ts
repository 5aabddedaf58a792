import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

/** A page of a bounded list, with the total so clients know how many there are. */
export function PageOf<T extends object>(itemType: ClassType<T> | (abstract new () => T), name: string) {
  @ObjectType(`${name}Page`, { description: `A page of ${name} items and how many there are in total.` })
  abstract class Page {
    @Field(() => Int, { description: 'How many items match, over all pages.' })
    total!: number;

    @Field(() => Int, { description: 'The limit this page was cut at.' })
    limit!: number;

    @Field(() => Int, { description: 'How many items came before this page.' })
    offset!: number;

    @Field(() => [itemType], { description: 'The items of this page, in a stable order.' })
    items!: T[];
  }
  return Page;
}
