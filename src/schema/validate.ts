/**
 * A small JSON Schema (draft-07 subset) interpreter for contract.schema.json: the shipped bundle
 * validates contract files against the published schema itself, with no code generation, no eval and
 * a few kilobytes of code. Keywords: $ref (local), type, const, enum, pattern, min/maxLength,
 * minimum, maximum, exclusiveMinimum, properties, required, additionalProperties, propertyNames,
 * min/maxProperties, items, min/maxItems, uniqueItems, anyOf, oneOf with discriminator.
 * The schema's unit test checks it agrees with Ajv (a full validator) on every shipped and mutated file.
 */
import { excerpt } from '../normalize';

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  minProperties?: number;
  maxProperties?: number;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  discriminator?: { propertyName: string };
  definitions?: Record<string, SchemaNode>;
}

export interface SchemaError {
  /** JSON pointer to the offending value, e.g. /schedules/0/lanes/3/label */
  path: string;
  keyword: string;
  value: unknown;
  /** reason, phrased for a person */
  reason: string;
  /** extra facts for callers that phrase their own reason */
  params: Record<string, unknown>;
}

/** A value as messages quote it: its JSON, at most 40 characters, then "…". */
const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : excerpt(s);
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

export class SchemaValidator {
  private regexes = new Map<string, RegExp>();

  constructor(private readonly root: SchemaNode) {}

  /** The first error in the data, or undefined when it conforms. */
  validate(data: unknown): SchemaError | undefined {
    return this.validateAll(data, 1)[0];
  }

  /**
   * Every error in the data (at most `limit`), in document order; empty when it conforms. A value of the wrong
   * type is one error: what it holds is not checked further.
   */
  validateAll(data: unknown, limit = 50): SchemaError[] {
    const out: SchemaError[] = [];
    this.check(this.root, data, '', out, limit);
    return out;
  }

