/**
 * Analyzer plugins for widgets/custom-elements.json, so the manifest holds each
 * tag's public API and nothing else.
 *
 * Events. The analyzer names an event it sees dispatched after its constructor's
 * first argument (`new CaseflowErrorEvent(detail)` becomes an event "detail"). Here
 * a tag's events are its `@event` JSDoc tags, each typed by the event class whose
 * static `type` is that name (widgets/src/events/*.ts), plus every event the
 * class dispatches (itself, or through a helper it imports: `startCheckout`,
 * `KeysetPager`) that has no `@event`: that one is listed without a description,
 * so the manifest test names it. Event classes also carry their `detail` type.
 *
 * Modules are listed by path, so a run writes the same file as the last.
 *
 * Members. Private, protected and `@state()` members are internals, not API; a
 * type named by an alias local to the component's file (`type Access = …`),
 * which a reader cannot look up, is spelled out.
 */
import fs from 'node:fs';
import path from 'node:path';

const eventConstruction = /new\s+(Caseflow\w+Event)\s*\(/g;

/** The events of the widgets: class name → its `type` and its `detail` type. */
const eventClasses = new Map();
/** Per module and class: documented event names, dispatched event classes, @state() member names. */
const classFacts = new Map();
/** Top-level declarations' source text, per helper file read. */
const helperFiles = new Map();

const factsKey = (modulePath, className) => `${modulePath}#${className}`;

function eventClassOf(ts, node) {
  const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
  const base = heritage?.types[0];
  if (!base || base.expression.getText() !== 'CustomEvent') return undefined;
  const typeField = node.members.find(
    (member) =>
      ts.isPropertyDeclaration(member) &&
      member.name.getText() === 'type' &&
      member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) &&
      member.initializer &&
      ts.isStringLiteral(member.initializer),
  );
  if (!typeField) return undefined;
  return { name: typeField.initializer.text, detail: base.typeArguments?.[0]?.getText() ?? 'unknown' };
}

function documentedEvents(ts, node) {
  return ts
    .getJSDocTags(node)
    .filter((tag) => tag.tagName.text === 'event' || tag.tagName.text === 'fires')
    .map((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/^\{[^}]*\}\s*/, '').split(/\s/)[0])
    .filter(Boolean);
}

function stateMembers(ts, node) {
  return node.members
    .filter((member) => ts.getDecorators?.(member)?.some((d) => /^state\s*\(/.test(d.expression.getText())))
    .map((member) => member.name?.getText())
    .filter(Boolean);
}

/** The file's own type aliases, name → definition. */
function localAliases(ts, sourceFile) {
  const aliases = new Map();
  for (const statement of sourceFile.statements) {
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type.getText());
  }
  return aliases;
}

function spelledOut(type, aliases) {
  if (!type?.text) return type;
  const text = type.text.replace(/\b[A-Za-z_]\w*\b/g, (word) => aliases.get(word) ?? word);
  return { ...type, text };
}

/** Top-level declarations of a widget source file, name → text (read once). */
function declarationsOf(ts, file) {
  if (helperFiles.has(file)) return helperFiles.get(file);
  const declarations = new Map();
  if (fs.existsSync(file)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        declarations.set(statement.name.text, statement.getText());
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          declarations.set(declaration.name.getText(), statement.getText());
        }
      }
    }
  }
  helperFiles.set(file, declarations);
  return declarations;
}

/** Local value imports of a module: binding name → the .ts file it comes from. */
function localImports(ts, sourceFile) {
  const imports = new Map();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) continue;
    const file = path.resolve(path.dirname(sourceFile.fileName), specifier.replace(/\.js$/, '.ts'));
    for (const element of statement.importClause?.namedBindings?.elements ?? []) {
      if (!element.isTypeOnly) imports.set(element.name.text, file);
    }
  }
  return imports;
}

/** Event classes the class constructs: in its own members, and in the imported helpers they use. */
function dispatchedEvents(ts, node) {
  const found = new Set();
  const scan = (text) => {
    for (const match of text.matchAll(eventConstruction)) found.add(match[1]);
  };
  const imports = localImports(ts, node.getSourceFile());
  const used = new Set();
  const visit = (child) => {
    if (ts.isIdentifier(child)) used.add(child.text);
    ts.forEachChild(child, visit);
  };
  for (const member of node.members) {
    scan(member.getText());
    visit(member);
  }
  for (const name of used) {
    const file = imports.get(name);
    const text = file && declarationsOf(ts, file).get(name);
    if (text) scan(text);
  }
  return found;
}

export function caseflowManifestPlugin() {
  return {
    name: 'caseflow-public-api',
    initialize() {
      eventClasses.clear();
      classFacts.clear();
      helperFiles.clear();
    },
    // Every module is collected before any is analysed: the event classes are known by then.
    collectPhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const event = eventClassOf(ts, node);
      if (event) eventClasses.set(node.name.text, event);
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const name = node.name.text;
      const event = eventClasses.get(name);
      if (event) {
        const declaration = moduleDoc.declarations.find((d) => d.name === name);
        declaration?.members?.push({
          kind: 'field',
          name: 'detail',
          type: { text: event.detail },
          readonly: true,
          description: 'What the event carries (`CustomEvent.detail`).',
        });
        return;
      }
      classFacts.set(factsKey(moduleDoc.path, name), {
        documented: new Set(documentedEvents(ts, node)),
        dispatched: dispatchedEvents(ts, node),
        state: new Set(stateMembers(ts, node)),
        aliases: localAliases(ts, node.getSourceFile()),
      });
    },
    // Before the package link phase, so subclasses inherit the cleaned lists.
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const facts = classFacts.get(factsKey(moduleDoc.path, declaration.name));
        if (declaration.kind !== 'class' || !facts) continue;
        if (declaration.members) {
          declaration.members = declaration.members.filter(
            (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !facts.state.has(m.name),
          );
          declaration.members = declaration.members.map((m) => ({ ...m, type: spelledOut(m.type, facts.aliases) }));
          if (!declaration.members.length) delete declaration.members;
        }
        for (const attribute of declaration.attributes ?? []) {
          if (attribute.type) attribute.type = spelledOut(attribute.type, facts.aliases);
        }
        const classOf = (eventName) => [...eventClasses].find(([, e]) => e.name === eventName)?.[0];
        const events = (declaration.events ?? [])
          .filter((e) => facts.documented.has(e.name))
          .map((e) => {
            const className = classOf(e.name);
            return { ...e, ...(className ? { type: { text: className } } : {}) };
          });
        for (const className of facts.dispatched) {
          const name = eventClasses.get(className)?.name ?? className;
          if (!events.some((e) => e.name === name)) events.push({ name, type: { text: className } });
        }
        if (events.length) declaration.events = events;
        else delete declaration.events;
      }
    },
    // The analyzer lists modules in the order its file search finds them, which varies from run to run.
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}
