/**
 * Bad contract files (issue 5, item 3): over a thousand generated mutations of the shipped src/contracts/*.json, each
 * built so that it is certainly invalid, each rejected by ContractRegistry.load with a ContractLoadError whose message
 * reads `file: path: reason`, and the registry's contracts untouched afterwards.
 *
 * The generator is deterministic (a seeded PRNG) and schema-directed: it walks each file alongside
 * src/schema/contract.schema.json, so it finds every label, amount, citation, year, id and closed object wherever the
 * schema puts them (and follows the schema when it grows). Two families of mutation:
 *   - schema mutations (missing required key, wrong type, amount or number out of range, look-alike letters, bad
 *     citation form, bad year or id, unknown key): kept only when Ajv (a full JSON Schema validator) also rejects the
 *     file, so a mutation that happens to stay valid is excluded, never counted;
 *   - semantic mutations (duplicate labels, deleted elements that other parts refer to, citations into undeclared
 *     sources or backwards line ranges, years the contract does not cover, amounts with more decimal places than their
 *     rounding rule keeps, not JSON, oversized, nested too deep): each applied only
 *     where its precondition makes the file certainly invalid (e.g. a lane is deleted only from a schedule whose
 *     tables have one value per lane).
 * For the schema mutations the reported path must be the mutated place or one of its ancestors.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import schemaJson from '../../src/schema/contract.schema.json';
import { ContractLoadError, ContractRegistry, createRegistry, Engine, MAX_CONTRACT_CHARS, MAX_CONTRACT_DEPTH } from '../../src';

const CONTRACTS = path.join(__dirname, '../../src/contracts');
const files = fs
  .readdirSync(CONTRACTS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(CONTRACTS, name), 'utf8') }));
const originals = files.map((f) => ({ name: f.name, data: JSON.parse(f.text) }));
/** A deep copy (the files are plain JSON). */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const ajv = new Ajv({ strict: true, allowUnionTypes: true, discriminator: true, strictRequired: false });
const ajvValidate = ajv.compile(schemaJson);

// ------------------------------------------------------------------------------------------------ PRNG (mulberry32)
let seed = 0x5eed2025;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];

// ------------------------------------------------------------------------------------------------ schema walk
interface Node { $ref?: string; type?: string | string[]; const?: unknown; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number; exclusiveMinimum?: number;
  properties?: Record<string, Node>; required?: string[]; additionalProperties?: boolean | Node; items?: Node; anyOf?: Node[]; oneOf?: Node[]; discriminator?: { propertyName: string }; minItems?: number }
const schema = schemaJson as unknown as Node & { definitions: Record<string, Node> };
const defs = schema.definitions;
const resolve = (n: Node): Node => {
  while (n.$ref) n = defs[n.$ref.replace('#/definitions/', '')];
  return n;
};
type Path = (string | number)[];
interface Site { path: Path; value: unknown; node: Node }
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every value of a document with the schema node that governs it. */
function sitesOf(doc: unknown): Site[] {
  const out: Site[] = [];
  const walk = (node0: Node, v: unknown, p: Path) => {
    let node = resolve(node0);
    if (node.oneOf && node.discriminator && isObject(v)) {
      const tag = v[node.discriminator.propertyName];
      const branch = node.oneOf.map(resolve).find((b) => b.properties?.[node.discriminator!.propertyName]?.const === tag);
      if (branch) node = branch;
    }
    out.push({ path: p, value: v, node });
    if (Array.isArray(v) && node.items) v.forEach((x, i) => walk(node.items!, x, [...p, i]));
    if (isObject(v))
      for (const [k, x] of Object.entries(v)) {
        const sub = node.properties?.[k] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
        if (sub) walk(sub, x, [...p, k]);
      }
  };
  walk(schema, doc, []);
  return out;
}
const is = (n: Node, def: string) => n === defs[def] || (n.anyOf ?? []).some((b) => resolve(b) === defs[def]);

const readable = (p: Path) => p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
const getAt = (doc: any, p: Path) => p.reduce((o, k) => o[k], doc);
const setAt = (doc: any, p: Path, v: unknown) => (getAt(doc, p.slice(0, -1))[p[p.length - 1]] = v);
const deleteAt = (doc: any, p: Path) => {
  const parent = getAt(doc, p.slice(0, -1));
  const k = p[p.length - 1];
  if (Array.isArray(parent)) parent.splice(k as number, 1);
  else delete parent[k];
};
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);
/** True when no branch of the node can accept v (type, const or enum excludes it). */
function surelyInvalid(n0: Node, v: unknown): boolean {
  const n = resolve(n0);
  if (n.anyOf) return n.anyOf.every((b) => surelyInvalid(b, v));
  if (n.oneOf) return n.oneOf.every((b) => surelyInvalid(b, v));
  if (n.type !== undefined) {
    const t = jsonType(v);
    const types = Array.isArray(n.type) ? n.type : [n.type];
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return true;
  }
  if (n.const !== undefined && v !== n.const) return true;
  if (n.enum && !n.enum.includes(v)) return true;
  return false;
}

