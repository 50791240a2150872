/** Reads `--name value` pairs from argv. */
export function readFlags(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--') && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) {
      out[arg.slice(2)] = argv[i + 1]!;
      i++;
    }
  }
  return out;
}
