/** `npm run schema:emit`: writes schema/schema.graphql from the type-graphql classes. */
import 'reflect-metadata';

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderSchemaSdl } from '../src/graph/schema-sdl.js';
import { PROJECT_ROOT } from '../src/config/paths.js';

const target = join(PROJECT_ROOT, 'schema', 'schema.graphql');
mkdirSync(join(PROJECT_ROOT, 'schema'), { recursive: true });
writeFileSync(target, await renderSchemaSdl());
console.log(`Wrote ${target}`);