// ------------------------------------------------------------------------------------------------ the mutations
interface Mutant { kind: string; file: string; content: string | object; where: string; what: string; schemaKind: boolean }
type Doc = any;
/** A mutation: given a fresh copy of a file and its sites, mutates it and says where and what, or returns undefined when it does not apply. */
type Mutation = (doc: Doc, sites: Site[]) => { where: Path; what: string } | undefined;

const LOOKALIKES: Record<string, string[]> = {
  A: ['\u0410', '\u0391'], B: ['\u0412', '\u0392'], C: ['\u0421'], E: ['\u0415', '\u0395'], H: ['\u041D', '\u0397'], I: ['\u0406', '\u0399'],
  K: ['\u041A', '\u039A'], M: ['\u041C', '\u039C'], N: ['\u039D'], O: ['\u041E', '\u039F'], P: ['\u0420', '\u03A1'], T: ['\u0422', '\u03A4'],
  X: ['\u0425', '\u03A7'], Y: ['\u03A5'], Z: ['\u0396'], a: ['\u0430', '\u03B1'], c: ['\u0441'], e: ['\u0435'], o: ['\u043E', '\u03BF'], p: ['\u0440', '\u03C1'], x: ['\u0445', '\u03C7'], y: ['\u0443'],
};
/** The sites a predicate selects, memoised per file and predicate (the predicates depend on the site alone). */
const selections = new WeakMap<Site[], Map<string, Site[]>>();
const sitesWhere = (sites: Site[], f: (s: Site) => boolean): Site[] => {
  let byPredicate = selections.get(sites);
  if (!byPredicate) selections.set(sites, (byPredicate = new Map()));
  const key = f.toString();
  let hit = byPredicate.get(key);
  if (!hit) byPredicate.set(key, (hit = sites.filter(f)));
  return hit;
};
const variantOf = (label: string) => {
  // the same label as someone might retype it: other case, spaces moved
  const squeezed = label.replace(/\s+/g, '');
  const cased = [...squeezed].map((ch) => (random() < 0.5 ? ch.toLowerCase() : ch.toUpperCase())).join('');
  return random() < 0.5 ? cased : ` ${cased.split('').join(random() < 0.5 ? ' ' : '')} `.trim();
};
const sourcesOf = (doc: Doc): string[] => doc.sources.map((s: { file: string }) => s.file);
const allCites = (sites: Site[]) => sitesWhere(sites, (s) => is(s.node, 'cite') && typeof s.value === 'string').map((s) => s.value as string);

