import { z } from 'zod';
import type { Transport } from '@/lib/twenty/transport';
import type { FieldInfo } from '@/lib/twenty/views/operands';

// The workspace's objects from /metadata in one call: each object's names (a published number
// widget asks `<namePlural>(filter)`) and its fields by id (a saved view's or a widget filter's
// translation needs the field map; an aggregate field's type tells an amount from a count). Every
// object is listed, readable by the key or not: what the key may read is learnt from Twenty's
// answers (FORBIDDEN), never guessed from here. Only select options are kept (the search text
// matches them); other kinds' options are not ours to judge.

const OBJECTS = `query WorkspaceObjects {
  objects(paging: { first: 1000 }, filter: {}) {
    edges { node { id nameSingular namePlural fields(paging: { first: 1000 }, filter: {}) { edges { node { id name type options } } } } }
  }
}`;

const optionSchema = z.object({ value: z.string(), label: z.string() });
const objectsSchema = z.object({
  objects: z.object({
    edges: z.array(
      z.object({
        node: z.object({
          id: z.string(),
          nameSingular: z.string(),
          namePlural: z.string(),
          fields: z.object({ edges: z.array(z.object({ node: z.object({ id: z.string(), name: z.string(), type: z.string(), options: z.unknown() }) })) }),
        }),
      }),
    ),
  }),
});

export type TwentyObject = { id: string; nameSingular: string; namePlural: string; fields: Map<string, FieldInfo> };

function optionsOf(options: unknown): FieldInfo['options'] {
  const parsed = z.array(optionSchema).safeParse(options);
  return parsed.success ? parsed.data : null;
}

export async function readObjects(transport: Transport): Promise<Map<string, TwentyObject>> {
  const data = await transport.runQuery({ endpoint: 'metadata', document: OBJECTS, schema: objectsSchema });
  return new Map(
    data.objects.edges.map(({ node }) => [
      node.id,
      {
        id: node.id,
        nameSingular: node.nameSingular,
        namePlural: node.namePlural,
        fields: new Map(node.fields.edges.map(({ node: f }) => [f.id, { name: f.name, type: f.type, options: optionsOf(f.options) }])),
      },
    ]),
  );
}
