import type { ConnectorClient } from 'botframework-connector';

/**
 * A Bot Connector request body as @azure/core-client's serializer makes it, without its walk.
 *
 * Every activity the bot sends (a reply, a card update, a proactive send) goes through the Azure
 * serializer, which walks the Activity mapper's ~40 properties and those of every nested account,
 * attachment and entity, matching type names with regular expressions at each step: about 4% of
 * a chat turn's CPU. Here each operation's body mapper is compiled once into plain functions with
 * the serializer's rules for the types the Bot Connector's mappers use (keys in mapper order,
 * properties the mapper lacks dropped, null kept, dates as ISO strings, objects as given), and
 * the client sends the result through the same operation with a body mapper that passes it on.
 * URL, headers, authentication, retries, the JSON text and errors stay core-client's own. A value
 * the compiled rules do not cover (a wrong type, which the serializer would refuse) and any mapper
 * outside them take the serializer's own path, so its errors are unchanged too.
 */

type SendOperationRequest = ConnectorClient['sendOperationRequest'];
type OperationSpec = Parameters<SendOperationRequest>[1];
type OperationArguments = Parameters<SendOperationRequest>[0];

/** The minimum of core-client's Mapper that the compiler reads. */
interface MapperLike {
  serializedName?: string;
  required?: boolean;
  nullable?: boolean;
  readOnly?: boolean;
  isConstant?: boolean;
  defaultValue?: unknown;
  constraints?: unknown;
  xmlName?: string;
  xmlElementName?: string;
  xmlIsAttribute?: boolean;
  xmlIsWrapped?: boolean;
  xmlNamespace?: string;
  type: {
    name: string;
    className?: string;
    modelProperties?: Record<string, MapperLike>;
    element?: MapperLike;
    value?: MapperLike;
    polymorphicDiscriminator?: unknown;
    uberParent?: string;
    additionalProperties?: unknown;
  };
}

/** What a compiled serializer answers for a value its rules do not cover. */
const UNCOVERED: unique symbol = Symbol('uncovered');
type Serialize = (value: unknown) => unknown;

/** Anything of these on a mapper changes what the serializer does; such mappers are not compiled. */
const FLAGS = [
  'required',
  'nullable',
  'readOnly',
  'isConstant',
  'defaultValue',
  'constraints',
  'xmlName',
  'xmlElementName',
  'xmlIsAttribute',
  'xmlIsWrapped',
  'xmlNamespace',
] as const;

const hasFlags = (mapper: MapperLike) => FLAGS.some((flag) => mapper[flag] !== undefined);

class Compiler {
  private readonly composites = new Map<object, Serialize | null>();

  constructor(private readonly models: Record<string, MapperLike>) {}

  /** Undefined and null pass as they are (the serializer's first rule); else the type's rule. */
  property(mapper: MapperLike): Serialize | null {
    if (hasFlags(mapper)) return null;
    const rule = this.rule(mapper);
    if (!rule) return null;
    return (value) => (value === undefined || value === null ? value : rule(value));
  }

  private rule(mapper: MapperLike): Serialize | null {
    switch (mapper.type.name) {
      case 'String':
        return (value) => (typeof value === 'string' ? value : UNCOVERED);
      case 'Number':
        return (value) => (typeof value === 'number' ? value : UNCOVERED);
      case 'Boolean':
        return (value) => (typeof value === 'boolean' ? value : UNCOVERED);
      case 'Object':
        // The serializer checks nothing and copies nothing for an Object.
        return (value) => value;
      case 'DateTime':
        return (value) => {
          const date =
            value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
          return date && !Number.isNaN(date.getTime()) ? date.toISOString() : UNCOVERED;
        };
      case 'Sequence':
        return this.sequence(mapper);
      case 'Composite':
        return this.composite(mapper);
      default:
        // Dictionary, Enum, byte arrays, …: a value present goes to the serializer.
        return () => UNCOVERED;
    }
  }

