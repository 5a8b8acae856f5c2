# x.view(dtype): the same bytes read as another dtype (numpy's reinterpretation rules and errors).
#--- view-float32-as-int32
x = np.arange(3, dtype=np.float32)
print(x.view(np.int32))
#--- view-float32-as-uint8
x = np.arange(3, dtype=np.float32)
v = x.view(np.uint8)
print(v, v.shape, v.dtype)
#--- view-float64-as-uint64
print(np.array([1.0, -2.0]).view(np.uint64))
#--- view-float64-as-int8-repr
print(repr(np.arange(3.).view(np.int8)))
#--- view-string-dtype
x = np.arange(3.)
print(x.view('i8'), x.view(dtype=np.int64))
#--- view-larger
x = np.arange(4, dtype=np.float32)
print(x.view(np.float64))
#--- view-smaller-float16
x = np.arange(4, dtype=np.float32)
print(x.view(np.float16))
#--- view-larger-2d
x = np.arange(6, dtype=np.int32).reshape(3, 2)
y = x.view(np.int64)
print(y, y.shape)
#--- view-larger-not-divisor
x = np.arange(6, dtype=np.int32).reshape(2, 3)
x.view(np.int64)
#--- view-larger-1d-not-divisor
np.arange(3, dtype=np.float32).view(np.float64)
#--- view-last-axis-not-contiguous
x = np.arange(6, dtype=np.int32).reshape(3, 2)
x.T.view(np.int64)
#--- view-smaller-not-contiguous
x = np.arange(6, dtype=np.int32).reshape(3, 2)
x.T.view(np.int16)
#--- view-length-one-last-axis
x = np.arange(6, dtype=np.int32).reshape(3, 2)
print(x[:, :1].view(np.int16))
print(x[:, ::2].view(np.int16))
#--- view-0d-same-size
print(np.array(5, np.int32).view(np.float32))
#--- view-0d-other-size
np.array(5, np.int32).view(np.int64)
#--- view-writes-through
x = np.arange(3.)
x.view(np.int64)[0] = 1
print(x)
#--- view-no-dtype
x = np.arange(3.)
y = x.view()
y[0] = 9
print(x, y.base is x, y.flags.owndata, np.shares_memory(x, y))
#--- view-readonly
x = np.arange(3.)
x.setflags(write=False)
v = x.view(np.int64)
print(v.flags.writeable)
v[0] = 1
#--- view-empty
x = np.zeros((0, 3))
print(x.view(np.int64).shape, x.view(np.int32).shape)
print(np.zeros((3, 0), np.int32).view(np.int64).shape)
#--- view-bits-of-floats
x = np.array([1.0, 0.5, -2.0], dtype=np.float32)
bits = x.view(np.uint32)
print(bits >> 23 & 0xFF)
print((bits >> 31).astype(bool))
#--- view-int8-as-uint8
x = np.array([-1, -128, 127], dtype=np.int8)
print(x.view(np.uint8))
#--- view-shares-memory
x = np.arange(4, dtype=np.int16)
y = x.view(np.uint8)
print(np.shares_memory(x, y), y.base is x, y.size)
#--- view-bad-dtype
np.arange(3.).view('foo')
