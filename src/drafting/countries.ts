/**
 * The world's states by name and demonym, from a maintained dataset (`world-countries`,
 * mledoze/countries, ODbL), so the coding assistant knows that "Armenia proposed…" and
 * "Azerbaijani officials rejected…" name states even when the graph has never heard of them.
 * Reports about talks it has never seen name their parties this way far more often than by
 * a title and a full name. Pure, offline, built once.
 */
import { createRequire } from 'node:module';

import type { Countries } from 'world-countries';

import { foldText } from '../shared/text.js';
import type { KnownActor } from './actors.js';

export interface Country {
  /** The common English name ("Armenia", "United States"). */
  name: string;
  /** Other English names: the official one and Latin-script alternatives ("Republic of Armenia"). */
  aliases: string[];
  /** English demonyms ("Armenian"), only those that name one state. */
  demonyms: string[];
}

/** Latin-script names of at least four characters with a lower-case letter: not ISO codes ("US", "AM"), which collide with words. */
const isUsableName = (name: string) => name.length >= 4 && /\p{Ll}/u.test(name) && /^[\p{Script=Latin}\s.'’,-]+$/u.test(name) && !name.includes(',');

let built: readonly Country[] | undefined;

export function countries(): readonly Country[] {
  if (built) return built;
  // The package is CommonJS with types that describe an ES default export; its data file is
  // what both mean, so it is read directly.
  const worldCountries = createRequire(import.meta.url)('world-countries/countries.json') as Countries;
  const sovereign = (c: Countries[number]) => c.independent === true && c.unMember;
  // A demonym shared by several entries names the one sovereign state among them ("French":
  // France, not its southern lands), and none when two sovereign states share it ("Congolese").
  const owners = new Map<string, Array<Countries[number]>>();
  for (const c of worldCountries) {
    for (const d of new Set([c.demonyms?.['eng']?.m, c.demonyms?.['eng']?.f])) if (d) owners.set(d, [...(owners.get(d) ?? []), c]);
  }
  const demonymOwner = (d: string) => {
    const all = owners.get(d) ?? [];
    const states = all.length === 1 ? all : all.filter(sovereign);
    return states.length === 1 ? states[0] : undefined;
  };
  built = worldCountries.map((c) => ({
    name: c.name.common,
    aliases: [...new Set([c.name.official, ...c.altSpellings].filter((n) => n !== c.name.common && isUsableName(n)))],
    demonyms: [...new Set([c.demonyms?.['eng']?.m, c.demonyms?.['eng']?.f])].filter((d): d is string => !!d && demonymOwner(d) === c),
  }));
  return built;
}

/** Prefix of the ids given, within one draft, to actors the graph does not know. */
export const NEW_ID = 'new:';

/**
 * The graph's actors, each state given the demonyms of its country, and the states the graph
 * does not know as new actors (kind STATE). A country counts as known when one of its names is
 * the name or an alias of a graph actor.
 */
export function withCountries(actors: readonly KnownActor[]): KnownActor[] {
  const byName = new Map<string, KnownActor>();
  for (const actor of actors) for (const name of [actor.name, ...actor.aliases]) byName.set(foldText(name), actor);
  const known = new Map<string, string[]>();
  const unknown: KnownActor[] = [];
  for (const country of countries()) {
    const actor = [country.name, ...country.aliases].map((n) => byName.get(foldText(n))).find((a) => a !== undefined);
    if (!actor) unknown.push({ id: `${NEW_ID}${country.name}`, name: country.name, kind: 'STATE', aliases: country.aliases, demonyms: country.demonyms });
    else if (actor.kind === 'STATE') known.set(actor.id, [...(known.get(actor.id) ?? []), ...country.demonyms]);
  }
  return [...actors.map((a) => (known.has(a.id) ? { ...a, demonyms: [...(a.demonyms ?? []), ...(known.get(a.id) ?? [])] } : a)), ...unknown];
}
