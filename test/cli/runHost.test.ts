import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createRunHost } from '../../server/src/cli/runHost';
import { tempTree } from './run';

describe('the host of a check run', () => {
  test('lists a folder once: entries added later are neither listed nor read', () => {
    const t = tempTree({ 'app/a.yaml': 'a: 1\n', 'app/b.yaml': 'b: 1\n' });
    try {
      const host = createRunHost({ overlay: new Map() });
      const dir = join(t.dir, 'app');
      assert.deepEqual(host.listDir(dir)?.sort(), ['a.yaml', 'b.yaml']);
      writeFileSync(join(dir, 'c.yaml'), 'c: 1\n');
      assert.deepEqual(host.listDir(dir)?.sort(), ['a.yaml', 'b.yaml']);
      assert.equal(host.readFile(join(dir, 'c.yaml')), undefined, 'not in the listing: never opened');
      assert.equal(host.listDir(join(t.dir, 'missing')), undefined);
    } finally {
      t.cleanup();
    }
  });

  test('reads a file once, and a missing one answers undefined every time', () => {
    const t = tempTree({ 'app/a.yaml': 'a: 1\n', 'app/bin.yaml': new Uint8Array([0x61, 0x00]) });
    try {
      const host = createRunHost({ overlay: new Map() });
      const a = join(t.dir, 'app', 'a.yaml');
      assert.equal(host.readFile(a), 'a: 1\n');
      writeFileSync(a, 'a: 2\n');
      assert.equal(host.readFile(a), 'a: 1\n');
      rmSync(a);
      assert.equal(host.readFile(a), 'a: 1\n');
      assert.equal(host.readFile(join(t.dir, 'app', 'bin.yaml')), undefined, 'binary');
      for (let i = 0; i < 2; i++) {
        assert.equal(host.readFile(join(t.dir, 'app', '.bulwark.yaml')), undefined);
        assert.equal(host.readFile(join(t.dir, 'nowhere', '.bulwark.yaml')), undefined);
      }
    } finally {
      t.cleanup();
    }
  });

  test('a file the listing has is read even when asked in another case (case-insensitive disks)', () => {
    const t = tempTree({ 'app/Settings.yaml': 's: 1\n' });
    try {
      const host = createRunHost({ overlay: new Map() });
      const exact = join(t.dir, 'app', 'Settings.yaml');
      const other = join(t.dir, 'app', 'settings.yaml');
      assert.equal(host.readFile(exact), 's: 1\n');
      // Whatever the disk says (Linux: no such file; macOS/Windows: the same file), it is asked.
      let onDisk: string | undefined;
      try {
        onDisk = readFileSync(other, 'utf8');
      } catch {
        onDisk = undefined;
      }
      assert.equal(host.readFile(other), onDisk);
    } finally {
      t.cleanup();
    }
  });

  test('the overlay wins over the disk and over what was read before', () => {
    const t = tempTree({ 'app/a.yaml': 'disk\n' });
    try {
      const overlay = new Map<string, string>();
      const host = createRunHost({ overlay });
      const a = join(t.dir, 'app', 'a.yaml');
      assert.equal(host.readFile(a), 'disk\n');
      overlay.set(a, 'buffer\n');
      overlay.set(join(t.dir, 'app', 'new.yaml'), 'new\n');
      assert.equal(host.readFile(a), 'buffer\n');
      assert.equal(host.readFile(join(t.dir, 'app', 'new.yaml')), 'new\n', 'overlay, not in the listing');
      overlay.clear();
      assert.equal(host.readFile(a), 'disk\n');
    } finally {
      t.cleanup();
    }
  });

  test('a seeded listing stands in for the disk; callers get copies', () => {
    const t = tempTree({ 'app/a.yaml': 'a: 1\n' });
    try {
      const host = createRunHost({ overlay: new Map() });
      const dir = join(t.dir, 'app');
      host.seedListing(dir, ['a.yaml', 'z.yaml']);
      host.seedListing(dir, ['ignored.yaml']);
      const names = host.listDir(dir);
      assert.deepEqual(names, ['a.yaml', 'z.yaml']);
      names?.push('mutated');
      assert.deepEqual(host.listDir(dir), ['a.yaml', 'z.yaml']);
      assert.equal(host.readFile(join(dir, 'b.yaml')), undefined);
      assert.equal(host.readFile(join(dir, 'a.yaml')), 'a: 1\n');
    } finally {
      t.cleanup();
    }
  });

  test('a huge repository does not grow the caches without bound: they start afresh', () => {
    const t = tempTree({ 'app/a.yaml': 'a: 1\n' });
    try {
      const host = createRunHost({ overlay: new Map() });
      const dir = join(t.dir, 'app');
      assert.deepEqual(host.listDir(dir), ['a.yaml']);
      writeFileSync(join(dir, 'b.yaml'), 'b: 1\n');
      for (let i = 0; i < 20_000; i++) host.listDir(join(t.dir, `missing-${i}`));
      assert.deepEqual(host.listDir(dir)?.sort(), ['a.yaml', 'b.yaml']);
    } finally {
      t.cleanup();
    }
  });

  test('provider schemas are loaded once per folder', () => {
    const asked: string[] = [];
    const host = createRunHost({
      overlay: new Map(),
      providerSchemas: (dir) => {
        asked.push(dir);
        return dir === '/a' ? { provider_schemas: {} } : undefined;
      },
    });
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(host.providerSchemas?.('/a'), { provider_schemas: {} });
      assert.equal(host.providerSchemas?.('/b'), undefined);
    }
    assert.deepEqual(asked, ['/a', '/b']);
  });
});