const schemaMutations: Record<string, Mutation> = {
  'missing required key': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => isObject(x.value) && (x.node.required ?? []).some((k) => k in (x.value as object))));
    if (!s) return undefined;
    const key = pick((s.node.required ?? []).filter((k) => k in (s.value as object)));
    deleteAt(doc, [...s.path, key]);
    return { where: [...s.path, key], what: `deleted required "${key}"` };
  },
  'wrong type': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => x.path.length > 0));
    const candidates: unknown[] = ['47,928', 'x', 42, 2.5, true, null, [], {}, [1, 2], { value: 1 }].filter((c) => surelyInvalid(s.node, c));
    if (!candidates.length) return undefined;
    const v = pick(candidates);
    setAt(doc, s.path, v);
    return { where: s.path, what: `${JSON.stringify(s.value)?.slice(0, 30)} -> ${JSON.stringify(v)}` };
  },
  'negative amount': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => is(x.node, 'amount') && typeof x.value === 'number'));
    const min = defs.amount.minimum;
    if (!s || min === undefined) return undefined;
    const v = -pick([0.01, 1, 100, 46146, 1e6, 1e9]) + Math.min(0, min);
    setAt(doc, s.path, v);
    return { where: s.path, what: `${s.value} -> ${v}` };
  },
  'huge amount': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => is(x.node, 'amount') && typeof x.value === 'number'));
    const max = defs.amount.maximum;
    if (!s || max === undefined) return undefined;
    const v = max + pick([0.01, 1, 1e6, 1e12, 1e300]);
    setAt(doc, s.path, v);
    return { where: s.path, what: `${s.value} -> ${v}` };
  },
  'number out of range (percents, places, steps, divisors …)': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => typeof x.value === 'number' && !is(x.node, 'amount') && (x.node.minimum !== undefined || x.node.maximum !== undefined || x.node.exclusiveMinimum !== undefined)));
    if (!s) return undefined;
    const n = s.node;
    const below = n.minimum !== undefined ? n.minimum - pick([1, 1000]) : n.exclusiveMinimum !== undefined ? n.exclusiveMinimum - pick([0, 1]) : undefined;
    const above = n.maximum !== undefined ? n.maximum + pick([1, 1000]) : undefined;
    const v = below !== undefined && (above === undefined || random() < 0.5) ? below : above!;
    setAt(doc, s.path, v);
    return { where: s.path, what: `${s.value} -> ${v}` };
  },
  'look-alike letter (Cyrillic, Greek) in a label or id': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => (is(x.node, 'label') || is(x.node, 'id') || x.path.join('.') === 'id') && typeof x.value === 'string'));
    if (!s) return undefined;
    const text = s.value as string;
    const spots = [...text].map((ch, i) => [ch, i] as const).filter(([ch]) => LOOKALIKES[ch]);
    let v: string;
    if (spots.length) {
      const [ch, i] = pick(spots);
      v = text.slice(0, i) + pick(LOOKALIKES[ch]) + text.slice(i + 1);
    } else v = pick(['\u041C\u0410', '\u0392\u0391', '\u0421']) + text;
    setAt(doc, s.path, v);
    return { where: s.path, what: `${JSON.stringify(text)} -> ${JSON.stringify(v)}` };
  },
  'citation of the wrong form': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => is(x.node, 'cite') && typeof x.value === 'string'));
    if (!s) return undefined;
    const [file, lines] = (s.value as string).split(':');
    const v = pick([file, `${file}:`, `${file}:0`, `${file}:abc`, `${file}:12-`, `${file}: 12`, ` ${file}:12`, `${file}:012`, `${file}:12345678`, `${file}:${lines}:${lines}`, '', `line ${lines}`, `${file.replace(/\.txt$/, '')}:${lines}`, `${file}:\u0031\u0662`]);
    setAt(doc, s.path, v);
    return { where: s.path, what: `${JSON.stringify(s.value)} -> ${JSON.stringify(v)}` };
  },
  'year of the wrong form': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => is(x.node, 'year') && typeof x.value === 'string'));
    if (!s) return undefined;
    const y = s.value as string;
    const start = y.slice(0, 4);
    const v = pick([`${start}-${Number(start) + 1}`, `FY${Number(start) + 1}`, `${start}/${y.slice(5)}`, start, y.slice(2), `${start}\u2013${y.slice(5)}`, ` ${y}`, `1899-00`, '']);
    setAt(doc, s.path, v);
    return { where: s.path, what: `${y} -> ${JSON.stringify(v)}` };
  },
  'id of the wrong form': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => (is(x.node, 'id') || x.path.join('.') === 'id') && typeof x.value === 'string'));
    if (!s) return undefined;
    const id = s.value as string;
    const v = pick([id.toUpperCase() + 'X', `${id} x`, `${id}_x`, `-${id}`, `${id}--x`, `${id}/`, '', `${id}.json`]);
    setAt(doc, s.path, v);
    return { where: s.path, what: `${JSON.stringify(id)} -> ${JSON.stringify(v)}` };
  },
  'unknown key': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => isObject(x.value) && x.node.additionalProperties === false));
    if (!s) return undefined;
    // (keys named like Object.prototype members are accepted today: see "known loader bugs" below)
    const key = pick(['tabels', 'Lanes', 'cite ', 'Cite', 'value', 'notes2', 'amount_', 'x', 'years ', '$comment', 'id2']);
    if (s.node.properties && Object.prototype.hasOwnProperty.call(s.node.properties, key)) return undefined;
    Object.defineProperty(getAt(doc, s.path), key, { value: pick([1, 'x', null, [], {}]), enumerable: true, configurable: true, writable: true });
    return { where: [...s.path, key], what: `added "${key}"` };
  },
};

