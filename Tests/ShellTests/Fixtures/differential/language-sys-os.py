# Python's sys and os/os.path as tutorials use them (each case runs in its own temporary directory).
# Uncaught sys.exit would end the oracle's own process, so exits here are caught.
#--- stdout-write-progress
import sys
for i in range(3):
    sys.stdout.write('\rstep %d' % i)
    sys.stdout.flush()
_ = sys.stdout.write('\n')
print(sys.stdout.write('abc\n'))
#--- stderr-not-stdout
import sys
print('to stderr', file=sys.stderr)
n = sys.stderr.write('also stderr\n')
print('stdout', n)
print('x', file=sys.stdout)
#--- print-file-bad
print('x', file=3)
#--- version-info
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 0), sys.version_info[0] == 3)
print(sys.maxsize, sys.maxsize == 2**63 - 1)
print(type(sys.argv), type(sys.version))
#--- sys-exit-caught
import sys
try:
    sys.exit(2)
except SystemExit:
    print('caught')
try:
    sys.exit('message')
except Exception:
    print('not an Exception')
except BaseException:
    print('a BaseException')
#--- sys-exit-finally
import sys
def main():
    try:
        sys.exit(0)
    finally:
        print('finally runs')
try:
    main()
except SystemExit:
    print('exited')
#--- sys-no-attribute
import sys
sys.nope
#--- from-sys-import
from sys import stdout, maxsize
_ = stdout.write('w\n')
print(maxsize > 0)
#--- os-path-join
import os
print(os.path.join('data', 'input.txt'), os.path.join('a/', 'b'), os.path.join('a', '/abs', 'c'), os.path.join('', 'x'), os.path.join('a', ''))
#--- os-path-parts
import os.path
for p in ['data/input.txt', '/x/y/', 'file', '.bashrc', 'a.tar.gz', '/', '', 'dir/.hidden', 'a//b', '..x']:
    print(repr(p), os.path.basename(p), os.path.dirname(p), os.path.split(p), os.path.splitext(p))
#--- os-path-normpath
import os
for p in ['a/./b/../c', '/../x', '//a//b/', '../../a', '.', '', 'a/..']:
    print(repr(os.path.normpath(p)))
print(os.path.isabs('/a'), os.path.isabs('a'), os.sep)
#--- os-path-exists
import os
_ = open('f.txt', 'w').write('abc')
os.makedirs('d/e')
print(os.path.exists('f.txt'), os.path.isfile('f.txt'), os.path.isdir('f.txt'))
print(os.path.exists('d/e'), os.path.isfile('d'), os.path.isdir('d'), os.path.exists('nope'))
print(os.path.getsize('f.txt'), sorted(os.listdir('.')), os.listdir('d'))
print(os.path.isabs(os.getcwd()), os.path.isdir(os.getcwd()))
#--- makedirs-exist-ok
import os
os.makedirs('ckpt', exist_ok=True)
os.makedirs('ckpt', exist_ok=True)
print(os.path.isdir('ckpt'))
if not os.path.exists('out'):
    os.mkdir('out')
print(os.listdir('.') == ['ckpt', 'out'] or sorted(os.listdir('.')))
#--- makedirs-exists
import os
os.makedirs('ckpt')
os.makedirs('ckpt')
#--- mkdir-missing-parent
import os
os.mkdir('a/b')
#--- listdir-missing
import os
os.listdir('nope')
#--- getsize-missing
import os
os.path.getsize('nope')
#--- join-bad-type
import os
os.path.join('a', 3)
#--- exists-bad-type
import os
print(os.path.exists(1234567), os.path.isfile(1234567))
os.path.exists(1.5)
#--- listdir-bad-type
import os
os.listdir(1.5)
#--- basename-bad-type
import os
os.path.basename(None)
#--- os-environ
import os
os.environ['TF_CPP_MIN_LOG_LEVEL'] = '2'
print(os.environ['TF_CPP_MIN_LOG_LEVEL'], os.environ.get('NO_SUCH_VARIABLE_X'), os.getenv('NO_SUCH_VARIABLE_X', 'dflt'))
#--- checkpoint-dir-pattern
import os
checkpoint_dir = './training_checkpoints'
checkpoint_prefix = os.path.join(checkpoint_dir, 'ckpt_{epoch}')
if not os.path.exists(checkpoint_dir):
    os.makedirs(checkpoint_dir)
print(checkpoint_prefix.format(epoch=3), os.path.isdir(checkpoint_dir))
