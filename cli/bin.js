#!/usr/bin/env node
// The published entry: compiles the TypeScript sources on the fly with tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