const semanticMutations: Record<string, Mutation> = {
  'duplicate label or id (after ignoring case and spaces)': (doc) => {
    const options: (() => { where: Path; what: string } | undefined)[] = [
      () => {
        // an alias (or the label) of one lane/step that another lane/step already has
        const si = int(doc.schedules.length);
        const axis = pick(['lanes', 'steps']);
        const items = doc.schedules[si][axis];
        if (items.length < 2) return undefined;
        const a = int(items.length);
        let b = int(items.length - 1);
        if (b >= a) b++;
        const name = variantOf(pick([items[a].label, ...items[a].aliases]));
        if (random() < 0.7) {
          items[b].aliases.push(name);
          return { where: ['schedules', si, axis, b, 'aliases', items[b].aliases.length - 1], what: `"${name}" also names ${axis}[${a}] "${items[a].label}"` };
        }
        const old = items[b].label;
        items[b].label = name;
        return { where: ['schedules', si, axis, b, 'label'], what: `label "${old}" -> "${name}", which ${axis}[${a}] already is` };
      },
      () => {
        const items = doc.stipends?.items;
        if (!items || items.length < 2) return undefined;
        const a = int(items.length);
        let b = int(items.length - 1);
        if (b >= a) b++;
        items[b].activity = variantOf(items[a].activity);
        items[b].role = variantOf(items[a].role);
        return { where: ['stipends', 'items', b], what: `activity/role made the same as items[${a}] (${items[a].activity} / ${items[a].role})` };
      },
      () => {
        const list = pick(['terms', 'rates', 'schedules'].filter((k) => (doc[k]?.length ?? 0) >= 2));
        if (!list) return undefined;
        const a = int(doc[list].length);
        let b = int(doc[list].length - 1);
        if (b >= a) b++;
        doc[list][b].id = doc[list][a].id;
        return { where: [list, b, 'id'], what: `id made "${doc[list][a].id}" like ${list}[${a}]` };
      },
      () => {
        if (doc.years.length < 2) return undefined;
        const a = int(doc.years.length);
        let b = int(doc.years.length - 1);
        if (b >= a) b++;
        doc.years[b] = doc.years[a];
        return { where: ['years', b], what: `years[${b}] made ${doc.years[a]} like years[${a}]` };
      },
      () => {
        const steps = doc.stipends?.experienceSteps;
        if (!steps || steps.length < 2) return undefined;
        const a = int(steps.length);
        let b = int(steps.length - 1);
        if (b >= a) b++;
        steps[b].label = variantOf(steps[a].label);
        return { where: ['stipends', 'experienceSteps', b, 'label'], what: `experience step label made "${steps[b].label}" like [${a}]` };
      },
    ];
    return pick(options)();
  },
  'deleted element that others refer to': (doc, sites) => {
    const cites = allCites(sites);
    const options: (() => { where: Path; what: string } | undefined)[] = [
      () => {
        const k = int(doc.sources.length);
        const file = doc.sources[k].file;
        if (!cites.some((c) => c.startsWith(file + ':'))) return undefined;
        doc.sources.splice(k, 1);
        return { where: ['sources', k], what: `deleted source ${file}, which citations name` };
      },
      () => {
        const si = int(doc.schedules.length);
        const s = doc.schedules[si];
        const byStep = s.tables.some((t: any) => t.rows.some((r: any) => r.steps));
        const j = int(s.lanes.length);
        const referenced = s.tables.some((t: any) => t.rows.some((r: any) => r.lanes?.includes(s.lanes[j].label)));
        if (!byStep && !referenced) return undefined;
        s.lanes.splice(j, 1);
        return { where: ['schedules', si, 'lanes', j], what: `deleted lane ${s.lanes[j]?.label ?? ''} (rows have one value per lane, or name it)` };
      },
      () => {
        const si = int(doc.schedules.length);
        const s = doc.schedules[si];
        const byLane = s.tables.some((t: any) => t.rows.some((r: any) => r.lanes));
        const j = int(s.steps.length);
        const label = s.steps[j].label;
        const referenced = s.tables.some((t: any) => t.rows.some((r: any) => r.steps?.includes(label)));
        if (!byLane && !referenced) return undefined;
        s.steps.splice(j, 1);
        return { where: ['schedules', si, 'steps', j], what: `deleted step ${label}, which a row names (or rows have one value per step)` };
      },
      () => {
        const k = int(doc.years.length);
        const y = doc.years[k];
        const used = doc.schedules.some((s: any) => s.tables.some((t: any) => t.year === y)) || doc.agreements.some((a: any) => a.years.includes(y));
        if (!used || doc.years.length < 2) return undefined;
        doc.years.splice(k, 1);
        return { where: ['years', k], what: `deleted year ${y}, which tables or agreements name` };
      },
      () => {
        const key = pick(Object.keys(doc.rounding));
        const refs = [
          ...doc.schedules.map((s: any) => s.rounding),
          ...(doc.rules?.careerIncrement ?? []).map((r: any) => r.rounding),
          ...(doc.rules?.scheduleIncrease ?? []).map((r: any) => r.rounding),
          ...(doc.rules?.termIncrease ?? []).map((r: any) => r.rounding),
          ...(doc.rates ?? []).map((r: any) => r.rounding),
          doc.stipends?.rounding,
        ];
        if (!refs.includes(key) || Object.keys(doc.rounding).length < 2) return undefined;
        delete doc.rounding[key];
        return { where: ['rounding', key], what: `deleted rounding rule ${key}, which rules name` };
      },
      () => {
        const bases = doc.stipends?.bases;
        if (!bases?.length) return undefined;
        const k = int(bases.length);
        const id = bases[k].id;
        if (!doc.stipends.items.some((it: any) => it.terms.some((t: any) => t.base === id))) return undefined;
        bases.splice(k, 1);
        return { where: ['stipends', 'bases', k], what: `deleted stipend base ${id}, which items use` };
      },
      () => {
        const incs = doc.rules?.termIncrease;
        if (!incs?.length) return undefined;
        const id = pick(incs as { term: string }[]).term;
        const k = doc.terms.findIndex((t: any) => t.id === id);
        if (k < 0) return undefined;
        doc.terms.splice(k, 1);
        return { where: ['terms', k], what: `deleted term ${id}, which a termIncrease rule names` };
      },
      () => {
        const rules = [...(doc.rules?.careerIncrement ?? []).flatMap((r: any) => r.years.map((y: string) => [r.schedule, y])), ...(doc.rules?.scheduleIncrease ?? []).flatMap((r: any) => [[r.schedule, r.year], [r.schedule, r.from]])];
        if (!rules.length) return undefined;
        const [sid, y] = pick(rules);
        const si = doc.schedules.findIndex((s: any) => s.id === sid);
        const ti = doc.schedules[si]?.tables.findIndex((t: any) => t.year === y);
        if (si < 0 || ti < 0) return undefined;
        doc.schedules[si].tables.splice(ti, 1);
        return { where: ['schedules', si, 'tables', ti], what: `deleted the ${y} table of ${sid}, which a rule needs` };
      },
      () => {
        const rates = doc.rates ?? [];
        const chained = rates.filter((r: any) => r.of !== 'salary').map((r: any) => r.of);
        if (!chained.length) return undefined;
        const k = rates.findIndex((r: any) => r.id === pick(chained));
        if (k < 0) return undefined;
        const id = rates[k].id;
        rates.splice(k, 1);
        return { where: ['rates', k], what: `deleted rate ${id}, which another rate is "of"` };
      },
      () => {
        const steps = doc.stipends?.experienceSteps;
        if (!steps || steps.length < 2) return undefined;
        const k = int(steps.length - 1); // not the last: the next one then starts in the wrong year
        const label = steps[k].label;
        steps.splice(k, 1);
        return { where: ['stipends', 'experienceSteps', k], what: `deleted experience step ${label}` };
      },
    ];
    return pick(options)();
  },
  'citation into an undeclared source, or a backwards line range': (doc, sites) => {
    const s = pick(sitesWhere(sites, (x) => is(x.node, 'cite') && typeof x.value === 'string'));
    if (!s) return undefined;
    const [file] = (s.value as string).split(':');
    const unknown = pick(['unknown-source.txt', '004_95c67c5f7895ec65.txt', 'other.pdf', 'README.md']);
    if (sourcesOf(doc).includes(unknown)) return undefined;
    const a = 2 + int(5000);
    const v = random() < 0.5 ? `${unknown}:${a}` : `${file}:${a}-${1 + int(a - 1)}`;
    setAt(doc, s.path, v);
    return { where: s.path, what: `${JSON.stringify(s.value)} -> ${JSON.stringify(v)}` };
  },
  'amount with more decimal places than its rounding rule keeps': (doc, sites) => {
    // every amount is kept to cents at most (whole dollars where its rule says so): a tenth of a cent more never passes
    const s = pick(sitesWhere(sites, (x) => is(x.node, 'amount') && typeof x.value === 'number'));
    if (!s) return undefined;
    const v = Number(((s.value as number) + 0.001).toFixed(3));
    setAt(doc, s.path, v);
    return { where: s.path, what: `${s.value} -> ${v}` };
  },
  "a year the contract does not cover": (doc, sites) => {
    // only where the loader is documented to check the year against `years` (README "Adding your district's contract")
    const checked = /^(schedules\.\d+\.tables\.\d+\.year|agreements\.\d+\.years\.\d+|rules\.careerIncrement\.\d+\.years\.\d+|rules\.scheduleIncrease\.\d+\.(year|from)|rules\.stepPolicy\.\d+\.year|rules\.offSchedulePayments\.\d+\.year|rules\.termIncrease\.\d+\.(year|from)|stipends\.items\.\d+\.terms\.\d+\.years\.\d+|stipends\.bonuses\.\d+\.years\.\d+|stipends\.printed\.\d+\.year|stipends\.bases\.\d+\.printed\.\d+\.year|terms\.\d+\.values\.\d+\.years\.\d+|rates\.\d+\.max\.\d+\.years\.\d+)$/;
    const s = pick(sitesWhere(sites, (x) => typeof x.value === 'string' && checked.test(x.path.join('.'))));
    if (!s) return undefined;
    const start = pick([1990, 2001, 2010, 2019, 2030, 2045]) + int(5);
    const y = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
    if (doc.years.includes(y)) return undefined;
    setAt(doc, s.path, y);
    return { where: s.path, what: `${s.value} -> ${y}` };
  },
};

