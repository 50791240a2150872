import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { setupTestApp, TestClient } from '../helpers/test-app.js';

/**
 * #22 point 7: "the OpenAPI document lists every error code a route can return".
 *
 * Two halves make the check honest:
 * - At run time, every API answer a behaviour test receives goes through the contract helper
 *   (test/helpers/test-app.ts): a status the document does not list for the operation, or an
 *   error code outside that status's enum, fails the test that got it.
 * - Here, statically, for the paths no test takes: the TypeScript checker follows each
 *   handler (and its `scope` middleware) through every function it calls inside src/, and
 *   collects each `AppError` thrown on the way (`unprocessable('code')`, `conflict('code')`,
 *   `notFound()`, `requireStaff(c)` → 401/403, `new AppError(422, 'code')`, subclasses' `super`).
 *   Every (status, code) found must be in the operation's documented responses. A code built
 *   at run time (`unprocessable(result.code)`) cannot be read here; the run-time half covers it.
 *   Besides, the codes the route's shape implies are checked: a guard → 401 (staff/admin: 403),
 *   a path parameter → 404, a body or query → 400.
 */

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src') + '/';

/** The error constructors of src/lib/errors.ts: status and the code when none is given. */
const FACTORIES: Record<string, { status: number; code?: string }> = {
  badRequest: { status: 400, code: 'invalid_input' },
  unauthorized: { status: 401, code: 'unauthorized' },
  forbidden: { status: 403, code: 'forbidden' },
  notFound: { status: 404, code: 'not_found' },
  conflict: { status: 409, code: 'conflict' },
  unprocessable: { status: 422 },
  tooManyRequests: { status: 429, code: 'too_many_attempts' },
};

/**
 * Throws the walk reaches but the handler cannot take (the walk follows every call, not the
 * conditions around it), each with the reason. Keep this list short and the reasons exact.
 */
const UNREACHABLE: Record<string, string> = {
  'POST /auth/password-reset 429 too_many_attempts':
    'resetPassword throttles only `kind: "code"` (POST /auth/password-reset/code lists it)',
  'POST /announcements 404 not_found':
    'with `publish: true`, createAnnouncement publishes the row it has just inserted',
  'POST /announcements 409 already_published':
    'with `publish: true`, createAnnouncement publishes the row it has just inserted',
};

interface Found {
  status: number;
  /** null: built at run time. */
  code: string | null;
}

function apiFiles(): string[] {
  const modules = join(SRC, 'modules');
  const files = [join(SRC, 'app.ts')];
  for (const dir of readdirSync(modules))
    for (const f of readdirSync(join(modules, dir)))
      if (f.endsWith('.api.ts')) files.push(join(modules, dir, f));
  return files;
}

function createProgram(roots: string[]) {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram(roots, { ...options, noEmit: true });
}

const literal = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/** Every error a function body can throw, following the calls it makes inside src/. */
class ThrowWalker {
  private readonly memo = new Map<ts.Node, Found[]>();
  constructor(private readonly checker: ts.TypeChecker) {}

  throwsOf(node: ts.Node): Found[] {
    const cached = this.memo.get(node);
    if (cached) return cached;
    const out: Found[] = [];
    this.memo.set(node, out); // a recursive call adds nothing new
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) this.atCall(n, out);
      ts.forEachChild(n, visit);
    };
    visit(node);
    return out;
  }

  private atCall(call: ts.CallExpression | ts.NewExpression, out: Found[]) {
    const args = call.arguments ?? ts.factory.createNodeArray();
    const callee = call.expression;
    // `super(422, 'invalid_slots', …)` in a subclass of AppError; `new AppError(422, 'code')`.
    const name = ts.isIdentifier(callee) ? callee.text : undefined;
    if (callee.kind === ts.SyntaxKind.SuperKeyword || name === 'AppError') {
      const status = args[0] && ts.isNumericLiteral(args[0]) ? Number(args[0].text) : undefined;
      if (status) out.push({ status, code: literal(args[1]) });
      return;
    }
    if (name && FACTORIES[name] && this.isFromErrors(callee)) {
      const f = FACTORIES[name];
      out.push({ status: f.status, code: args[0] ? literal(args[0]) : (f.code ?? null) });
      return;
    }
    for (const decl of this.declarationsOf(
      ts.isPropertyAccessExpression(callee) ? callee.name : callee,
    ))
      out.push(...this.throwsOf(decl));
  }

  private isFromErrors(callee: ts.Expression) {
    return this.declarationsOf(callee).some((d) =>
      d.getSourceFile().fileName.endsWith('src/lib/errors.ts'),
    );
  }

  /** The bodies a call can run: functions, arrow functions, methods and constructors in src/. */
  private declarationsOf(callee: ts.Node): ts.Node[] {
    let symbol = this.checker.getSymbolAtLocation(callee);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias)
      symbol = this.checker.getAliasedSymbol(symbol);
    const out: ts.Node[] = [];
    for (const d of symbol?.declarations ?? []) {
      if (!d.getSourceFile().fileName.startsWith(SRC)) continue;
      if (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) {
        if (d.body) out.push(d.body);
      } else if (ts.isVariableDeclaration(d) && d.initializer) {
        out.push(d.initializer);
      } else if (ts.isClassDeclaration(d)) {
        for (const m of d.members) if (ts.isConstructorDeclaration(m) && m.body) out.push(m.body);
      }
    }
    return out;
  }
}

