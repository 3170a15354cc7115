import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { collectFiles } from '../../server/src/cli/walk';
import { tempTree } from './run';

describe('the walk of bulwark check', () => {
  test('keeps the listings of the folders with files to check, as the file system gives them', () => {
    const t = tempTree({
      'a/x.yaml': 'a: 1\n',
      'a/notes.md': '# n\n',
      'a/b/main.tf': '',
      '.git/config.yaml': 'a: 1\n',
      'node_modules/m/pkg.yaml': 'a: 1\n',
    });
    try {
      const walked = collectFiles(t.dir, ['.'], { maxFileBytes: 1024 });
      assert.deepEqual(walked.files, [join(t.dir, 'a', 'x.yaml'), join(t.dir, 'a', 'b', 'main.tf')]);
      assert.deepEqual([...walked.listings.keys()], [join(t.dir, 'a'), join(t.dir, 'a', 'b')]);
      for (const [dir, names] of walked.listings) assert.deepEqual(names, readdirSync(dir), dir);
    } finally {
      t.cleanup();
    }
  });
});