/** Text-level mutations (the file as the user's disk holds it). */
const textMutations: Record<string, (text: string) => { text: string; what: string }> = {
  'not JSON': (text) => {
    const cut = 1 + int(text.length - 2);
    const variants = [
      () => ({ text: text.slice(0, cut), what: `truncated at ${cut}` }),
      () => ({ text: text.replace(/\}\s*$/, ',}'), what: 'trailing comma' }),
      () => ({ text: `// comment\n${text}`, what: 'a comment' }),
      () => ({ text: text.replace(/"schemaVersion"/, "'schemaVersion'"), what: 'single quotes' }),
      () => ({ text: text.replace(/:(\d+)/, ':NaN'), what: 'NaN literal' }),
      () => ({ text: text + text, what: 'two documents' }),
      () => ({ text: '\uFEFF' + text.slice(0, cut), what: 'BOM and truncated' }),
    ];
    return pick(variants)();
  },
  'nested deeper than MAX_CONTRACT_DEPTH': (text) => {
    const levels = pick([MAX_CONTRACT_DEPTH, 100, 6000, 100000]);
    const deep = pick([() => '['.repeat(levels) + ']'.repeat(levels), () => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)])();
    return { text: text.replace(/^\{/, `{"readings":${deep},`), what: `${levels} levels of nesting inside readings` };
  },
  'oversized file (MAX_CONTRACT_CHARS)': (text) => {
    const doc = JSON.parse(text);
    const variants = [
      () => ({ text: text + ' '.repeat(MAX_CONTRACT_CHARS - text.length + 1 + int(1000)), what: 'trailing whitespace past the limit' }),
      () => {
        doc.title = 'x'.repeat(MAX_CONTRACT_CHARS);
        return { text: JSON.stringify(doc), what: 'a title of MAX_CONTRACT_CHARS characters' };
      },
      () => {
        const copies = Math.ceil(MAX_CONTRACT_CHARS / text.length) + 1;
        doc.readings = Array.from({ length: copies }, () => JSON.parse(text));
        return { text: JSON.stringify(doc), what: `${copies} copies of itself inside` };
      },
      () => ({ text: JSON.stringify(doc, null, 40 + int(60)), what: 'pretty-printed with a huge indent' }),
    ];
    let out = pick(variants)();
    if (out.text.length <= MAX_CONTRACT_CHARS) out = { text: out.text + ' '.repeat(MAX_CONTRACT_CHARS), what: out.what + ' (padded)' };
    return out;
  },
};

