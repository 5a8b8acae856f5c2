import Foundation
import Testing
import Tensor

/// Round trips with numpy itself: numpy must read every file we write (and our bytes must equal
/// `np.save`/`np.savez`'s), and we must read every kind of file numpy writes.
@Suite("npy/npz round trips with numpy")
struct IONumpyRoundTripTests {
    static let shapes: [[Int]] = [[], [0], [5], [2, 3], [2, 0, 3], [3, 4, 5]]

    static func shapeToken(_ s: [Int]) -> String { s.map(String.init).joined(separator: ",") }
    static func parseShape(_ t: Substring) -> [Int] { t.split(separator: ",").compactMap { Int($0) } }

    @Test("numpy loads our .npy files, and they are byte-identical to np.save")
    func numpyReadsOurNPY() throws {
        let dir = try IOSupport.tempDir("npy-out")
        defer { IOSupport.remove(dir) }
        var manifest: [String] = []
        var k = 0
        for dtype in DType.allCases {
            for shape in Self.shapes {
                let file = "\(dir)/c\(k).npy"; k += 1
                try NPYFile.write(IOSupport.make(dtype, shape), to: file)
                manifest.append("\(file) \(dtype.name) c \(Self.shapeToken(shape))")
            }
            // A transposed view is Fortran-contiguous: numpy saves it with fortran_order True.
            let t = "\(dir)/t\(k).npy"; k += 1
            try NPYFile.write(IOSupport.transposed(IOSupport.make(dtype, [2, 3])), to: t)
            manifest.append("\(t) \(dtype.name) T 2,3")
            // A strided view (numpy `a[::2]`) is neither: saved in C order.
            let base = try IOSupport.make(dtype, [8])
            let strided = NDArray(viewing: base.storage, dtype: dtype, shape: [4], strides: [2], offset: 0)
            let s = "\(dir)/s\(k).npy"; k += 1
            try NPYFile.write(strided, to: s)
            manifest.append("\(s) \(dtype.name) step2 8")
        }
        let out = try IOSupport.python(IOSupport.pythonMake + """

        import io, sys
        bad = []
        lines = sys.argv[1].strip().split('\\n')
        for line in lines:
            path, dtype, kind, shape = (line.split(' ') + [''])[:4]
            shape = tuple(int(x) for x in shape.split(',') if x)
            want = make(dtype, shape)
            if kind == 'T': want = want.T
            if kind == 'step2': want = want[::2]
            got = np.load(path)
            if got.dtype != want.dtype or got.shape != want.shape or not np.array_equal(got, want, equal_nan=want.dtype.kind == 'f'):
                bad.append(f'{path}: values differ: {got.dtype} {got.shape} vs {want.dtype} {want.shape}')
            buf = io.BytesIO(); np.save(buf, want)
            if open(path, 'rb').read() != buf.getvalue():
                bad.append(f'{path}: bytes differ from np.save ({kind} {dtype} {shape})')
        print('\\n'.join(bad) if bad else f'ok {len(lines)}')
        """, [manifest.joined(separator: "\n")])
        #expect(out == "ok \(manifest.count)\n")
    }

    @Test("numpy loads our .npz files, byte-identical to np.savez and np.savez_compressed")
    func numpyReadsOurNPZ() throws {
        let dir = try IOSupport.tempDir("npz-out")
        defer { IOSupport.remove(dir) }
        // numpy puts keyword arrays first, then arr_0…arr_N; write in that order to compare bytes.
        var members: [(name: String, array: NDArray)] = [
            ("weights", try IOSupport.make(.float32, [3, 4])),
            ("flags", try IOSupport.make(.bool, [5])),
        ]
        for i in 0..<12 {
            let dtype = DType.allCases[i % DType.allCases.count]
            members.append(("arr_\(i)", try IOSupport.make(dtype, i % 4 == 0 ? [] : [i, 2])))
        }
        for compressed in [false, true] {
            let path = "\(dir)/\(compressed ? "c" : "s").npz"
            try NPZFile.write(members, to: path, compressed: compressed)
            let out = try IOSupport.python(IOSupport.pythonMake + """

            import io, sys
            path, compressed = sys.argv[1], sys.argv[2] == '1'
            kw = {'weights': make('float32', (3, 4)), 'flags': make('bool', (5,))}
            dts = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32', 'float64']
            pos = [make(dts[i % 12], () if i % 4 == 0 else (i, 2)) for i in range(12)]
            z = np.load(path)
            names = list(z.files)
            assert names == ['weights', 'flags'] + [f'arr_{i}' for i in range(12)], names
            for name, want in list(kw.items()) + [(f'arr_{i}', a) for i, a in enumerate(pos)]:
                got = z[name]
                assert got.dtype == want.dtype and got.shape == want.shape, name
                assert np.array_equal(got, want, equal_nan=want.dtype.kind == 'f'), name
            buf = io.BytesIO()
            (np.savez_compressed if compressed else np.savez)(buf, *pos, **kw)
            assert open(path, 'rb').read() == buf.getvalue(), 'bytes differ from numpy'
            print('ok')
            """, [path, compressed ? "1" : "0"])
            #expect(out == "ok\n", "compressed=\(compressed)")
        }
    }

