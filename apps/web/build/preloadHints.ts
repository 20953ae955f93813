import type { Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** The line of public/preload-hints.js that the build replaces with this build's page chunks. */
export const HINTS_PLACEHOLDER = 'const CHUNKS = {};';

/**
 * For every lazily loaded chunk (a page, the signed-in frame), by its name: its file and every
 * chunk it imports, minus the first bundle (already on its way). The names are the modules' file
 * names (DashboardPage, Layout), which public/preload-hints.js maps paths to.
 */
export function pageChunks(bundle: OutputBundle): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const result: Record<string, string[]> = {};
  for (const chunk of chunks) {
    if (!chunk.isDynamicEntry || chunk.isEntry) continue;
    const files = new Set<string>();
    const visit = (c: OutputChunk) => {
      if (c.isEntry || files.has(c.fileName)) return;
      files.add(c.fileName);
      for (const f of c.imports) {
        const next = byFile.get(f);
        if (next) visit(next);
      }
    };
    visit(chunk);
    result[chunk.name] = [...files].map((f) => `/${f}`);
  }
  return result;
}

export function withPageChunks(source: string, chunks: Record<string, string[]>): string {
  if (!source.includes(HINTS_PLACEHOLDER)) throw new Error(`public/preload-hints.js must contain the line: ${HINTS_PLACEHOLDER}`);
  return source.replace(HINTS_PLACEHOLDER, `const CHUNKS = ${JSON.stringify(chunks)};`);
}