  private resolve(node: SchemaNode): SchemaNode {
    while (node.$ref) {
      const name = node.$ref.replace(/^#\/definitions\//, '');
      const defs = this.root.definitions;
      const target = defs && Object.prototype.hasOwnProperty.call(defs, name) ? defs[name] : undefined;
      if (!target) throw new Error(`schema: unresolved $ref ${node.$ref}`);
      node = target;
    }
    return node;
  }

  private regex(p: string): RegExp {
    let r = this.regexes.get(p);
    if (!r) this.regexes.set(p, (r = new RegExp(p, 'u')));
    return r;
  }

  private fail(path: string, keyword: string, value: unknown, reason: string, params: Record<string, unknown> = {}): SchemaError {
    return { path, keyword, value, reason, params };
  }

  /** Checks v against node, appending errors to out (until it holds `limit`); true when v conforms. */
  private check(node0: SchemaNode, v: unknown, path: string, out: SchemaError[], limit: number): boolean {
    const node = this.resolve(node0);
    const before = out.length;
    const fail = (keyword: string, reason: string, params: Record<string, unknown> = {}, at = path, value = v): false => {
      if (out.length < limit) out.push(this.fail(at, keyword, value, reason, params));
      return false;
    };
    const full = () => out.length >= limit;
    if (node.type !== undefined) {
      const types = Array.isArray(node.type) ? node.type : [node.type];
      if (!types.some((t) => hasType(v, t))) return fail('type', `${show(v)} must be ${types.join(' or ')}`, { type: types });
    }
    if (node.const !== undefined && v !== node.const) return fail('const', `${show(v)} must be ${show(node.const)}`);
    if (node.enum && !node.enum.includes(v)) return fail('enum', `${show(v)} is not one of ${show(node.enum)}`, { allowedValues: node.enum });
    if (typeof v === 'string') {
      if (node.minLength !== undefined && v.length < node.minLength) return fail('minLength', `${show(v)} is shorter than ${node.minLength} characters`);
      if (node.maxLength !== undefined && v.length > node.maxLength) return fail('maxLength', `${show(v)} is longer than ${node.maxLength} characters`);
      if (node.pattern !== undefined && !this.regex(node.pattern).test(v))
        return fail('pattern', `${show(v)} does not match the required form ${node.pattern}`, { pattern: node.pattern });
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return fail('type', `${show(v)} is not a finite number`);
      if (node.minimum !== undefined && v < node.minimum) return fail('minimum', `${v} is below the minimum ${node.minimum}`);
      if (node.exclusiveMinimum !== undefined && v <= node.exclusiveMinimum) return fail('exclusiveMinimum', `${v} must be greater than ${node.exclusiveMinimum}`);
      if (node.maximum !== undefined && v > node.maximum) return fail('maximum', `${v} is above the maximum ${node.maximum}`);
    }
    if (Array.isArray(v)) {
      if (node.minItems !== undefined && v.length < node.minItems) fail('minItems', `has ${v.length} items; at least ${node.minItems} required`);
      if (node.maxItems !== undefined && v.length > node.maxItems) return fail('maxItems', `has ${v.length} items; at most ${node.maxItems} allowed`);
      if (node.uniqueItems) {
        const seen = new Set<string>();
        for (let i = 0; i < v.length; i++) {
          const k = JSON.stringify(v[i]);
          if (seen.has(k)) fail('uniqueItems', `${show(v[i])} appears twice`, {}, `${path}/${i}`, v[i]);
          seen.add(k);
        }
      }
      if (node.items) for (let i = 0; i < v.length && !full(); i++) this.check(node.items, v[i], `${path}/${i}`, out, limit);
    }
    if (typeOf(v) === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      for (const k of node.required ?? []) if (!(k in o)) fail('required', `missing required key "${k}"`, { missingProperty: k });
      if (node.minProperties !== undefined && keys.length < node.minProperties) fail('minProperties', `needs at least ${node.minProperties} entries`);
      if (node.maxProperties !== undefined && keys.length > node.maxProperties) fail('maxProperties', `has more than ${node.maxProperties} entries`);
      for (const k of keys) {
        if (full()) break;
        const child = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (node.propertyNames && !this.check(node.propertyNames, k, child, out, limit)) continue;
        // own properties only: a key named like an Object.prototype member ("constructor", "__proto__") is data, not a schema
        const sub = node.properties && Object.prototype.hasOwnProperty.call(node.properties, k) ? node.properties[k] : undefined;
        if (sub) this.check(sub, o[k], child, out, limit);
        else if (node.additionalProperties === false) fail('additionalProperties', `unknown key "${excerpt(k)}" (check the spelling against the schema)`, { additionalProperty: k });
        else if (typeof node.additionalProperties === 'object') this.check(node.additionalProperties, o[k], child, out, limit);
      }
    }
    if (out.length > before) return false;
    if (node.anyOf) {
      let first: SchemaError | undefined;
      for (const alt of node.anyOf) {
        const tried: SchemaError[] = [];
        if (this.check(alt, v, path, tried, 1)) return true;
        first ??= tried[0];
      }
      return fail('anyOf', `${show(v)} matches none of the allowed forms`, { first });
    }
    if (node.oneOf) {
      if (node.discriminator && typeOf(v) === 'object') {
        const tag = (v as Record<string, unknown>)[node.discriminator.propertyName];
        const branches = node.oneOf.map((b) => this.resolve(b));
        const kinds = branches.map((b) => b.properties?.[node.discriminator!.propertyName]?.const);
        const i = kinds.indexOf(tag);
        if (i < 0) return fail('enum', `${show(tag)} is not one of ${show(kinds)}`, { allowedValues: kinds }, `${path}/${node.discriminator.propertyName}`, tag);
        return this.check(branches[i], v, path, out, limit);
      }
      const matches = node.oneOf.filter((alt) => this.check(alt, v, path, [], 1)).length;
      if (matches !== 1) return fail('oneOf', `${show(v)} must match exactly one allowed form (matches ${matches})`);
    }
    return true;
  }
}
