import test from 'ava';
import { importMapText, widgetHead } from '../../sdk/widget-manifest.js';

const manifest = {
  importmap: { imports: {}, integrity: { 'https://acme.example/a/core.js': 'sha384-core' } },
  entries: {
    'caseflow-invoice-list': {
      url: 'https://acme.example/a/list.js',
      integrity: 'sha384-list',
      imports: ['https://acme.example/a/core.js'],
      dynamicImports: [],
      gzip: 100,
    },
  },
};

test('widgetHead writes the import map first, then one module script with its integrity per entry', (t) => {
  t.is(
    widgetHead(manifest, ['caseflow-invoice-list']),
    '<script type="importmap">{"imports":{},"integrity":{"https://acme.example/a/core.js":"sha384-core"}}</script>\n' +
      '<script type="module" src="https://acme.example/a/list.js" integrity="sha384-list" crossorigin="anonymous"></script>',
  );
  t.true(widgetHead(manifest, []).includes(importMapText(manifest.importmap)));
});

test('widgetHead refuses an entry the manifest lacks, naming it', (t) => {
  t.is(
    t.throws(() => widgetHead(manifest, ['caseflow-vault']))?.message,
    'the widget manifest has no entry caseflow-vault',
  );
});