interface Operation {
  method: string;
  /** The OpenAPI path; `*` where the source builds it (a loop over decisions). */
  path: RegExp;
  where: string;
  found: Found[];
}

/**
 * The `apiRoute(…)` call, or the `op(access, 'method /path', spec)` call of an
 * `operationsOf(tag)`, that defines a route: a constant's initializer, or inside a small factory
 * (`contactRoute(path, summary)`) whose first argument is then the path.
 */
function routeDefinition(checker: ts.TypeChecker, ref: ts.Expression) {
  const declOf = (e: ts.Expression) =>
    checker.getSymbolAtLocation(e)?.declarations?.find(ts.isVariableDeclaration)?.initializer;
  const isOperationsOf = (callee: ts.Expression) => {
    const init = ts.isIdentifier(callee) ? declOf(callee) : undefined;
    return (
      !!init &&
      ts.isCallExpression(init) &&
      ts.isIdentifier(init.expression) &&
      init.expression.text === 'operationsOf'
    );
  };
  const find = (node: ts.Node | undefined): ts.CallExpression | undefined => {
    if (!node) return undefined;
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (node.expression.text === 'apiRoute' || isOperationsOf(node.expression))
    )
      return node;
    return ts.forEachChild(node, find);
  };
  const factoryCall = ts.isCallExpression(ref) ? ref : undefined;
  const apiRouteCall = find(factoryCall ? declOf(factoryCall.expression) : declOf(ref));
  if (!apiRouteCall) throw new Error(`no apiRoute(…) behind ${ref.getText()}`);
  return { apiRouteCall, factoryCall };
}