// ------------------------------------------------------------------------------------------------ generation
const PLAN: [string, number][] = [
  ['missing required key', 100], ['wrong type', 100], ['negative amount', 70], ['huge amount', 70],
  ['number out of range (percents, places, steps, divisors …)', 40], ['look-alike letter (Cyrillic, Greek) in a label or id', 90],
  ['citation of the wrong form', 70], ['year of the wrong form', 40], ['id of the wrong form', 30], ['unknown key', 90],
  ['duplicate label or id (after ignoring case and spaces)', 90], ['deleted element that others refer to', 90],
  ['citation into an undeclared source, or a backwards line range', 60], ['a year the contract does not cover', 60],
  ['amount with more decimal places than its rounding rule keeps', 40],
  ['not JSON', 30], ['oversized file (MAX_CONTRACT_CHARS)', 8], ['nested deeper than MAX_CONTRACT_DEPTH', 12],
];
// the small files more often: loading the 230 KB Waconia teachers file takes ~35 ms, the custodial one ~4 ms
const weights: Record<string, number> = { 'waconia-custodial.json': 7, 'anoka-hennepin-teachers.json': 4, 'waconia-teachers.json': 1 };
const weighted = originals.flatMap((o, i) => Array(weights[o.name] ?? 2).fill(i) as number[]);
const sitesCache = new Map<number, Site[]>();
const excluded: Record<string, number> = {};

