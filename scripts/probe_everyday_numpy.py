#!/usr/bin/env python3
"""A quick probe of numpy's everyday surface (issue 9): each line of probe_everyday_numpy.txt, one-liners
as tutorials write them, runs in CPython + numpy and as a .py program in rnnsh; prints each case whose
stdout or success/failure differs, then the pass rate. A measurement for finding walls, not a test:
cases that pass belong in a differential family.

    python3 scripts/probe_everyday_numpy.py .build/release/rnnsh
"""
import contextlib, io, os, subprocess, sys, tempfile, warnings
import numpy as np
binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else sys.exit(__doc__)
lines = [l for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'probe_everyday_numpy.txt')).read().split('\n') if l.strip()]
def py(src):
    out = io.StringIO(); err = None
    with tempfile.TemporaryDirectory() as d:
        cwd = os.getcwd(); os.chdir(d)
        try:
            with contextlib.redirect_stdout(out), warnings.catch_warnings():
                warnings.simplefilter('ignore'); np.random.seed(None)
                exec(src, {'np': np})
        except Exception as e: err = f"{type(e).__name__}: {e}"
        finally: os.chdir(cwd)
    return out.getvalue(), err
# One rnnsh process per case; '; ' separates statements on a line.
passed = 0; fails = []
for i, src in enumerate(lines):
    exp, err = py(src)
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, 'c.py'), 'w').write('import numpy as np\n' + src.replace('; ', '\n') + '\n')
        r = subprocess.run([binary, 'c.py'], cwd=d, capture_output=True, text=True, timeout=60)
    ok = r.stdout == exp and ((err is None) == (r.returncode == 0))
    if ok: passed += 1
    else: fails.append((src, exp, err, r.stdout, r.stderr.strip().split('\n')[0] if r.stderr else ''))
for s, e, er, o, re_ in fails:
    print('FAIL', s); print('   numpy:', repr(e[:150]), er or ''); print('   rnnsh:', repr(o[:150]), re_[:200])
print(f'{passed}/{len(lines)} pass')
