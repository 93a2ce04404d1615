import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import fs from 'node:fs';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
const names = fs.readdirSync('/work/main/widgets/src/define').map(f=>f.replace('.ts',''));
const input = Object.fromEntries(names.map(n=>[n, `/work/main/widgets/src/define/${n}.ts`]));
export default {
  input,
  output: { dir: '/tmp/exp/dist', format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js', plugins: [terser({ecma:2022, module:true, compress:{passes:3, unsafe_arrows:true}}), {
    name:'sz', generateBundle(_o, b){ const g={}; for(const c of Object.values(b)) if(c.type==='chunk') g[c.fileName]=c;
      const size=(f)=>gzipSync(g[f].code,{level:9}).length;
      const closure=(f,s=new Set())=>{ if(s.has(f)) return s; s.add(f); for(const i of g[f].imports) closure(i,s); return s;};
      const seen=new Set(); const show=(f)=>{for(const x of closure(f)) { if(seen.has(x)) continue; seen.add(x); for (const [m,i] of Object.entries(g[x].modules)) console.log(String(i.renderedLength).padStart(6), m.split('/').slice(-3).join('/'));}}; show(Object.keys(g).find(k=>k.startsWith('invoice-list'))); show(Object.keys(g).find(k=>k.startsWith('portal-'))); if(0) for (const c of Object.values(g)) { const s=[...closure(c.fileName)]; console.log(c.fileName.padEnd(40), (size(c.fileName)/1024).toFixed(1), 'closure', (s.reduce((a,f)=>a+size(f),0)/1024).toFixed(1), c.isEntry?'':Object.keys(c.modules).map(m=>m.split('/').slice(-2).join('/')).slice(0,8).join(',')); }
    }}] },
  plugins: [nodeResolve({ browser: true }), typescript({ tsconfig: '/work/main/widgets/tsconfig.json' }), minifyLiterals()],
};