function generate(): Mutant[] {
  const out: Mutant[] = [];
  let serial = 0;
  for (const [kind, count] of PLAN) {
    let made = 0;
    let tries = 0;
    while (made < count && tries < count * 50) {
      tries++;
      const fi = pick(weighted);
      const o = originals[fi];
      const name = `mutant-${++serial}-${o.name}`;
      if (textMutations[kind]) {
        const base = { ...o.data, id: `mutant/m${serial}` };
        const m = textMutations[kind](JSON.stringify(base));
        if (kind === 'not JSON') {
          let parses = true;
          try {
            JSON.parse(m.text);
          } catch {
            parses = false;
          }
          if (parses) {
            excluded[kind] = (excluded[kind] ?? 0) + 1; // still JSON: not counted
            continue;
          }
        }
        out.push({ kind, file: name, content: m.text, where: '', what: m.what, schemaKind: false });
        made++;
        continue;
      }
      const doc = clone(o.data);
      if (!sitesCache.has(fi)) sitesCache.set(fi, sitesOf(o.data));
      const isSchema = kind in schemaMutations;
      const r = (isSchema ? schemaMutations : semanticMutations)[kind](doc, sitesCache.get(fi)!); // the sites of the original: same paths and values
      if (!r) continue;
      // a fresh id, so a mutant that the loader wrongly accepted could never hide behind "already loaded"
      if (r.where.join('.') !== 'id') doc.id = `mutant/m${serial}`;
      if (isSchema && ajvValidate(doc)) {
        excluded[kind] = (excluded[kind] ?? 0) + 1; // the mutation left the file valid: not counted
        continue;
      }
      // every fourth as the text a file holds, the others as parsed JSON (ContractRegistry.load takes either)
      out.push({ kind, file: name, content: serial % 4 === 0 ? JSON.stringify(doc) : doc, where: readable(r.where), what: r.what, schemaKind: isSchema });
      made++;
    }
  }
  return out;
}

const started = Date.now();
const mutants = generate();
const generatedMs = Date.now() - started;

// ------------------------------------------------------------------------------------------------ the tests
describe('generated bad contract files', () => {
  const registry = createRegistry();
  const engine = new Engine(registry);
  const idsBefore = registry.ids();
  const before = new Map(idsBefore.map((id) => [id, registry.get(id)]));
  const counts: Record<string, { tried: number; rejected: number }> = {};
  const problems: string[] = [];

  test('the unmutated files with a fresh id load (the control)', () => {
    for (const o of originals) {
      const r = new ContractRegistry();
      expect(() => r.load([{ name: o.name, content: JSON.stringify({ ...o.data, id: 'control/copy' }) }])).not.toThrow();
    }
  });

  test(`at least 1,000 mutations, each rejected with "file: path: reason", the loaded contracts untouched`, () => {
    expect(mutants.length).toBeGreaterThanOrEqual(1000);
    let i = 0;
    for (const m of mutants) {
      i++;
      const c = (counts[m.kind] ??= { tried: 0, rejected: 0 });
      c.tried++;
      // every 10th mutant comes in a batch after a good new file: the good one must not be loaded either
      const batch = i % 10 === 0 ? [{ name: 'good.json', content: JSON.stringify({ ...originals[0].data, id: `good/g${i}` }) }] : [];
      let error: unknown;
      try {
        registry.load([...batch, { name: m.file, content: m.content }]);
      } catch (e) {
        error = e;
      }
      const label = `${m.kind}: ${m.file} ${m.where} (${m.what})`;
      if (error === undefined) {
        problems.push(`ACCEPTED ${label}`);
        continue;
      }
      if (!(error instanceof ContractLoadError)) {
        problems.push(`CRASHED (${(error as Error)?.constructor?.name}: ${(error as Error)?.message}) ${label}`);
        continue;
      }
      const e = error;
      const shown = e.path || '(top)';
      // every problem is listed, one `file: path: reason` line each, the first one first
      const lines = e.message.split('\n');
      if (e.file !== m.file || lines[0] !== `${m.file}: ${shown}: ${e.reason}` || !e.reason.trim() || !shown.trim()) problems.push(`BADLY WORDED "${e.message}" for ${label}`);
      if (lines.length !== Math.min(e.problems.length, 20) + (e.problems.length > 20 ? 1 : 0) || e.problems.some((p) => p.file !== m.file || !p.reason.trim()))
        problems.push(`BADLY LISTED "${e.message}" for ${label}`);
      // a schema mutation is reported at the place mutated or at one of its ancestors
      if (m.schemaKind && !(e.path === '' || m.where === e.path || m.where.startsWith(e.path + '.') || m.where.startsWith(e.path + '[')))
        problems.push(`ELSEWHERE: reported at "${e.path}" (${e.reason}) for ${label}`);
      if (m.kind.startsWith('look-alike') && !/U\+0[34][0-9A-F]{2}/.test(e.message)) problems.push(`UNNAMED LETTER "${e.message}" for ${label}`);
      if (m.kind.startsWith('oversized') && !/limit/.test(e.reason)) problems.push(`NOT THE SIZE "${e.message}" for ${label}`);
      if (m.kind.startsWith('nested') && !/nest more than/.test(e.reason)) problems.push(`NOT THE DEPTH "${e.message}" for ${label}`);
      if (m.kind.startsWith('amount with more') && !/decimal places|maximum/.test(e.message)) problems.push(`NOT THE PLACES "${e.message}" for ${label}`);
      if (i % 10 === 0 && registry.get(`good/g${i}`)) problems.push(`HALF-LOADED: the good file of the batch was loaded with ${label}`);
      c.rejected++;
    }
    // the registry is as it was: same ids, same compiled objects, same answers (004_95c67c5f7895ec64.txt:4966)
    expect(registry.ids()).toEqual(idsBefore);
    for (const [id, c] of before) expect(registry.get(id)).toBe(c);
    expect(engine.salary('waconia/teachers', 'MA+15', 'H', '2025-26')).toBe(64654);
    expect(problems).toEqual([]);
  });

  afterAll(() => {
    const lines = Object.entries(counts).map(([k, c]) => `  ${String(c.rejected).padStart(4)} / ${String(c.tried).padStart(4)} rejected  ${k}${excluded[k] ? `  (${excluded[k]} generated mutations left the file valid and were excluded)` : ''}`);
    console.log(`bad contract files: ${mutants.length} mutations (generated in ${generatedMs} ms)\n${lines.join('\n')}`);
  });
});