const propOf = (object: ts.ObjectLiteralExpression, key: string) =>
  object.properties.find(
    (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment =>
      (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
      ts.isIdentifier(p.name) &&
      p.name.text === key,
  );

/** Method, path (`*` where the source builds it) and scope of `apiRoute(info, config, scope)`. */
function fromApiRoute(call: ts.CallExpression, factoryCall: ts.CallExpression | undefined) {
  const [, config, scope] = call.arguments;
  if (!config || !ts.isObjectLiteralExpression(config)) throw new Error('route config?');
  const methodProp = propOf(config, 'method');
  const method = literal(
    methodProp && ts.isPropertyAssignment(methodProp) ? methodProp.initializer : undefined,
  )!;
  const pathProp = propOf(config, 'path')!;
  const pathNode = ts.isShorthandPropertyAssignment(pathProp)
    ? pathProp.name
    : pathProp.initializer;
  const source = ts.isTemplateExpression(pathNode)
    ? pathNode.head.text + '*' + pathNode.templateSpans.map((s) => s.literal.text).join('*')
    : (literal(pathNode) ?? literal(factoryCall?.arguments[0]))!;
  return { method, source, scope };
}

/** The same of `op(access, 'method /path', { …, scope })`. */
function fromOperation(call: ts.CallExpression, factoryCall: ts.CallExpression | undefined) {
  const [, endpoint, spec] = call.arguments;
  if (!endpoint || !spec || !ts.isObjectLiteralExpression(spec)) throw new Error('operation?');
  const text = ts.isTemplateExpression(endpoint)
    ? endpoint.head.text + '*' + endpoint.templateSpans.map((s) => s.literal.text).join('*')
    : literal(endpoint)!;
  const space = text.indexOf(' ');
  const method = text.slice(0, space);
  const path = text.slice(space + 1);
  // `post ${path}` in a factory: the path is the factory's first argument.
  const source = path === '*' ? literal(factoryCall?.arguments[0])! : path;
  const scopeProp = propOf(spec, 'scope');
  const scope = scopeProp && ts.isPropertyAssignment(scopeProp) ? scopeProp.initializer : undefined;
  return { method, source, scope };
}

/** Each `router.openapi(route, handler)` of the API files, with what its handler can throw. */
function operationsInSource(): Operation[] {
  const program = createProgram(apiFiles());
  const checker = program.getTypeChecker();
  const walker = new ThrowWalker(checker);
  const ops: Operation[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(SRC) || !/(\.api\.ts|\/app\.ts)$/.test(file.fileName)) continue;
    const visit = (n: ts.Node) => {
      if (
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        n.expression.name.text === 'openapi' &&
        n.arguments.length === 2
      ) {
        const [routeRef, handler] = n.arguments as unknown as [ts.Expression, ts.Expression];
        const { apiRouteCall, factoryCall } = routeDefinition(checker, routeRef);
        const { method, source, scope } =
          (apiRouteCall.expression as ts.Identifier).text === 'apiRoute'
            ? fromApiRoute(apiRouteCall, factoryCall)
            : fromOperation(apiRouteCall, factoryCall);
        const pattern = source.replace(/[.{}]/g, '\\$&').replace(/\*/g, '[^/]+');
        ops.push({
          method,
          path: new RegExp(`^${pattern}$`),
          where: `${method.toUpperCase()} ${source} (${file.fileName.slice(SRC.length)})`,
          found: [...walker.throwsOf(handler), ...(scope ? walker.throwsOf(scope) : [])],
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }
  return ops;
}

interface DocOperation {
  'x-access'?: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: DocSchema }> }>;
}
interface DocSchema {
  properties?: { error?: { properties?: { code?: { enum?: string[] } } } };
}

async function servedDocument() {
  const ctx = await setupTestApp();
  const res = await new TestClient(ctx).get('/api/v1/openapi.json');
  return (await res.json()) as { paths: Record<string, Record<string, DocOperation>> };
}

const documentedCodes = (op: DocOperation, status: number) =>
  op.responses[String(status)]?.content?.['application/json']?.schema?.properties?.error?.properties
    ?.code?.enum;

describe('every error code a handler can throw is in the OpenAPI document (#22 point 7)', () => {
  it('the codes thrown on each handler’s path, and those its guard and shape imply', async () => {
    const doc = await servedDocument();
    const ops = operationsInSource();
    const problems: string[] = [];
    let pairs = 0;
    let dynamic = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const sources = ops.filter((o) => o.method === method && o.path.test(path));
        if (sources.length === 0) problems.push(`${where}: no handler found in the source`);
        const check = (status: number, code: string, why: string) => {
          pairs += 1;
          const codes = documentedCodes(op, status);
          if (UNREACHABLE[`${where} ${status} ${code}`]) return;
          if (!codes) problems.push(`${where}: ${why} → ${status} ${code}, status not documented`);
          else if (!codes.includes(code))
            problems.push(`${where}: ${why} → ${status} ${code}, not in [${codes.join(', ')}]`);
        };
        for (const source of sources)
          for (const f of source.found) {
            if (f.code === null) dynamic += 1;
            else check(f.status, f.code, `thrown in ${source.where}`);
          }
        // What the route's shape implies (the guard and validators run before the handler).
        const access = op['x-access'];
        if (access !== 'public') check(401, 'unauthorized', `access ${access}`);
        if (access === 'staff' || access === 'admin') check(403, 'forbidden', `access ${access}`);
        if (op.parameters?.some((p) => p.in === 'path')) check(404, 'not_found', 'path parameter');
        if (op.requestBody) check(400, 'invalid_input', 'a body');
        if (op.parameters?.some((p) => p.in === 'query')) check(400, 'invalid_input', 'a query');
      }
    }
    console.log(
      `error codes: ${ops.length} handlers, ${pairs} (status, code) pairs checked, ${dynamic} codes built at run time (checked by the behaviour tests)`,
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
