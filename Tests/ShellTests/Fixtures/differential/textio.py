# Text files: np.savetxt, np.loadtxt, np.genfromtxt as tutorials use them (each case runs in its own temporary directory).
# rnnsh has no open(): a case writes its file with np.savetxt(name, np.zeros((0, 1)), header=TEXT, comments=''),
# which writes TEXT and a newline (TextFileTests checks savetxt's own text against numpy's).
# genfromtxt's 'Some errors were detected !' spans lines; rnnsh prints an uncaught error on one line, so those cases print it caught.
#--- savetxt-0d
np.savetxt('p.txt', np.float64(1))
#--- savetxt-3d
np.savetxt('p.txt', np.zeros((2, 2, 2)))
#--- savetxt-fmt-list-wrong-length
np.savetxt('p.txt', np.arange(6.0).reshape(2, 3), fmt=['%d', '%d'])
#--- savetxt-fmt-wrong-count
np.savetxt('p.txt', np.arange(6.0).reshape(2, 3), fmt='%d %d')
#--- savetxt-fmt-no-percent
np.savetxt('p.txt', np.arange(6.0).reshape(2, 3), fmt='abc')
#--- savetxt-fmt-int
np.savetxt('p.txt', np.arange(6.0).reshape(2, 3), fmt=5)
#--- savetxt-fmt-bad-char
np.savetxt('p.txt', np.arange(6.0).reshape(2, 3), fmt='%q')
#--- savetxt-fmt-mismatch
np.savetxt('p.txt', np.arange(6.0).reshape(2, 3), fmt='%%d %d')
#--- savetxt-ragged
np.savetxt('p.txt', [[1, 2], [3]])
#--- savetxt-missing-dir
np.savetxt('nodir/p.txt', np.arange(3))
#--- savetxt-no-extension-added
np.savetxt('plain', np.arange(2))
print(np.loadtxt('plain'))
np.loadtxt('plain.txt')
#--- loadtxt-basic
np.savetxt('a.txt', np.zeros((0, 1)), header='# comment\n1 2 3\n4 5 6\n\n7 8 9  # trailing', comments='')
print(repr(np.loadtxt('a.txt')))
#--- loadtxt-roundtrip
x = np.arange(12.0).reshape(3, 4) / 7
np.savetxt('r.txt', x)
y = np.loadtxt('r.txt')
print(np.array_equal(x, y), y.dtype, y.shape)
#--- loadtxt-csv-skiprows
np.savetxt('c.csv', np.zeros((0, 1)), header='x,y,z\n1,2,3\n4, 5 ,6', comments='')
print(repr(np.loadtxt('c.csv', delimiter=',', skiprows=1)))
#--- loadtxt-dtype-int
np.savetxt('c.csv', np.zeros((0, 1)), header='x,y,z\n1,2,3\n4, 5 ,6', comments='')
print(repr(np.loadtxt('c.csv', delimiter=',', skiprows=1, dtype=int)))
#--- loadtxt-usecols
np.savetxt('c.csv', np.zeros((0, 1)), header='x,y,z\n1,2,3\n4, 5 ,6', comments='')
print(repr(np.loadtxt('c.csv', delimiter=',', skiprows=1, usecols=(0, 2))))
print(repr(np.loadtxt('c.csv', delimiter=',', skiprows=1, usecols=1)))
print(repr(np.loadtxt('c.csv', delimiter=',', skiprows=1, usecols=-1)))
print(repr(np.loadtxt('c.csv', delimiter=',', skiprows=1, usecols=[1, 0])))
#--- loadtxt-usecols-range
print(repr(np.loadtxt(['1 2 3', '4 5 6'], usecols=range(2))))
#--- loadtxt-usecols-out-of-range
np.savetxt('c.csv', np.zeros((0, 1)), header='x,y,z\n1,2,3\n4, 5 ,6', comments='')
np.loadtxt('c.csv', delimiter=',', skiprows=1, usecols=5)
#--- loadtxt-usecols-negative-out-of-range
np.loadtxt(['1 2', '3 4'], usecols=[-3])
#--- loadtxt-usecols-float
np.loadtxt(['1 2', '3 4'], usecols=1.5)
#--- loadtxt-usecols-empty
print(repr(np.loadtxt(['1 2', '3 4'], usecols=[])))
#--- loadtxt-usecols-repeat
print(repr(np.loadtxt(['1 2', '3 4'], usecols=[0, 0])))
#--- loadtxt-unpack
np.savetxt('c.csv', np.zeros((0, 1)), header='x,y,z\n1,2,3\n4, 5 ,6', comments='')
x, y, z = np.loadtxt('c.csv', delimiter=',', skiprows=1, unpack=True)
print(x, y, z)
#--- loadtxt-max-rows
np.savetxt('a.txt', np.zeros((0, 1)), header='# comment\n1 2 3\n4 5 6\n\n7 8 9  # trailing', comments='')
print(repr(np.loadtxt('a.txt', max_rows=2)))
print(repr(np.loadtxt('a.txt', skiprows=2)))
print(repr(np.loadtxt('a.txt', skiprows=1, max_rows=1)))
#--- loadtxt-max-rows-zero
print(repr(np.loadtxt(['1 2', '3 4'], max_rows=0)))
#--- loadtxt-columns-changed
np.savetxt('bad.txt', np.zeros((0, 1)), header='1 2 3\n4 5', comments='')
np.loadtxt('bad.txt')
#--- loadtxt-columns-changed-after-comments
np.savetxt('e2.txt', np.zeros((0, 1)), header='# c\n\n1 2 3\n# c2\n\n4 6', comments='')
np.loadtxt('e2.txt')
#--- loadtxt-bad-field
np.savetxt('abc.txt', np.zeros((0, 1)), header='1 2 abc', comments='')
np.loadtxt('abc.txt')
#--- loadtxt-bad-field-int
np.savetxt('abc.txt', np.zeros((0, 1)), header='1 2 abc', comments='')
np.loadtxt('abc.txt', dtype=int)
#--- loadtxt-bad-field-second-row
np.savetxt('e1.txt', np.zeros((0, 1)), header='# c\n\n1 2 3\n# c2\n\n4 x 6', comments='')
np.loadtxt('e1.txt')
#--- loadtxt-bad-field-usecols
np.loadtxt(['1 2 x', '1 2 3'], usecols=[-1])
#--- loadtxt-float-syntax
print(repr(np.loadtxt([' 1.5 , -2e3 ,Infinity, -NaN , .5, 5.'], delimiter=',')))
#--- loadtxt-hex-refused
np.loadtxt(['1.5 0x10'])
#--- loadtxt-int-float-refused
np.loadtxt(['1.5 2'], dtype=int)
#--- loadtxt-int8-overflow
np.loadtxt(['300 -1 +7'], dtype=np.int8)
#--- loadtxt-uint8-negative
np.loadtxt(['1 -1'], dtype=np.uint8)
#--- loadtxt-int-signs
print(repr(np.loadtxt(['300 -1 +7'], dtype=int)))
#--- loadtxt-float32
print(repr(np.loadtxt(['1;2;3', '4;5;6'], delimiter=';', dtype=np.float32)))
#--- loadtxt-bool
print(repr(np.loadtxt(['0 1 2', '3 0 -1'], dtype=bool)))
#--- loadtxt-one-row
print(repr(np.loadtxt(['1 2 3'])))
print(repr(np.loadtxt(['1 2 3'], ndmin=2)))
#--- loadtxt-one-column
print(repr(np.loadtxt(['1', '2', '3'])))
print(repr(np.loadtxt(['1', '2'], ndmin=2)))
#--- loadtxt-single-value
print(repr(np.loadtxt(['42'])))
print(repr(np.loadtxt(['42'], ndmin=1)))
#--- loadtxt-ndmin-bad
np.loadtxt(['1 2'], ndmin=3)
#--- loadtxt-unpack-ndmin
print(repr(np.loadtxt(['1 2', '3 4', '5 6'], unpack=True, ndmin=1)))
print(repr(np.loadtxt(['1 2'], ndmin=2, unpack=True)))
#--- loadtxt-empty-file
np.savetxt('empty.txt', np.zeros((0, 1)))
print(repr(np.loadtxt('empty.txt')))
#--- loadtxt-only-comments
print(repr(np.loadtxt(['#a', ''])))
print(repr(np.loadtxt(['#a'], usecols=[0, 1])))
print(repr(np.loadtxt(['#a'], ndmin=2)))
#--- loadtxt-skip-all
print(repr(np.loadtxt(['1 2'], skiprows=3)))
#--- loadtxt-negative-skiprows
np.loadtxt(['1 2'], skiprows=-1)
#--- loadtxt-negative-max-rows
np.loadtxt(['1 2'], max_rows=-1)
#--- loadtxt-missing-file
np.loadtxt('nofile.txt')
#--- loadtxt-header-not-skipped
np.savetxt('c.csv', np.zeros((0, 1)), header='x,y,z\n1,2,3', comments='')
np.loadtxt('c.csv', delimiter=',')
#--- loadtxt-comments-none
np.loadtxt(['# x', '1 2'], comments=None)
#--- loadtxt-comments-list
print(repr(np.loadtxt(['1 2', '3 4 % x', '5 6 // y'], comments=['%', '//'])))
#--- loadtxt-comments-multichar
print(repr(np.loadtxt(['1 2 // x', '3 4'], comments='//')))
#--- loadtxt-delimiter-empty
np.loadtxt(['1 2'], delimiter='')
#--- loadtxt-delimiter-two-chars
np.loadtxt(['1 2'], delimiter='ab')
#--- loadtxt-delimiter-space-double
np.loadtxt(['1  2'], delimiter=' ')
#--- loadtxt-tabs
print(repr(np.loadtxt(['1\t2', ' 3 \t 4 '])))
#--- loadtxt-trailing-delimiter
np.loadtxt(['1,2,'], delimiter=',')
#--- loadtxt-blank-line-with-delimiter
np.loadtxt(['1,2', '   ', '3,4'], delimiter=',')
#--- loadtxt-empty-lines-with-delimiter
print(repr(np.loadtxt(['1,2', '', '3,4'], delimiter=',')))
#--- loadtxt-list-of-lines
print(repr(np.loadtxt(['1 2\n', '3 4\n'], dtype=int)))
#--- loadtxt-crlf
np.savetxt('w.txt', np.zeros((0, 1)), header='1,2\r\n3,4', comments='', newline='\r\n')
print(repr(np.loadtxt('w.txt', delimiter=',')))
#--- loadtxt-iris-style
np.savetxt('data.csv', np.zeros((0, 1)), header='sepal_length,sepal_width,label\n5.1,3.5,0\n4.9,3.0,0\n6.2,3.4,1', comments='')
data = np.loadtxt('data.csv', delimiter=',', skiprows=1)
X, y = data[:, :2], data[:, 2].astype(int)
print(X.mean(axis=0), np.bincount(y))
#--- genfromtxt-missing
np.savetxt('miss.csv', np.zeros((0, 1)), header='1,2,3\n4,,6\n7,8,', comments='')
print(repr(np.genfromtxt('miss.csv', delimiter=',')))
#--- genfromtxt-basic
np.savetxt('a.txt', np.zeros((0, 1)), header='# comment\n1 2 3\n4 5 6\n\n7 8 9  # trailing', comments='')
print(repr(np.genfromtxt('a.txt')))
#--- genfromtxt-header-as-nan
np.savetxt('c.csv', np.zeros((0, 1)), header='x,y,z\n1,2,3\n4, 5 ,6', comments='')
print(repr(np.genfromtxt('c.csv', delimiter=',')))
print(repr(np.genfromtxt('c.csv', delimiter=',', skip_header=1)))
#--- genfromtxt-bad-field-nan
print(repr(np.genfromtxt(['1 2 abc'])))
#--- genfromtxt-wrong-width
try:
    np.genfromtxt(['1 2 3', '4 5'])