/**
 * Was a bug, found by this suite: an unknown key named like an Object.prototype member ("constructor",
 * "toString", "hasOwnProperty", "__proto__" …) is accepted, anywhere in the file. src/schema/validate.ts looks the key
 * up with `node.properties?.[k]`, which finds the inherited member (a function, or Object.prototype for "__proto__"),
 * takes it for a schema node and checks nothing. Ajv rejects these files. Fix: `Object.prototype.hasOwnProperty.call(node.properties, k)`
 * before using `node.properties[k]` (done).
 */
describe('keys named like Object.prototype members', () => {
  const cases: [string, string][] = [
    ['(top)', 'constructor'],
    ['schedules[0]', 'toString'],
    ['schedules[0].lanes[0]', '__proto__'],
    ['rounding.<first rule>', 'hasOwnProperty'],
  ];
  const build = (where: string, key: string) => {
    const doc = clone(originals.find((o) => o.name === 'waconia-custodial.json')!.data);
    doc.id = 'mutant/protokey';
    const target = where === '(top)' ? doc : where === 'schedules[0]' ? doc.schedules[0] : where === 'schedules[0].lanes[0]' ? doc.schedules[0].lanes[0] : Object.values(doc.rounding)[0];
    Object.defineProperty(target, key, { value: 1, enumerable: true, configurable: true, writable: true });
    return doc;
  };
  test.each(cases)('a full validator (Ajv) rejects an unknown key in %s named "%s"', (where, key) => {
    expect(ajvValidate(build(where, key))).toBe(false);
  });
  test.each(cases)('the loader rejects an unknown key in %s named "%s" (a bug until a helper found it)', (where, key) => {
    expect(() => new ContractRegistry().load([{ name: 'protokey.json', content: JSON.stringify(build(where, key)) }])).toThrow(ContractLoadError);
  });
});

/**
 * Was a bug, found by this suite: a rounding reference named "constructor" passes the schema (it matches the id
 * pattern) and the loader's check `f.rounding[name]`, because a plain object inherits Object.prototype.constructor.
 * The contract then loads, and STIPEND / RATE answer NaN (the "rule" has no places or mode). Fix in src/loader.ts:
 * test `Object.prototype.hasOwnProperty.call(f.rounding, name)` (done, in checkSemantics: schedules[].rounding and needRounding).
 */
describe('rounding rules looked up as own keys', () => {
  test.each([
    ['schedules[0].rounding', (d: any) => (d.schedules[0].rounding = 'constructor')],
    ['stipends.rounding', (d: any) => (d.stipends.rounding = 'constructor')],
    ['rates[0].rounding', (d: any) => (d.rates[0].rounding = 'constructor')],
  ])('a rounding rule named "constructor" that the file does not declare is refused (%s; a bug until a helper found it)', (_where, mutate) => {
    const doc = clone(originals.find((o) => o.name === 'waconia-teachers.json')!.data);
    doc.id = 'mutant/proto';
    mutate(doc);
    expect(() => new ContractRegistry().load([{ name: 'proto.json', content: JSON.stringify(doc) }])).toThrow(ContractLoadError);
  });
});
