/// numpy's `.npy` files: `np.load`/`np.save` for one array.
///
/// Reading accepts format 1.0/2.0/3.0, the twelve dtypes in either byte order, C or Fortran order,
/// and always returns a native, C-ordered array. Writing produces exactly `np.save`'s bytes for
/// the same array. Every failure is one line that starts with the file's name.
public enum NPYFile {
    /// Loads the array in the file at `path`. Only the header is read before the size is checked
    /// against the data actually present and against `Limits`, so a lying header costs nothing.
    public static func read(path: String) throws(TensorError) -> NDArray {
        let file = try BinaryFile(path: path)
        let first = try file.bytes(at: 0, count: 12)
        guard let total = try NPYHeader.headerLength(prefix: first[...], name: path) else {
            throw TensorError("\(path): not a .npy file (truncated header)")
        }
        let headerBytes = try file.bytes(at: 0, count: total)
        let header = try NPYHeader.parse(headerBytes[...], name: path)
        let array = try allocate(header, dataAvailable: file.size - header.dataOffset, name: path)
        if array.nbytes > 0 {
            let got = try file.read(into: array.storage.pointer, count: array.nbytes, at: header.dataOffset)
            if got != array.nbytes {
                throw TensorError("\(path): file shrank while being read (expected \(array.nbytes) bytes of data, got \(got))")
            }
        }
        return try finish(array, header)
    }

    /// Loads an array from the bytes of a `.npy` file (e.g. an `.npz` member); `name` starts
    /// every error message.
    public static func read(data: [UInt8], name: String) throws(TensorError) -> NDArray {
        let header = try NPYHeader.parse(data[...], name: name)
        let array = try allocate(header, dataAvailable: data.count - header.dataOffset, name: name)
        if array.nbytes > 0 {
            var failure: TensorError?
            data.withUnsafeBytes { src in
                guard let base = src.baseAddress else { return }
                do throws(TensorError) {
                    try Cancellation.copyMemory(to: array.storage.pointer, from: base.advanced(by: header.dataOffset), byteCount: array.nbytes)
                } catch { failure = error }
            }
            if let failure { throw failure }
        }
        return try finish(array, header)
    }

    /// Saves `a` atomically as `np.save` would, streaming: the header, then the array's own
    /// memory handed straight to the file (no copy of the data is built first, so saving a
    /// 100 MB array costs what numpy's does and no extra 100 MB).
    public static func write(_ a: NDArray, to path: String) throws(TensorError) {
        try AtomicWrite.write(to: path) { (sink: inout AtomicWrite.Sink) throws(TensorError) in
            try write(a, into: &sink)
        }
    }

    /// Writes the bytes `encode(a)` returns into `sink`: a contiguous array (in the order the
    /// header states) directly from its storage, anything else (strided views, bool arrays whose
    /// bytes must be normalised to 0/1) through a 1 MiB buffer.
    public static func write(_ a: NDArray, into sink: inout AtomicWrite.Sink) throws(TensorError) {
        let (header, walk) = layout(a)
        try sink.write(header)
        let w = a.itemSize
        let src = UnsafeRawPointer(a.storage.pointer)
        let swap = a.isBigEndian
        if walk.isCContiguous && a.dtype != .bool && !swap {
            let start = walk.size == 0 ? 0 : walk.offset * w
            try sink.write(UnsafeRawBufferPointer(start: src.advanced(by: start), count: walk.nbytes))
            return
        }
        let capacity = Swift.max(w, (1 << 20) / w * w)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        var failure: TensorError? = nil
        let isBool = a.dtype == .bool
        walk.forEachOffset { off in
            guard failure == nil else { return }
            if isBool {
                buffer.storeBytes(of: src.load(fromByteOffset: off, as: UInt8.self) == 0 ? 0 : 1, toByteOffset: filled, as: UInt8.self)
            } else {
                (buffer + filled).copyMemory(from: src.advanced(by: off * w), byteCount: w)
                // A big-endian array's bytes are native in memory: the file gets them reversed.
                if swap {
                    var bytes = UnsafeMutableRawBufferPointer(start: buffer + filled, count: w)
                    bytes.reverse()
                }
            }
            filled += w
            if filled == capacity {
                do throws(TensorError) { try sink.write(UnsafeRawBufferPointer(start: buffer, count: filled)) } catch { failure = error }
                filled = 0
            }
        }
        if let failure { throw failure }
        try sink.write(UnsafeRawBufferPointer(start: buffer, count: filled))
    }