    @Test("we read every kind of file numpy writes")
    func weReadNumpyFiles() throws {
        let dir = try IOSupport.tempDir("npy-in")
        defer { IOSupport.remove(dir) }
        let manifest = try IOSupport.python(IOSupport.pythonMake + """

        import sys, os
        from numpy.lib import format as fmt
        d = sys.argv[1]
        dts = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32', 'float64']
        k = 0
        def out(path, entries):
            print(path + ' ' + ' '.join(f'{n}:{dt}:' + ','.join(map(str, s)) for n, dt, s in entries))
        for dt in dts:
            for shape in [(), (0,), (7,), (2, 3, 4), (3, 0)]:
                p = f'{d}/plain{k}.npy'; k += 1
                np.save(p, make(dt, shape)); out(p, [('-', dt, shape)])
            p = f'{d}/fortran{k}.npy'; k += 1
            np.save(p, np.asfortranarray(make(dt, (3, 4, 2)))); out(p, [('-', dt, (3, 4, 2))])
            p = f'{d}/bigendian{k}.npy'; k += 1
            a = make(dt, (2, 5)); np.save(p, a.astype(a.dtype.newbyteorder('>'))); out(p, [('-', dt, (2, 5))])
            p = f'{d}/bigfortran{k}.npy'; k += 1
            a = make(dt, (4, 3)); np.save(p, np.asfortranarray(a.astype(a.dtype.newbyteorder('>')))); out(p, [('-', dt, (4, 3))])
            for version in [(2, 0), (3, 0)]:
                p = f'{d}/v{version[0]}_{k}.npy'; k += 1
                with open(p, 'wb') as f: fmt.write_array(f, make(dt, (3, 2)), version=version)
                out(p, [('-', dt, (3, 2))])
        pos = [make(dts[i % 12], (i % 3, 2)) for i in range(12)]
        kw = {'x_train': make('uint8', (4, 28, 28)), 'y_train': make('uint8', (4,))}
        for name, saver in [('stored', np.savez), ('deflated', np.savez_compressed)]:
            p = f'{d}/{name}.npz'
            saver(p, *pos, **kw)
            out(p, [(f'arr_{i}', dts[i % 12], (i % 3, 2)) for i in range(12)] + [('x_train', 'uint8', (4, 28, 28)), ('y_train', 'uint8', (4,))])
        """, [dir])
        var checked = 0
        for line in manifest.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard let path = parts.first.map(String.init) else { continue }
            let expected = parts.dropFirst().map { p -> (String, DType?, [Int]) in
                let f = p.split(separator: ":", omittingEmptySubsequences: false)
                return (String(f[0]), DType(numpyName: String(f[1])), Self.parseShape(f[2]))
            }
            let got: [(name: String, array: NDArray)] = path.hasSuffix(".npz")
                ? try NPZFile.read(path: path)
                : [("-", try NPYFile.read(path: path))]
            #expect(got.map(\.name) == expected.map(\.0), "\(path)")
            for ((_, array), (name, dtype, shape)) in zip(got, expected) {
                let want = try IOSupport.make(try #require(dtype), shape)
                #expect(array.dtype == want.dtype, "\(path) \(name)")
                #expect(array.shape == shape, "\(path) \(name)")
                #expect(array.isCContiguous, "\(path) \(name)")
                // numpy keeps a file's byte order in the dtype (`>f4`); one-byte types have none.
                #expect(array.isBigEndian == (path.contains("/big") && want.itemSize > 1), "\(path) \(name)")
                #expect(try IOSupport.cBytes(array) == IOSupport.cBytes(want), "\(path) \(name)")
                checked += 1
            }
        }
        #expect(checked == 12 * 10 + 2 * 14)
    }

    @Test("NPYFile.read(data:) agrees with the file reader")
    func readFromBytes() throws {
        let a = try IOSupport.make(.float64, [4, 3])
        let bytes = try NPYFile.encode(a)
        let b = try NPYFile.read(data: bytes, name: "mem.npy")
        #expect(b.shape == [4, 3] && b.dtype == .float64)
        #expect(try IOSupport.cBytes(b) == IOSupport.cBytes(a))
    }
}

/// zip64 central-directory fields and end records: numpy writes them only past 2 GiB or 65,535
/// members, so the writer's threshold is lowered to 0 to produce them small; Python's
/// `zipfile` (numpy's reader) and ours must both read the result.
@Suite("zip64 records")
struct IOZip64Tests {
    @Test func zip64EverywhereReadsBack() throws {
        let dir = try IOSupport.tempDir("zip64")
        defer { IOSupport.remove(dir) }
        let members = try (0..<3).map { (name: "arr_\($0).npy", data: try NPYFile.encode(try IOSupport.make(.float64, [$0 + 1, 2]))) }
        for compressed in [false, true] {
            let bytes = try ZipArchive.encode(members, compressed: compressed, zip64Threshold: 0)
            #expect(bytes.count > 0)
            let archive = try ZipArchive(bytes: bytes, name: "z.npz")
            #expect(archive.entries.map(\.name) == ["arr_0.npy", "arr_1.npy", "arr_2.npy"])
            for (e, m) in zip(archive.entries, members) { #expect(try archive.contents(of: e) == m.data) }
            let path = "\(dir)/z\(compressed).npz"
            try IOSupport.writeFile(path, bytes)
            let out = try IOSupport.python(IOSupport.pythonMake + """

            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            # the central directory really holds zip64 extras and a zip64 end record exists
            assert all(len(i.extra) >= 20 for i in z.infolist()), [i.extra for i in z.infolist()]
            assert b'PK\\x06\\x06' in open(sys.argv[1], 'rb').read()
            d = np.load(sys.argv[1])
            for k in range(3):
                assert np.array_equal(d[f'arr_{k}'], make('float64', (k + 1, 2)), equal_nan=True)
            print('ok')
            """, [path])
            #expect(out == "ok\n")
        }
    }
}
