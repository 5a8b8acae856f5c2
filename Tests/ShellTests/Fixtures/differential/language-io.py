# Python's open() for text files, as min-char-rnn and char-rnn tutorials use it (each case runs in its own temporary directory).
#--- write-then-read
with open('input.txt', 'w') as f:
    n = f.write('hello world\nsecond line\n')
print(n)
data = open('input.txt', 'r').read()
print(repr(data), len(data))
chars = sorted(list(set(data)))
print(len(chars), chars[:5])
#--- min-char-rnn-vocabulary
_ = open('input.txt', 'w').write('abcab\ncba')
data = open('input.txt', 'r').read()
chars = list(set(data))
data_size, vocab_size = len(data), len(chars)
print('data has %d characters, %d unique.' % (data_size, vocab_size))
char_to_ix = {ch: i for i, ch in enumerate(sorted(chars))}
print(char_to_ix)
#--- for-line-in-file
with open('lines.txt', 'w') as f:
    f.write('one\ntwo\n\nthree')
with open('lines.txt') as f:
    for line in f:
        print(repr(line))
print(f.closed)
#--- readlines-readline
with open('l.txt', 'w', encoding='utf-8') as f:
    f.writelines(['a\n', 'b\n', 'c\n'])
f = open('l.txt')
print(repr(f.readline()), repr(f.readline(1)), repr(f.readline()))
print(f.readlines())
print(repr(f.readline()), repr(f.read()))
f.close()
print(open('l.txt').readlines())
print([line.strip() for line in open('l.txt')])
#--- read-size
_ = open('r.txt', 'w').write('héllo wörld')
f = open('r.txt', encoding='utf-8')
print(repr(f.read(3)), repr(f.read(0)), repr(f.read(-1)), repr(f.read()))
f.close()
#--- write-returns-count
f = open('w.txt', 'w')
print(f.write('héllo'), f.write(''), f.write('\n'))
f.close()
print(repr(open('w.txt').read()))
#--- append-mode
with open('a.txt', 'w') as f:
    f.write('first\n')
with open('a.txt', 'a') as f:
    f.write('second\n')
with open('new.txt', 'a') as f:
    f.write('made\n')
print(repr(open('a.txt').read()), repr(open('new.txt').read()))
#--- exclusive-mode
with open('x.txt', 'x') as f:
    f.write('once')
print(open('x.txt').read())
open('x.txt', 'x')
#--- write-truncates
_ = open('t.txt', 'w').write('long text here')
_ = open('t.txt', 'w').write('short')
print(repr(open('t.txt').read()))
#--- universal-newlines
_ = open('crlf.txt', 'w').write('a\r\nb\rc\n')
print(repr(open('crlf.txt').read()))
print(open('crlf.txt').readlines())
#--- print-to-file
with open('p.txt', 'w') as f:
    print('x', 1, 2.5, file=f)
    print('y', end='', file=f)
print(repr(open('p.txt').read()))
#--- file-attributes
f = open('n.txt', 'w')
print(f.name, f.mode, f.closed, f.writable(), f.readable())
print(f)
f.close()
print(f.closed)
g = open('n.txt', encoding='utf-8')
print(g.mode, g.encoding, g.readable(), g.writable())
print(g)
g.close()
#--- close-twice
f = open('c.txt', 'w')
f.close()
f.close()
print(f.closed)
#--- iter-next
_ = open('it.txt', 'w').write('1\n2\n3\n')
f = open('it.txt')
print(iter(f) is f, next(f), end='')
print(list(f))
print(next(f, 'done'))
next(f)
#--- enumerate-zip-file
_ = open('e.txt', 'w').write('a\nb\nc\n')
with open('e.txt') as f:
    for i, line in enumerate(f):
        print(i, line.rstrip())
with open('e.txt') as f, open('e.txt') as g:
    print(list(zip(f, g))[:2])
#--- break-leaves-rest
_ = open('b.txt', 'w').write('1\n2\n3\n4\n')
f = open('b.txt')
for line in f:
    if line.strip() == '2':
        break
print(repr(f.read()))
#--- tell-seek
_ = open('s.txt', 'w').write('ab\ncd\n')
f = open('s.txt')
print(f.readline(), f.tell())
_ = f.seek(0)
print(f.read())
print(f.seek(0, 2), repr(f.read()))
#--- missing-file
open('nope.txt')
#--- missing-file-caught
try:
    open('nope.txt', 'r')
