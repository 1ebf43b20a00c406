import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { JsonSchema, RouteResponse } from '../src/openapi/openapi-types';

/**
 * The response schemas of the OpenAPI document, read from the code: each controller method's
 * declared return type (the contracts' views the SPA uses too) becomes a JSON Schema, so the
 * document cannot drift from what the routes return. Interfaces of our own sources become named
 * components; generic instantiations (`PageView<ConversationView>`) are written out in place.
 * JSDoc comments become descriptions and `@example` tags examples; `…At` strings are date-times.
 * The contracts' `Problem` (every error answer) is added whether a route names it or not.
 *
 * Run `npm run openapi:schemas` after changing a route's return type or a view; a unit spec
 * fails while the generated file is out of date.
 */

export interface GeneratedSchemas {
  components: Record<string, JsonSchema>;
  routes: Record<string, RouteResponse>;
}

/** Contract types the document needs though no route returns them. */
const EXTRA_TYPES = ['Problem'];
const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head']);
const ROOT = join(__dirname, '..', '..', '..');
const CONTROLLERS = join(ROOT, 'apps/api/src/controllers');
export const GENERATED_FILE = join(ROOT, 'apps/api/src/openapi/route-schemas.generated.ts');

function program(): ts.Program {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const roots = readdirSync(CONTROLLERS)
    .filter((name) => name.endsWith('.controller.ts'))
    .map((name) => join(CONTROLLERS, name));
  return ts.createProgram(roots, { ...config.options, noEmit: true });
}

function decoratorNames(node: ts.HasDecorators): string[] {
  return (ts.getDecorators(node) ?? []).flatMap((d) =>
    ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression)
      ? [d.expression.expression.text]
      : [],
  );
}

class SchemaWriter {
  readonly components: Record<string, JsonSchema> = {};
  private readonly origins = new Map<string, ts.Symbol>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The schema of a type; `null` and `undefined` members are the caller's business. */
  schema(type: ts.Type): JsonSchema {
    const checker = this.checker;
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.flags & ts.TypeFlags.Union) return this.union(type as ts.UnionType);
    if (type.flags & ts.TypeFlags.StringLiteral)
      return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (type.flags & ts.TypeFlags.NumberLiteral)
      return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (type.flags & ts.TypeFlags.BooleanLiteral)
      return { type: 'boolean', enum: [checker.typeToString(type) === 'true'] };
    if (type.flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral))
      return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.Null) return { nullable: true };
    if (checker.isArrayType(type))
      return {
        type: 'array',
        items: this.member(checker.getTypeArguments(type as ts.TypeReference)[0]),
      };
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => this.member(t));
      // OpenAPI 3.0 has no tuples: an array of the members' kinds, of exactly that length.
      const kinds = [...new Map(items.map((item) => [JSON.stringify(item), item])).values()];
      return {
        type: 'array',
        items: kinds.length === 1 ? kinds[0] : { oneOf: kinds },
        minItems: items.length,
        maxItems: items.length,
      };
    }
    const name = type.getSymbol()?.getName();
    if (name === 'Date') return { type: 'string', format: 'date-time' };
    if (type.flags & ts.TypeFlags.Object || type.flags & ts.TypeFlags.Intersection)
      return this.named(type) ?? this.object(type);
    throw new Error(`no schema for type ${checker.typeToString(type)}`);
  }

  /** A property or item: a named type is a $ref (nullable through allOf, as OpenAPI 3.0 wants). */
  member(type: ts.Type): JsonSchema {
    return this.schema(type);
  }

  private union(type: ts.UnionType): JsonSchema {
    const members = type.types.filter(
      (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)),
    );
    const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = members.filter((t) => !(t.flags & ts.TypeFlags.Null));
    let schema: JsonSchema;
    if (rest.length === 0) schema = {};
    else if (rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) schema = { type: 'boolean' };
    else if (rest.every((t) => t.flags & ts.TypeFlags.StringLiteral))
      schema = { type: 'string', enum: rest.map((t) => (t as ts.StringLiteralType).value) };
    else if (rest.every((t) => t.flags & ts.TypeFlags.NumberLiteral))
      schema = { type: 'number', enum: rest.map((t) => (t as ts.NumberLiteralType).value) };
    else if (rest.length === 1) schema = this.schema(rest[0]);
    else {
      // `true | false | X` arrives as three members: keep one boolean.
      const booleans = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
      const others = rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
      const parts = others.map((t) => this.schema(t));
      if (booleans.length > 0) parts.push({ type: 'boolean' });
      schema = { oneOf: parts };
    }
    if (!nullable) return schema;
    return schema.$ref ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
  }

  /** Interfaces and type aliases of our own sources that are not generic: named components. */
  private named(type: ts.Type): JsonSchema | null {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) return null;
    const declaration = symbol.declarations?.[0];
    if (!declaration) return null;
    const file = declaration.getSourceFile().fileName;
    if (file.includes('node_modules') || !file.startsWith(ROOT)) return null;
    const isInterface = ts.isInterfaceDeclaration(declaration);
    const isAlias = ts.isTypeAliasDeclaration(declaration);
    if (!isInterface && !isAlias) return null;
    if (declaration.typeParameters?.length) return null;
    if (type.aliasTypeArguments?.length) return null;
    const name = symbol.getName();
    const known = this.origins.get(name);
    if (known && known !== symbol)
      throw new Error(`two types are called ${name}: rename one (${relative(ROOT, file)})`);
    if (!known) {
      this.origins.set(name, symbol);
      this.components[name] = {}; // a placeholder first: views may refer to themselves
      const description = ts.displayPartsToString(symbol.getDocumentationComment(this.checker));
      const body = this.object(type);
      this.components[name] = description ? { description, ...body } : body;
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  private object(type: ts.Type): JsonSchema {
    const checker = this.checker;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      if (checker.getSignaturesOfType(propertyType, ts.SignatureKind.Call).length > 0) continue;
      let schema = this.member(propertyType);
      // Our views name every ISO 8601 timestamp `…At`.
      if (property.getName().endsWith('At') && schema.type === 'string')
        schema = { ...schema, format: 'date-time' };
      const description = ts.displayPartsToString(property.getDocumentationComment(checker));
      const example = property.getJsDocTags(checker).find((tag) => tag.name === 'example');
      if (description || example) {
        const extra: JsonSchema = {};
        if (description) extra.description = description;
        if (example) extra.example = parseExample(ts.displayPartsToString(example.text));
        schema = schema.$ref ? { allOf: [schema], ...extra } : { ...schema, ...extra };
      }
      properties[property.getName()] = schema;
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.getName());
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length > 0) schema.required = required;
    const index = checker
      .getIndexInfosOfType(type)
      .find((info) => info.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.Number));
    if (index) schema.additionalProperties = this.member(index.type);
    return schema;
  }
}

