/**
 * Compose substitutes `${VAR}`, `${VAR:-default}`, `${VAR?err}`... and `$VAR` before it reads
 * the file; `$$` is a literal dollar. A value holding a substitution may become any scalar.
 */
const INTERPOLATION = /(?:^|[^$])(?:\$\$)*\$(?:\{[^}]*\}?|[A-Za-z_])/;

export function isInterpolated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('$') && INTERPOLATION.test(value);
}
