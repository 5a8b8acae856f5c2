# np.finfo / np.iinfo (issue 9 §4).
#--- finfo-float32-eps
print(np.finfo(np.float32).eps)
#--- finfo-float64-eps-repr
print(repr(np.finfo(np.float64).eps))
#--- finfo-float16-limits
f = np.finfo(np.float16)
print(f.eps, f.max, f.min, f.tiny, f.resolution, f.bits, f.precision)
#--- finfo-float32-all
f = np.finfo('float32')
print(f.epsneg, f.max, f.min, f.tiny, f.smallest_normal, f.smallest_subnormal, f.resolution)
print(f.bits, f.precision, f.machep, f.negep, f.minexp, f.maxexp, f.nexp, f.nmant, f.iexp, f.dtype)
#--- finfo-float64-all
f = np.finfo(float)
print(f.epsneg, f.max, f.min, f.tiny, f.smallest_subnormal, f.resolution, f.dtype)
print(f.machep, f.negep, f.minexp, f.maxexp, f.nexp, f.nmant)
#--- finfo-from-array-dtype
x = np.ones(3, dtype=np.float32)
print(np.finfo(x.dtype).max)
#--- finfo-stable-log
p = np.array([0.0, 0.5], dtype=np.float32)
print(np.log(p + np.finfo(p.dtype).eps))
#--- finfo-eps-types
print(type(np.finfo(np.float32).eps).__name__, type(np.finfo(np.float64).max).__name__)
#--- finfo-str
for t in (np.float16, np.float32, np.float64):
    print(np.finfo(t))
#--- finfo-repr
for t in (np.float16, np.float32, np.float64):
    print(repr(np.finfo(t)))
#--- iinfo-int32
print(np.iinfo(np.int32).max, np.iinfo(np.int32).min)
#--- iinfo-all
for t in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64):
    i = np.iinfo(t)
    print(i.min, i.max, i.bits, i.kind, i.dtype)
#--- iinfo-str-repr
print(np.iinfo('uint8'))
print(repr(np.iinfo(np.int64)))
#--- iinfo-from-dtype
x = np.arange(3, dtype=np.int16)
print(np.iinfo(x.dtype).max + 1)
#--- error-finfo-int
print(np.finfo(np.int32))
#--- error-finfo-int-name
print(np.finfo('int8'))
#--- error-iinfo-float
print(np.iinfo(np.float32))
#--- error-iinfo-float-name
print(np.iinfo('f8'))