except ValueError as e:
    print(e)
#--- genfromtxt-wrong-width-after-comments
np.savetxt('e2.txt', np.zeros((0, 1)), header='# c\n\n1 2 3\n# c2\n\n4 6', comments='')
try:
    np.genfromtxt('e2.txt')
except ValueError as e:
    print(e)
#--- genfromtxt-wrong-width-header
np.savetxt('e3.txt', np.zeros((0, 1)), header='h1\nh2\n1 2 3\n\n4 6', comments='')
try:
    np.genfromtxt('e3.txt')
except ValueError as e:
    print(e)
#--- genfromtxt-wrong-width-skip-header
np.savetxt('e3.txt', np.zeros((0, 1)), header='h1\nh2\n1 2 3\n\n4 6', comments='')
try:
    np.genfromtxt('e3.txt', skip_header=2)
except ValueError as e:
    print(e)
#--- genfromtxt-invalid-raise-false
print(repr(np.genfromtxt(['1,2', '3,4', '5'], delimiter=',', invalid_raise=False)))
#--- genfromtxt-filling
np.savetxt('miss.csv', np.zeros((0, 1)), header='1,2,3\n4,,6\n7,8,', comments='')
print(repr(np.genfromtxt('miss.csv', delimiter=',', filling_values=-1)))
print(repr(np.genfromtxt('miss.csv', delimiter=',', filling_values=0.5)))
#--- genfromtxt-int-missing
np.savetxt('miss.csv', np.zeros((0, 1)), header='1,2,3\n4,,6\n7,8,', comments='')
print(repr(np.genfromtxt('miss.csv', delimiter=',', dtype=int)))
#--- genfromtxt-int-bad
print(repr(np.genfromtxt(['1.5 2', '3 x'], dtype=int)))
#--- genfromtxt-uint8-overflow
np.genfromtxt(['300 -1 +7'], dtype=np.uint8)
#--- genfromtxt-float32
print(repr(np.genfromtxt(['1,,2', '3,4,'], delimiter=',', dtype=np.float32)))
#--- genfromtxt-usecols
np.savetxt('miss.csv', np.zeros((0, 1)), header='1,2,3\n4,,6\n7,8,', comments='')
print(repr(np.genfromtxt('miss.csv', delimiter=',', usecols=(0, 1))))
print(repr(np.genfromtxt('miss.csv', delimiter=',', usecols=-1)))
#--- genfromtxt-usecols-out-of-range
try:
    np.genfromtxt(['1 2 3', '4 5 6'], usecols=(0, 5))