    /// The header `np.save` writes for `a` and the view whose C order is the order of the data
    /// in the file: a Fortran-contiguous (but not C-contiguous) array is stored with
    /// `fortran_order: True` as numpy does (its data is C order of the reversed-axes view);
    /// anything else in C order.
    static func layout(_ a: NDArray) -> (header: [UInt8], walk: NDArray) {
        let fortran = a.ndim > 1 && a.isFContiguous && !a.isCContiguous
        let header = NPYHeader(dtype: a.dtype, shape: a.shape, fortranOrder: fortran, bigEndian: a.isBigEndian).encoded()
        let walk = fortran
            ? NDArray(viewing: a.storage, dtype: a.dtype, shape: a.shape.reversed(), strides: a.strides.reversed(), offset: a.offset)
            : a
        return (header, walk)
    }

    /// The bytes `np.save` writes for `a`: a Fortran-contiguous (but not C-contiguous) array
    /// is stored with `fortran_order: True` as numpy does; anything else in C order.
    public static func encode(_ a: NDArray) -> [UInt8] {
        let (header, walk) = layout(a)
        var out = header
        let w = a.itemSize
        out.reserveCapacity(header.count + a.nbytes)
        let src = UnsafeRawPointer(a.storage.pointer)
        if walk.isCContiguous {
            let start = walk.size == 0 ? 0 : walk.offset * w
            out.append(contentsOf: UnsafeRawBufferPointer(start: src.advanced(by: start), count: walk.nbytes))
        } else {
            walk.forEachOffset { off in
                out.append(contentsOf: UnsafeRawBufferPointer(start: src.advanced(by: off * w), count: w))
            }
        }
        if a.dtype == .bool {
            for i in header.count..<out.count where out[i] > 1 { out[i] = 1 }
        }
        if a.isBigEndian {
            var i = header.count
            while i + w <= out.count { out[i..<(i + w)].reverse(); i += w }
        }
        return out
    }

    // MARK: Helpers

    /// `emit(bytes)` (the standard library's `withUnsafeBytes` rethrows only untyped errors).
    static func emitArray(_ bytes: [UInt8], _ emit: (UnsafeRawBufferPointer) throws(TensorError) -> Void) throws(TensorError) {
        var failure: TensorError?
        bytes.withUnsafeBytes { p in
            do throws(TensorError) { try emit(p) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Checks the header's promise against the bytes present, then against `Limits`, and only
    /// then allocates — without zero-filling: the caller overwrites every byte.
    static func allocate(_ header: NPYHeader, dataAvailable: Int, name: String) throws(TensorError) -> NDArray {
        let needed = try header.dataByteCount(name: name)
        if needed != dataAvailable {
            throw TensorError("\(name): header says shape \(shapeString(header.shape)) of \(header.dtype.name) but the file holds \(max(0, dataAvailable)) bytes of data",
                              explanation: "shape \(shapeString(header.shape)) of \(header.dtype.name) needs \(needed) bytes")
        }
        do {
            // Every byte is read into it next (or the read fails and the array is dropped).
            return try NDArray(uninitialized: header.shape, dtype: header.dtype)
        } catch {
            throw TensorError("\(name): \(error.message)", explanation: error.explanation)
        }
    }

    /// Turns raw file bytes into a native C-ordered array: swaps big-endian data, maps bool
    /// bytes other than 0/1 to 1, and reorders Fortran-ordered data.
    static func finish(_ raw: NDArray, _ header: NPYHeader) throws(TensorError) -> NDArray {
        let p = raw.storage.pointer
        let n = raw.size
        if header.bigEndian {
            switch raw.itemSize {
            case 2:
                let q = p.bindMemory(to: UInt16.self, capacity: max(n, 1))
                for i in 0..<n { q[i] = q[i].byteSwapped }
            case 4:
                let q = p.bindMemory(to: UInt32.self, capacity: max(n, 1))
                for i in 0..<n {
                    q[i] = q[i].byteSwapped
                    if i & 0xFFFFF == 0xFFFFF { try Cancellation.check() }
                }
            case 8:
                let q = p.bindMemory(to: UInt64.self, capacity: max(n, 1))
                for i in 0..<n {
                    q[i] = q[i].byteSwapped
                    if i & 0xFFFFF == 0xFFFFF { try Cancellation.check() }
                }
            default: break
            }
        }
        if raw.dtype == .bool {
            let q = p.bindMemory(to: UInt8.self, capacity: max(n, 1))
            for i in 0..<n where q[i] > 1 { q[i] = 1 }
        }
        raw.storage.isBigEndian = header.bigEndian
        guard header.fortranOrder && raw.ndim > 1 else { return raw }
        var strides = [Int](repeating: 0, count: raw.ndim)
        var s = 1
        for i in 0..<raw.ndim {
            strides[i] = s
            s *= max(raw.shape[i], 1)
        }
        let c = try NDArray(viewing: raw.storage, dtype: raw.dtype, shape: raw.shape, strides: strides, offset: 0).contiguous()
        c.storage.isBigEndian = header.bigEndian
        return c
    }
}
