# The dtypes float16, int8, int16, uint16, uint32 and uint64 as tutorials meet them: creation with
# dtype=, astype, NEP 50 promotion with Python scalars, wraparound, printing, .npy/.npz.
#--- zeros-uint16
x = np.zeros(3, dtype='uint16')
print(x, x.dtype, x.itemsize, x.nbytes)
print(repr(x))
#--- array-int8
x = np.array([1, -2, 3], dtype=np.int8)
print(repr(x), x.dtype, x.itemsize)
#--- array-int8-out-of-bounds
x = np.array([1, 2, 300], dtype=np.int8)
#--- int8-plus-300
x = np.array([1, 2, 3], dtype=np.int8)
print(x + 300)
#--- int8-plus-100-wraps
x = np.array([100, 27, -128], dtype=np.int8)
print(x + 100)
print(x * 2)
print(-x)
#--- uint8-minus-one-wraps
x = np.array([0, 1, 255], dtype=np.uint8)
print(x - 1)
print(x + 1)
#--- uint64-plus-int64-is-float64
a = np.arange(3, dtype=np.uint64)
b = np.arange(3, dtype=np.int64)
print(repr(a + b))
print((a + b).dtype)
#--- uint64-plus-python-int
a = np.arange(3, dtype=np.uint64)
print(repr(a + 1))
print(repr(a * 2.5))
#--- uint32-with-int32
print((np.ones(2, dtype=np.uint32) + np.ones(2, dtype=np.int32)).dtype)
print((np.ones(2, dtype=np.uint16) + np.ones(2, dtype=np.int8)).dtype)
print((np.ones(2, dtype=np.uint8) + np.ones(2, dtype=np.int8)).dtype)
#--- float16-with-ints
print((np.ones(2, dtype=np.float16) + np.ones(2, dtype=np.int8)).dtype)
print((np.ones(2, dtype=np.float16) + np.ones(2, dtype=np.int16)).dtype)
print((np.ones(2, dtype=np.float16) + np.ones(2, dtype=np.uint32)).dtype)
print((np.ones(2, dtype=np.float16) + np.ones(2, dtype=np.float32)).dtype)
#--- float16-repr
print(repr(np.array([0.1, 0.2], dtype=np.float16)))
#--- float16-str
h = np.array([0.1, 0.2, 0.3, 1000.0, 2048.0], dtype=np.float16)
print(h)
#--- float16-arithmetic
h = np.array([0.1, 0.2, 0.3], dtype=np.float16)
print(h + h)
print(h * 3)
print(h / 7)
print(repr(h + 0.1))
#--- float16-scalars
print(np.float16(0.1), repr(np.float16(3.14159)))
print(np.float16(65504), np.float16(1e-5))
#--- float16-scientific
print(np.array([1e-5, 1.0, 30000.0], dtype=np.float16))
#--- float16-from-float64
x = np.array([0.1, 1.0 / 3, 2.0 / 3, 1e4 + 1])
print(repr(x.astype(np.float16)))
print(repr(x.astype('f2')))
#--- int-scalars
print(repr(np.int8(-5)), repr(np.uint16(7)), repr(np.uint32(4000000000)))
print(np.int16(300) + 1)
#--- astype-wraps
x = np.array([127, 128, 255, 256, -129])
print(repr(x.astype(np.int8)))
print(repr(x.astype(np.uint8)))
print(repr(x.astype(np.uint16)))
print(repr(x.astype(np.uint64)))
#--- astype-float-to-small-int
x = np.array([1.9, -1.9, 300.5, -300.5])
print(repr(x.astype(np.int8)), repr(x.astype(np.uint16)), repr(x.astype(np.uint32)))
#--- arange-dtypes
print(repr(np.arange(5, dtype=np.int8)))
print(repr(np.arange(0, 1, 0.25, dtype=np.float16)))
print(repr(np.arange(3, dtype='u4')))
#--- ones-full-dtypes
print(repr(np.ones((2, 2), dtype=np.float16)))
print(repr(np.full(3, 7, dtype=np.int16)))
print(repr(np.zeros(2, dtype='i1')))
#--- exp-of-uint8-is-float16
x = np.arange(4, dtype=np.uint8)
print(repr(np.exp(x)))
#--- sqrt-of-int16-is-float32
x = np.arange(4, dtype=np.int16)
print(repr(np.sqrt(x)))
#--- reductions-small-ints
x = np.array([100, 100, 100], dtype=np.int8)
print(repr(x.sum()), repr(x.mean()), repr(x.max()))
y = np.array([200, 200], dtype=np.uint8)
print(repr(y.sum()))
#--- float16-mean
h = np.array([0.1, 0.2, 0.3, 0.4], dtype=np.float16)
print(repr(h.sum()), repr(h.mean()))
#--- comparisons-mixed
a = np.array([-1, 0, 1], dtype=np.int8)
b = np.array([255, 0, 1], dtype=np.uint8)
print(a < b, a == b)
print(a == -1, b == 255, b == 256)
#--- bitwise-int16
a = np.array([3855, -1], dtype=np.int16)
print(a & 255, a | 1, a ^ a, ~a, a >> 4, a << 2)
#--- floor-divide-int8
a = np.array([7, -7, -128], dtype=np.int8)
print(a // 2, a % 3, a // -1)
#--- concatenate-promotes
print(repr(np.concatenate([np.ones(2, dtype=np.int8), np.ones(2, dtype=np.uint8)])))
#--- dtype-names
print(np.dtype('int8'), np.dtype('u2'), np.dtype('<u4'), np.dtype(np.uint64), np.dtype('f2'), np.dtype('half'))
print(np.dtype('i2').itemsize, np.dtype('float16').name)
#--- promote-types
print(np.promote_types('uint64', 'int64'), np.promote_types(np.int8, np.uint8), np.promote_types('f2', 'i2'))
print(np.promote_types(np.uint32, np.int8), np.promote_types('u1', 'f2'), np.promote_types(np.bool, np.int16))
#--- result-type-weak
print(np.result_type(np.int8, 1), np.result_type(np.int8, 1.0), np.result_type(np.float16, 1.0))
print(np.result_type(np.uint8, np.int8), np.result_type(np.arange(3, dtype=np.uint16), 2))
#--- can-cast
print(np.can_cast(np.int8, np.int16), np.can_cast(np.int16, np.int8), np.can_cast('u8', 'i8'))
print(np.can_cast('f8', 'f2'), np.can_cast('f8', 'f2', casting='same_kind'), np.can_cast('u1', 'f2'))
#--- dtype-equality
x = np.zeros(2, dtype=np.int16)
print(x.dtype == np.int16, x.dtype == 'int16', x.dtype == 'i2', x.dtype == np.uint16)
#--- inplace-same-kind
x = np.array([1, 2, 3], dtype=np.int8)
x += 1
print(x)
x += 1.5
#--- setitem-casts
x = np.zeros(3, dtype=np.int16)
x[0] = 7
x[1:] = 2.9
print(x)
x[2] = 70000
#--- float16-setitem
h = np.zeros(3, dtype=np.float16)
h[1] = 0.1
h[2] = 1e6
print(h)
#--- save-load-int8
np.save('a.npy', np.array([-1, 2, 127], dtype=np.int8))
print(repr(np.load('a.npy')))
#--- save-load-each-new-dtype
np.save('h.npy', np.array([0.5, 0.1], dtype=np.float16))
np.save('s.npy', np.array([-3, 300], dtype=np.int16))
np.save('u2.npy', np.array([3, 65535], dtype=np.uint16))
np.save('u4.npy', np.array([3, 4000000000], dtype=np.uint32))
np.save('u8.npy', np.arange(3, dtype=np.uint64) - np.uint64(1))
print(repr(np.load('h.npy')), repr(np.load('s.npy')), repr(np.load('u2.npy')))
print(repr(np.load('u4.npy')), repr(np.load('u8.npy')))
#--- savez-new-dtypes
np.savez('w.npz', a=np.ones((2, 2), dtype=np.float16), b=np.arange(4, dtype=np.int8).reshape(2, 2))
z = np.load('w.npz')
print(z['a'].dtype, z['b'].dtype)
print(repr(z['a']), repr(z['b']))
#--- sort-unique-small-ints
x = np.array([3, -1, 3, 2, -1], dtype=np.int8)
print(repr(np.sort(x)), repr(np.unique(x)), repr(np.argsort(x)))
#--- float16-argmax
h = np.array([0.1, 0.7, 0.3], dtype=np.float16)
print(np.argmax(h), np.max(h), h.min())
#--- matmul-int16
a = np.arange(4, dtype=np.int16).reshape(2, 2)
print(repr(a @ a))
#--- fancy-index-int8
x = np.arange(5, dtype=np.uint16) * 10
print(repr(x[[0, 2, 4]]), repr(x[x > 15]))
#--- where-promotes
x = np.arange(3, dtype=np.int8)
print(repr(np.where(x > 0, x, np.uint8(200))))
#--- clip-int8
x = np.array([-100, 0, 100], dtype=np.int8)
print(repr(np.clip(x, -10, 10)))
#--- tolist-and-item
x = np.array([1, 2], dtype=np.uint32)
print(x[0], x.sum(), repr(x[1]), x[1] * 3)