except ValueError as e:
    print(e)
#--- genfromtxt-usecols-short-row
try:
    np.genfromtxt(['1 2', '3', '5 6'], usecols=(0, 1))
except ValueError as e:
    print(e)
#--- genfromtxt-usecols-long-rows-ok
print(repr(np.genfromtxt(['1 2', '3 4', '5 6 7'], usecols=(0, 1))))
#--- genfromtxt-max-rows
np.savetxt('miss.csv', np.zeros((0, 1)), header='1,2,3\n4,,6\n7,8,', comments='')
print(repr(np.genfromtxt('miss.csv', delimiter=',', max_rows=2)))
print(repr(np.genfromtxt(['1,2', '3,4', '5,6'], delimiter=',', max_rows=2, skip_header=1)))
#--- genfromtxt-max-rows-zero
np.genfromtxt(['1,2', '3,4'], delimiter=',', max_rows=0)
#--- genfromtxt-max-rows-and-footer
np.genfromtxt(['1,2', '3,4'], delimiter=',', max_rows=2, skip_footer=1)
#--- genfromtxt-skip-footer
print(repr(np.genfromtxt(['1,2', '3,4', '5,6'], delimiter=',', skip_footer=1)))
#--- genfromtxt-unpack
np.savetxt('miss.csv', np.zeros((0, 1)), header='1,2,3\n4,,6\n7,8,', comments='')
print(repr(np.genfromtxt('miss.csv', delimiter=',', unpack=True)))
a, b = np.genfromtxt(['1 2', '3 4'], unpack=True)
print(a, b)
#--- genfromtxt-one-column
print(repr(np.genfromtxt(['1', '2', '3'])))
print(repr(np.genfromtxt(['42'])))
#--- genfromtxt-empty
print(repr(np.genfromtxt(['#a', ''])))
#--- genfromtxt-missing-values-marker
print(repr(np.genfromtxt(['1,NA,3', '4,5,?'], delimiter=',', missing_values=['NA', '?'])))
#--- genfromtxt-names-none
print(repr(np.genfromtxt(['1 2', '3 4'], names=None)))
#--- genfromtxt-missing-file
np.genfromtxt('nofile.txt')
#--- genfromtxt-fill-nan-then-mean
np.savetxt('m.csv', np.zeros((0, 1)), header='1,2\n,4\n5,', comments='')
d = np.genfromtxt('m.csv', delimiter=',')
col_mean = np.nanmean(d, axis=0)
rows, cols = np.where(np.isnan(d))
d[rows, cols] = col_mean[cols]
print(d)
#--- loadtxt-crlf-blank-lines
np.savetxt('w.txt', np.zeros((0, 1)), header='1,2\r\n\r\n3,4', comments='', newline='\r\n')
print(repr(np.loadtxt('w.txt', delimiter=',')))
print(repr(np.genfromtxt('w.txt', delimiter=',')))
#--- loadtxt-cr-only
np.savetxt('w.txt', np.zeros((0, 1)), header='1 2\r3 4', comments='', newline='\r')
print(repr(np.loadtxt('w.txt')))
print(repr(np.genfromtxt('w.txt')))
#--- loadtxt-list-crlf-items
print(repr(np.loadtxt(['1,2\r\n', '3,4\r'], delimiter=',')))
print(repr(np.genfromtxt(['1,2\r\n', '3,4\r\n'], delimiter=',')))
#--- loadtxt-uint64-full-range
print(repr(np.loadtxt(['18446744073709551615 9223372036854775808'], dtype=np.uint64)))
#--- loadtxt-uint64-past-range
np.loadtxt(['18446744073709551616 1'], dtype=np.uint64)
#--- loadtxt-int64-past-range
np.loadtxt(['1 99999999999999999999999999999999999999999999'], dtype=int)
#--- loadtxt-underscore-refused
np.loadtxt(['1_000 2'])
#--- genfromtxt-uint64-full-range
print(repr(np.genfromtxt(['18446744073709551615 9223372036854775808'], dtype=np.uint64)))
#--- genfromtxt-uint64-past-range
np.genfromtxt(['18446744073709551616 1'], dtype=np.uint64)
#--- genfromtxt-int-past-c-long
np.genfromtxt(['9223372036854775808 1'], dtype=int)
#--- genfromtxt-int8-past-c-long
np.genfromtxt(['-99999999999999999999999999999999999999999999 1'], dtype=np.int8)
#--- genfromtxt-uint64-missing-default
np.genfromtxt(['1 x'], dtype=np.uint64)
#--- genfromtxt-uint64-filling
print(repr(np.genfromtxt(['1.5 2', '3 x'], dtype=np.uint64, filling_values=7)))
#--- genfromtxt-underscores
print(repr(np.genfromtxt(['1_000 2_0.5 _1 1__0 1_'])))
print(repr(np.genfromtxt(['1_000 2'], dtype=int)))
#--- genfromtxt-bool-words
print(repr(np.genfromtxt(['True false TRUE', '0 1 2'], dtype=bool)))
#--- genfromtxt-bool-blanks-autostrip
print(repr(np.genfromtxt(['true, true ,false '], dtype=bool, delimiter=',')))
print(repr(np.genfromtxt(['true, true ,false '], dtype=bool, delimiter=',', autostrip=True)))
#--- genfromtxt-bool-filling
print(repr(np.genfromtxt(['1,,0'], dtype=bool, delimiter=',', filling_values=2)))
