/** Recognises terraform's "Error acquiring the state lock" and turns it into one sentence. */
export interface StateLockInfo {
  id?: string;
  who?: string;
  operation?: string;
  created?: string;
  path?: string;
}

export function parseStateLockError(stderr: string): StateLockInfo | undefined {
  if (!/Error acquiring the state lock/i.test(stderr)) return undefined;
  const field = (name: string): string | undefined => {
    const m = new RegExp(String.raw`^\s*${name}:[ \t]*(.*?)\s*$`, 'm').exec(stderr);
    return m?.[1] ? m[1] : undefined;
  };
  return {
    id: field('ID'),
    who: field('Who'),
    operation: field('Operation')
      ?.replace(/^OperationType/, '')
      .toLowerCase(),
    created: field('Created'),
    path: field('Path'),
  };
}

export function explainStateLock(info: StateLockInfo): string {
  const parts = [
    info.id ? `ID ${info.id}` : undefined,
    info.who ? `held by ${info.who}` : undefined,
    info.operation ? `during ${info.operation}` : undefined,
    info.created ? `since ${info.created}` : undefined,
  ].filter((p): p is string => p !== undefined);
  return (
    `The terraform state is locked by another operation (${parts.join(', ') || 'no details given'}). ` +
    'Wait for it to finish; if it crashed, release the lock with `terraform force-unlock <ID>` after checking nobody is applying.'
  );
}
