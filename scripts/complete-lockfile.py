#!/usr/bin/env python3
"""Completes package-lock.json with entries for optional platform packages the registry
reachable here does not serve (darwin/win32/… builds of @swc/core, esbuild, …).

npm leaves such packages out of the lock when it cannot fetch their metadata, and `npm ci`
then refuses the lock as out of sync. Each added entry carries the version its parent asks
for and the os/cpu the package name says, so npm skips it on other platforms, exactly as it
would with a lock written where the registry serves everything. Run it after `npm install`.
"""
import json
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(path))
packages = lock['packages']

OS = {'darwin': 'darwin', 'win32': 'win32', 'linux': 'linux', 'freebsd': 'freebsd', 'android': 'android',
      'openharmony': 'openharmony', 'openbsd': 'openbsd', 'netbsd': 'netbsd', 'sunos': 'sunos', 'aix': 'aix',
      'wasm32': None, 'wasi': None}
CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'ppc64le', 'wasm32']


def platform_of(name):
    base = name.split('/')[-1]
    os_ = next((v for k, v in OS.items() if re.search(rf'(^|-){k}(-|$)', base)), None)
    cpu = next((c for c in CPU if re.search(rf'(^|-){c}(-|$)', base)), None)
    return os_, cpu


added = 0
for key, pkg in list(packages.items()):
    for dep, spec in (pkg.get('optionalDependencies') or {}).items():
        prefix = key + '/node_modules/' if key else 'node_modules/'
        if prefix + dep in packages or 'node_modules/' + dep in packages:
            continue
        os_, cpu = platform_of(dep)
        if os_ is None and cpu is None:
            continue  # not a platform build: leave it to npm
        entry = {'version': re.sub(r'^[\^~=]', '', spec), 'optional': True}
        if cpu:
            entry['cpu'] = [cpu]
        if os_:
            entry['os'] = [os_]
        packages['node_modules/' + dep] = entry
        added += 1

lock['packages'] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(path, 'w'), indent=2)
open(path, 'a').write('\n')
print(f'complete-lockfile: added {added} platform entries')
