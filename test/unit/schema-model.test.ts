/**
 * The contract file's TypeScript model (src/model.ts, ContractFile and everything it holds) and the published
 * JSON Schema (src/schema/contract.schema.json) describe one format; this test keeps them from drifting.
 * It walks the schema from its root and the ContractFile type (through the TypeScript compiler's own type
 * checker) side by side, and at every object compares:
 *   - the property names (each schema property is a key of the TS type, and each key a schema property);
 *   - which are required (schema `required` = the TS key is not optional);
 *   - scalar kinds (string, number, boolean) and enumerations (schema `enum` = the TS literal union).
 * Arrays are followed into their items, maps (`additionalProperties`) into their values, and a `oneOf` of
 * object shapes tagged by `kind` into the TS union member with the same `kind`.
 */
import * as path from 'path';
import ts from 'typescript';
import schema from '../../src/schema/contract.schema.json';

type Node = { [k: string]: unknown };
const root = schema as unknown as Node;
const MODEL = path.join(__dirname, '../../src/model.ts');

const program = ts.createProgram([MODEL], { strict: true, target: ts.ScriptTarget.ES2020, noEmit: true });
const checker = program.getTypeChecker();
const source = program.getSourceFile(MODEL)!;

function modelType(name: string): ts.Type {
  const decl = source.statements.find((s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name);
  if (!decl) throw new Error(`src/model.ts declares no ${name}`);
  return checker.getTypeAtLocation((decl as ts.InterfaceDeclaration).name);
}

function resolve(node: Node): Node {
  let n = node;
  while (typeof n.$ref === 'string') {
    const name = n.$ref.replace('#/definitions/', '');
    n = (root.definitions as Record<string, Node>)[name];
  }
  return n;
}

/** The type without undefined and null. */
const defined = (t: ts.Type) => checker.getNonNullableType(t);
const members = (t: ts.Type) => (t.isUnion() ? t.types : [t]);

function scalarKinds(t: ts.Type): Set<string> {
  const kinds = new Set<string>();
  for (const m of members(defined(t))) {
    if (m.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) kinds.add('string');
    else if (m.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) kinds.add('number');
    else if (m.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) kinds.add('boolean');
    else kinds.add('other');
  }
  return kinds;
}

function walk(raw: Node, t: ts.Type, at: string, problems: string[]): void {
  const node = resolve(raw);
  const type = defined(t);
  if (node.type === 'array' || node.items) {
    const element = checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : undefined;
    if (!element) return void problems.push(`${at}: the schema has an array, the model ${checker.typeToString(type)}`);
    return walk(node.items as Node, element, `${at}[]`, problems);
  }
  if (Array.isArray(node.oneOf) && (node.oneOf as Node[]).every((b) => b.properties)) {
    // shapes tagged by `kind`: each is compared with the union member of the same kind
    for (const branch of node.oneOf as Node[]) {
      const kind = (branch.properties as Record<string, Node>).kind?.const;
      const member = members(type).find((m) => {
        const k = m.getProperty('kind');
        const kt = k && checker.getTypeOfSymbol(k);
        return kt && kt.isStringLiteral() && kt.value === kind;
      });
      if (!member) problems.push(`${at}: the model has no member of kind "${String(kind)}"`);
      else walk(branch, member, `${at}<${String(kind)}>`, problems);
    }
    return;
  }
  if (node.properties) {
    const props = node.properties as Record<string, Node>;
    const schemaKeys = Object.keys(props).filter((k) => k !== '$schema');
    const tsProps = checker.getPropertiesOfType(type);
    const tsKeys = tsProps.map((p) => p.name);
    for (const k of schemaKeys) if (!tsKeys.includes(k)) problems.push(`${at}.${k}: in the schema, not in the model`);
    for (const k of tsKeys) if (!schemaKeys.includes(k)) problems.push(`${at}.${k}: in the model, not in the schema`);
    const required = new Set((node.required as string[] | undefined) ?? []);
    for (const p of tsProps) {
      if (!schemaKeys.includes(p.name)) continue;
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      if (optional === required.has(p.name)) problems.push(`${at}.${p.name}: ${required.has(p.name) ? 'required in the schema, optional in the model' : 'optional in the schema, required in the model'}`);
      walk(props[p.name], checker.getTypeOfSymbol(p), `${at}.${p.name}`, problems);
    }
    return;
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    const value = checker.getIndexTypeOfType(type, ts.IndexKind.String);
    if (!value) return void problems.push(`${at}: the schema has a map, the model ${checker.typeToString(type)}`);
    return walk(node.additionalProperties as Node, value, `${at}{}`, problems);
  }
  if (Array.isArray(node.enum)) {
    const literals = members(type).map((m) => (m.isStringLiteral() || m.isNumberLiteral() ? m.value : checker.typeToString(m)));
    const a = [...(node.enum as unknown[])].map(String).sort();
    const b = literals.map(String).sort();
    if (a.join('|') !== b.join('|')) problems.push(`${at}: the schema allows ${a.join(', ')}, the model ${b.join(', ')}`);
    return;
  }
  const kinds = scalarKinds(type);
  const want = node.type === 'string' ? 'string' : node.type === 'number' || node.type === 'integer' ? 'number' : node.type === 'boolean' ? 'boolean' : undefined;
  if (want && (kinds.size !== 1 || !kinds.has(want))) problems.push(`${at}: a ${want} in the schema, ${checker.typeToString(type)} in the model`);
}

test('the TypeScript model of a contract file and the JSON schema name the same fields, equally required, of the same kinds', () => {
  const problems: string[] = [];
  walk(root, modelType('ContractFile'), 'ContractFile', problems);
  expect(problems).toEqual([]);
});

test('the walk finds a drift: a field the model lacks, a required field made optional, a changed enumeration', () => {
  const copy = JSON.parse(JSON.stringify(root)) as Node;
  const defs = copy.definitions as Record<string, Node>;
  (defs.careerIncrement.properties as Record<string, Node>).newField = { type: 'string' };
  (defs.stepPolicy.required as string[]).push('note');
  const rounding = (copy.properties as Record<string, Node>).rounding.additionalProperties as Node;
  ((rounding.properties as Record<string, Node>).mode.enum as string[]).push('ceiling');
  const saved = { ...root };
  Object.assign(root, copy);
  const problems: string[] = [];
  try {
    walk(root, modelType('ContractFile'), 'ContractFile', problems);
  } finally {
    Object.assign(root, saved);
  }
  expect(problems).toEqual(expect.arrayContaining([
    'ContractFile.rounding{}.mode: the schema allows ceiling, down, half-even, half-up, up, the model down, half-even, half-up, up',
    'ContractFile.rules.careerIncrement[].newField: in the schema, not in the model',
    'ContractFile.rules.stepPolicy[].note: required in the schema, optional in the model',
  ]));
  expect(problems).toHaveLength(3);
});
