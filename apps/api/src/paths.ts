import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/api: the files beside the code (migrations, package.json, seed documents, the web build) resolve from here. */
export const API_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
