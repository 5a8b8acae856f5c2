# Answers the red team of issue 12 found wrong, with CPython + numpy as the oracle: a range's
# slice is a range, and %c refuses what CPython refuses with its words.
#--- range-slice-repr
print(range(10)[2:5], range(10)[::-1], range(0, 20, 3)[1:10:2], range(10)[-100:100])
#--- range-slice-empty
print(range(5)[10:], range(10)[5:2], range(5, 0, -1)[::-2])
#--- range-slice-of-slice
r = range(3, 100, 7)[2:-1:3]
print(r, list(r), r[1], len(r), r == range(17, 94, 21))
#--- range-slice-huge
print(range(10**18)[::2], range(10**18)[:3], len(range(10**18)[5::7]))
#--- range-slice-zero-step
range(5)[::0]
#--- percent-c-big
print('%c' % 2**40)
#--- percent-c-bigger
print('%c' % 2**70)
#--- percent-c-negative
print('%c' % -1)
#--- percent-c-float
print('%c' % 1.5)
#--- percent-c-two-chars
print('%c' % 'ab')
#--- percent-c-empty
print('%c' % '')
#--- percent-c-ok
print('%c|%3c|%-3c|%c' % (65, 'b', 0x263A, np.int64(66)))
#--- format-c-big
print('{:c}'.format(2**40))
#--- format-c-negative
print(format(-1, 'c'))
#--- format-c-top
print(format(0x110000, 'c'))
#--- format-precision-too-big
print(format(1.5, '.2147483648f'))
#--- percent-precision-too-big
print('%.2147483648f' % 1.5)
