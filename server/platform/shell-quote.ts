/**
 * Quotes argv for a POSIX shell. An SSH exec request carries one command line that the remote
 * user's shell parses, so every argument is single-quoted: nothing in it is ever interpreted.
 */
export function shellQuote(argv: string[]): string {
  return argv.map((arg) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(" ");
}
