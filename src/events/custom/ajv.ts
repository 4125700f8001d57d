/**
 * The ajv instances for custom schemas, one per draft, made on first use. Apart from the
 * Console's (validator.ts): a user's schema may carry any `$id`, and `addUsedSchema: false`
 * keeps every compile on its own, so two files with the same `$id` never collide.
 */
import type { ValidateFunction } from 'ajv';
import AjvModule from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** The JSON Schema drafts a custom schema may be written in. */
export type SchemaDraft = '2020-12' | 'draft-07';

// ajv and ajv-formats are CommonJS: the default import is module.exports, whose `default` is the class.
const Ajv07 = AjvModule.default;
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

type AnyAjv = InstanceType<typeof Ajv07> | InstanceType<typeof Ajv2020>;

const instances = new Map<SchemaDraft, AnyAjv>();

export function ajvFor(draft: SchemaDraft): AnyAjv {
  let ajv = instances.get(draft);
  if (!ajv) {
    // strict: false because a schema written for the Console (or for its editor) carries
    // annotations ajv's strict mode rejects (examples beside anyOf, x-... keywords); verbose
    // gives the failing subschema so errors can name what is allowed.
    const options = {
      allErrors: true,
      strict: false,
      verbose: true,
      addUsedSchema: false,
      logger: false,
    } as const;
    ajv = draft === 'draft-07' ? new Ajv07(options) : new Ajv2020(options);
    addFormats(ajv);
    instances.set(draft, ajv);
  }
  return ajv;
}

/** The draft a schema declares with `$schema`; no `$schema` means 2020-12, as the Console's. */
export const DRAFT_URIS: Readonly<Record<string, SchemaDraft>> = {
  'https://json-schema.org/draft/2020-12/schema': '2020-12',
  'https://json-schema.org/draft/2020-12/schema#': '2020-12',
  'http://json-schema.org/draft-07/schema#': 'draft-07',
  'http://json-schema.org/draft-07/schema': 'draft-07',
  'https://json-schema.org/draft-07/schema#': 'draft-07',
  'https://json-schema.org/draft-07/schema': 'draft-07',
};

export type { ValidateFunction };
