# .npz and .npy as numpy has them: np.savez / savez_compressed / save and np.load's lazy NpzFile.
#--- savez-named-load
x = np.arange(6).reshape(2, 3)
np.savez('weights.npz', kernel=x, bias=np.zeros(3))
z = np.load('weights.npz')
print(z['kernel'])
print(z['bias'])
#--- npzfile-repr
np.savez('w.npz', kernel=np.ones(2), bias=np.zeros(2))
z = np.load('w.npz')
print(z)
print(z.files)
#--- npzfile-many-keys
np.savez('many.npz', a=np.ones(1), b=np.ones(1), c=np.ones(1), d=np.ones(1), e=np.ones(1), f=np.ones(1))
print(np.load('many.npz'))
#--- savez-positional
np.savez('pos', np.arange(3), np.arange(4.0))
z = np.load('pos.npz')
print(z.files)
print(z['arr_0'], z['arr_1'])
#--- savez-mixed
np.savez('mixed.npz', np.arange(2), w=np.ones((2, 2)))
print(np.load('mixed.npz').files)
#--- savez-appends-extension
np.savez('noext', a=np.arange(3))
print(np.load('noext.npz')['a'])
#--- savez-compressed
np.savez_compressed('small', data=np.arange(100).reshape(10, 10))
z = np.load('small.npz')
print(z['data'][2])
print(z.files)
#--- load-member-with-suffix
np.savez('s.npz', a=np.arange(3))
print(np.load('s.npz')['a.npy'])
#--- load-missing-key
np.savez('k.npz', a=np.arange(3))
z = np.load('k.npz')
print(z['b'])
#--- npz-len
np.savez('l.npz', a=np.arange(3), b=np.arange(2))
print(len(np.load('l.npz')))
#--- npz-f-attribute
np.savez('f.npz', kernel=np.arange(4).reshape(2, 2))
z = np.load('f.npz')
print(z.f.kernel)
#--- npz-allow-pickle-mmap
np.savez('p.npz', a=np.arange(3, dtype=np.int32))
z = np.load('p.npz', allow_pickle=False, mmap_mode='r')
print(repr(z['a']))
#--- npz-unpack
np.savez('u.npz', first=np.arange(2), second=np.arange(3))
a, b = np.load('u.npz')
print(a, b)
#--- npz-dtypes-roundtrip
np.savez('d.npz', f=np.array([1.5, -2.0], dtype=np.float32), u=np.array([0, 255], dtype=np.uint8), t=np.array([True, False]))
z = np.load('d.npz')
print(repr(z['f']), repr(z['u']), repr(z['t']))
#--- savez-duplicate-name
np.savez('dup.npz', np.arange(2), arr_0=np.arange(3))
#--- save-appends-npy
np.save('arr', np.arange(5))
print(np.load('arr.npy'))
#--- save-load-float32
x = np.arange(6, dtype=np.float32).reshape(3, 2) / 3
np.save('x.npy', x)
y = np.load('x.npy')
print(repr(y))
#--- save-keeps-npy-name
np.save('a.npy', np.ones(2))
print(np.load('a.npy'))
#--- load-missing-file
np.load('nothere.npz')
#--- load-npy-allow-pickle
np.save('b.npy', np.arange(3))
print(np.load('b.npy', allow_pickle=True))
#--- npz-iterate-keys
np.savez('it.npz', x=np.arange(1), y=np.arange(2))
z = np.load('it.npz')
k1, k2 = z
print(k1, k2)
#--- tutorial-checkpoint
W = np.arange(12, dtype=np.float32).reshape(3, 4) / 10
b = np.zeros(4, dtype=np.float32)
np.savez('model.npz', W=W, b=b)
params = np.load('model.npz')
W2 = params['W']
b2 = params['b']
print(W2.shape, W2.dtype, b2.dtype)
print(W2[1], b2)
