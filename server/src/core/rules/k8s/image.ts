import { isTemplated } from './objects';

/** The parts of an image reference: `registry/repo:tag@digest`. */
export interface ImageRef {
  tag?: string;
  digest?: string;
}

/** Undefined when the reference is empty or templated (nothing to judge). */
export function parseImage(image: unknown): ImageRef | undefined {
  if (typeof image !== 'string' || image.trim() === '' || isTemplated(image)) return undefined;
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return { tag: colon >= 0 ? name.slice(colon + 1) : undefined, digest };
}