  private sequence(mapper: MapperLike): Serialize | null {
    let element = mapper.type.element;
    if (!element) return null;
    // As the serializer does: a Composite element is looked up by its class name.
    if (element.type.name === 'Composite' && element.type.className)
      element = this.models[element.type.className] ?? element;
    const each = this.property(element);
    if (!each) return null;
    return (value) => {
      if (!Array.isArray(value)) return UNCOVERED;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = each(value[i]);
        if (item === UNCOVERED) return UNCOVERED;
        out[i] = item;
      }
      return out;
    };
  }

  /**
   * The mapper's own properties, else its class's (as the serializer resolves them); compiled
   * once per property list, a class that refers to itself getting the function being made.
   */
  private composite(mapper: MapperLike): Serialize | null {
    const { className } = mapper.type;
    const model = className ? this.models[className] : undefined;
    // The serializer's polymorphism and additional properties are looked up on the class too.
    for (const m of [mapper, model])
      if (m?.type.polymorphicDiscriminator || m?.type.uberParent || m?.type.additionalProperties)
        return null;
    const properties = mapper.type.modelProperties ?? model?.type.modelProperties;
    if (!properties) return null;
    const known = this.composites.get(properties);
    if (known !== undefined) return known;
    let compiled: Serialize | null = null;
    this.composites.set(properties, (value) => (compiled ? compiled(value) : UNCOVERED));
    compiled = this.compileComposite(properties);
    this.composites.set(properties, compiled);
    return compiled;
  }

  private compileComposite(properties: Record<string, MapperLike>): Serialize | null {
    const keys: string[] = [];
    const rules: Serialize[] = [];
    for (const [key, mapper] of Object.entries(properties)) {
      // A dotted or escaped serialized name nests or renames: the serializer's own business.
      if (mapper.serializedName !== key || /[.\\]/.test(key)) return null;
      const rule = this.property(mapper);
      if (!rule) return null;
      keys.push(key);
      rules.push(rule);
    }
    return (value) => {
      if (typeof value !== 'object' || value === null) return UNCOVERED;
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        const serialized = (rules[i] as Serialize)(source[key]);
        if (serialized === UNCOVERED) return UNCOVERED;
        if (serialized !== undefined) out[key] = serialized;
      }
      return out;
    };
  }
}

interface Compiled {
  /** The same operation, its body mapper passing on what `serialize` made. */
  spec: OperationSpec;
  parameter: string;
  serialize: Serialize;
}

const compiledSpecs = new WeakMap<OperationSpec, Compiled | null>();

function compile(spec: OperationSpec): Compiled | null {
  const body = spec.requestBody;
  const mapper = body?.mapper as MapperLike | undefined;
  const models = spec.serializer?.modelMappers as Record<string, MapperLike> | undefined;
  if (!body || !mapper || !models || spec.isXML || spec.formDataParameters?.length) return null;
  if (typeof body.parameterPath !== 'string' || mapper.type.name !== 'Composite') return null;
  // The body's own `required` only refuses a missing body, which takes the serializer's path.
  const { required: _required, ...rest } = mapper;
  if (hasFlags(rest)) return null;
  const serialize = new Compiler(models).property(rest);
  if (!serialize) return null;
  const passOn = { ...mapper, type: { name: 'any' } };
  return {
    spec: { ...spec, requestBody: { ...body, mapper: passOn as typeof body.mapper } },
    parameter: body.parameterPath,
    serialize,
  };
}

function compiledFor(spec: OperationSpec): Compiled | null {
  let compiled = compiledSpecs.get(spec);
  if (compiled === undefined) {
    compiled = compile(spec);
    compiledSpecs.set(spec, compiled);
  }
  return compiled;
}

/** The body `spec` would send for `args`, or null where the serializer's own path is taken. */
export function precompiledBody(
  args: OperationArguments,
  spec: OperationSpec,
): { args: OperationArguments; spec: OperationSpec } | null {
  const compiled = compiledFor(spec);
  if (!compiled) return null;
  const value = (args as Record<string, unknown>)[compiled.parameter];
  if (typeof value !== 'object' || value === null) return null;
  const body = compiled.serialize(value);
  if (body === UNCOVERED) return null;
  return { args: { ...args, [compiled.parameter]: body }, spec: compiled.spec };
}

/** Makes `client` send its request bodies precompiled (see above); returns it. */
export function withPrecompiledBodies<T extends ConnectorClient>(client: T): T {
  if (typeof client?.sendOperationRequest !== 'function') return client;
  const send = client.sendOperationRequest.bind(client);
  client.sendOperationRequest = (args, spec, callback) => {
    const precompiled = precompiledBody(args, spec);
    return precompiled
      ? send(precompiled.args, precompiled.spec, callback)
      : send(args, spec, callback);
  };
  return client;
}