except FileNotFoundError as e:
    print(type(e).__name__, e)
except OSError:
    print('oserror')
#--- missing-dir-write
open('nodir/out.txt', 'w')
#--- open-directory
import os
os.mkdir('d')
open('d')
#--- open-directory-write
import os
os.mkdir('d')
open('d', 'w')
#--- not-a-directory
_ = open('f.txt', 'w').write('x')
open('f.txt/g', 'w')
#--- closed-read
f = open('c.txt', 'w')
f.close()
f = open('c.txt')
f.close()
f.read()
#--- closed-write
f = open('c.txt', 'w')
f.close()
f.write('x')
#--- closed-iterate
f = open('c.txt', 'w')
f.close()
f = open('c.txt')
f.close()
for line in f:
    pass
#--- closed-readable
f = open('c.txt', 'w')
f.close()
print(f.readable())
f.writable()
#--- closed-readable-read-mode
f = open('c.txt', 'w')
f.close()
f = open('c.txt')
f.close()
print(f.writable())
f.readable()
#--- closed-flush
f = open('c.txt', 'w')
f.close()
f.flush()
#--- writelines-not-iterable
f = open('c.txt', 'w')
f.writelines(3)
#--- write-file-next
f = open('c.txt', 'w')
next(f)
#--- with-closes-file
with open('w.txt', 'w') as f:
    pass
print(f.closed)
f.write('x')
#--- read-write-only
f = open('w.txt', 'w')
f.read()
#--- write-read-only
_ = open('r.txt', 'w').write('x')
f = open('r.txt')
f.write('y')
#--- unsupported-caught
f = open('r.txt', 'w')
try:
    f.read()
except ValueError as e:
    print('ValueError', e)
try:
    f.readline()
except OSError as e:
    print('OSError', e)
f.close()
#--- write-not-str
f = open('w.txt', 'w')
f.write(42)
#--- write-no-args
f = open('w.txt', 'w')
f.write()
#--- close-with-args
f = open('w.txt', 'w')
f.close(1)
#--- read-bad-size
_ = open('r.txt', 'w').write('x')
open('r.txt').read('a')
#--- readline-bad-size
_ = open('r.txt', 'w').write('x')
open('r.txt').readline('a')
#--- read-too-many-args
_ = open('r.txt', 'w').write('x')
open('r.txt').read(1, 2)
#--- no-such-attribute
f = open('r.txt', 'w')
f.foo
#--- invalid-mode-rw
open('x', 'rw')
#--- invalid-mode-rr
open('x', 'rr')
#--- invalid-mode-q
open('x', 'q')
#--- invalid-mode-b-alone
open('x', 'b')
#--- invalid-mode-tb
open('x', 'tb')
#--- unknown-encoding
open('x', 'w', encoding='klingon')
#--- open-float
open(1.5)
#--- open-no-args
open()
#--- undecodable
import numpy as np
np.save('b.npy', np.arange(3))
open('b.npy').read()
#--- file-len
f = open('w.txt', 'w')
len(f)
#--- char-rnn-batches
text = 'the quick brown fox jumps over the lazy dog\n' * 3
with open('input.txt', 'w') as f:
    f.write(text)
with open('input.txt', 'r') as f:
    data = f.read()
vocab = sorted(set(data))
idx = {c: i for i, c in enumerate(vocab)}
encoded = np.array([idx[c] for c in data], dtype=np.int32)
print(len(vocab), encoded[:10], encoded.shape)
#--- write-loop-then-read
with open('log.txt', 'w') as f:
    for i in range(5):
        f.write('step %d loss %.3f\n' % (i, 1.0 / (i + 1)))
for line in open('log.txt'):
    print(line, end='')
#--- failed-statement-keeps-file
f = open('k.txt', 'w')
try:
    f.write('kept\n')
    1 / 0
except ZeroDivisionError:
    pass
f.close()
print(repr(open('k.txt').read()))
#--- append-two-writers
if True:
    f = open('log.txt', 'a')
    g = open('log.txt', 'a')
    f.write('one\n')
    g.write('two\n')
    g.close()
    f.close()
print(repr(open('log.txt').read()))
#--- exclusive-twice-in-one-statement
if True:
    a = open('x.txt', 'x')
    try:
        b = open('x.txt', 'x')
    except FileExistsError as e:
        print(type(e).__name__, e)
    a.write('first')
    a.close()
print(open('x.txt').read())
