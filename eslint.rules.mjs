// Local lint rules for the house style (docs/architecture.md, "How to add a domain library").
import path from 'node:path';

/** apps/<name> or libs/<name>: the package a file belongs to. */
function packageOf(file) {
  const parts = path.relative(process.cwd(), file).split(path.sep);
  return parts.length >= 2 && (parts[0] === 'apps' || parts[0] === 'libs')
    ? `${parts[0]}/${parts[1]}`
    : null;
}

/** A relative import may not leave its app or lib: other packages are imported by alias. */
const noRelativeImportOutsidePackage = {
  meta: {
    type: 'problem',
    messages: {
      leaves:
        '"{{source}}" leaves {{pkg}}: import libs as @sanad/<lib>; only apps/server imports apps (@sanad/app-<name>).',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const pkg = packageOf(file);
    const check = (node) => {
      const source = node.source?.value;
      if (!pkg || typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      if (packageOf(target) !== pkg)
        context.report({ node, messageId: 'leaves', data: { source, pkg } });
    };
    return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check };
  },
};

const SQL_START = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|LOCK|TRUNCATE)\b/i;

/**
 * Only repositories (and the database lib) talk to PostgreSQL: other files may not import
 * typeorm or pg, nor run SQL through `.query(...)`.
 */
const sqlOnlyInRepositories = {
  meta: {
    type: 'problem',
    messages: {
      driver: 'Only repositories import "{{name}}": ask a repository (inject it) instead.',
      sql: "SQL outside a repository: move this statement into the library's *.repository.ts.",
    },
    schema: [],
  },
  create(context) {
    return {
      ImportDeclaration(node) {
        const name = node.source.value;
        if (name === 'typeorm' || name === 'pg')
          context.report({ node, messageId: 'driver', data: { name } });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.name !== 'query') return;
        const first = node.arguments[0];
        const text =
          first?.type === 'Literal'
            ? String(first.value)
            : first?.type === 'TemplateLiteral'
              ? first.quasis.map((q) => q.value.cooked).join('')
              : '';
        if (SQL_START.test(text)) context.report({ node, messageId: 'sql' });
      },
    };
  },
};

export default {
  rules: {
    'no-relative-import-outside-package': noRelativeImportOutsidePackage,
    'sql-only-in-repositories': sqlOnlyInRepositories,
  },
};