function parseExample(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.trim();
  }
}

/** Reads every controller and the types its routes answer with. */
export function generateSchemas(): GeneratedSchemas {
  const source = program();
  const checker = source.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const routes: Record<string, RouteResponse> = {};
  const files = source
    .getSourceFiles()
    .filter(
      (file) => file.fileName.startsWith(CONTROLLERS) && file.fileName.endsWith('.controller.ts'),
    )
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
  for (const file of files) {
    for (const statement of file.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      if (!decoratorNames(statement).includes('Controller')) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (!decoratorNames(member).some((name) => HTTP_DECORATORS.has(name))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const returned = checker.getAwaitedType(checker.getReturnTypeOfSignature(signature));
        const key = `${statement.name.text}.${member.name.text}`;
        routes[key] =
          !returned || returned.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)
            ? {}
            : { schema: writer.schema(returned) };
      }
    }
  }
  for (const name of EXTRA_TYPES) {
    const contracts = source.getSourceFile(join(ROOT, 'libs/contracts/src/index.ts'));
    const module = contracts && checker.getSymbolAtLocation(contracts);
    const symbol = module && checker.getExportsOfModule(module).find((s) => s.getName() === name);
    if (!symbol) throw new Error(`${name} is not exported by @sanad/contracts`);
    writer.schema(checker.getDeclaredTypeOfSymbol(symbol));
  }
  const components = Object.fromEntries(
    Object.entries(writer.components).sort(([a], [b]) => a.localeCompare(b)),
  );
  return { components, routes };
}

/** The generated module's text, formatted as the repository formats TypeScript. */
export async function generatedModule(schemas: GeneratedSchemas): Promise<string> {
  const text = `/* Generated by \`npm run openapi:schemas\` (apps/api/tools/openapi-schemas.ts) from the
 * controllers' return types. Do not edit: change the views or the routes, and run it again. */
import type { JsonSchema, RouteResponse } from './openapi-types';

export const CONTRACT_SCHEMAS: Record<string, JsonSchema> = ${JSON.stringify(schemas.components)};

export const ROUTE_RESPONSES: Record<string, RouteResponse> = ${JSON.stringify(schemas.routes)};
`;
  // Loaded here: prettier's loader needs what Jest's module system lacks, and the spec never formats.
  const { format, resolveConfig } = await import('prettier');
  const options = await resolveConfig(GENERATED_FILE);
  return format(text, { ...options, filepath: GENERATED_FILE });
}

if (require.main === module) {
  void generatedModule(generateSchemas()).then((text) => {
    writeFileSync(GENERATED_FILE, text);
    console.log(`wrote ${relative(ROOT, GENERATED_FILE)}`);
  });
}
