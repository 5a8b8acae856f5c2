/// numpy's `.npz` files: a zip of `.npy` members, as `np.savez` (stored) and
/// `np.savez_compressed` (deflated) write them and `np.load` reads them.
public enum NPZFile {
    /// The arrays in the archive at `path`, named without the `.npy` suffix, in numpy's order:
    /// `arr_0, arr_1, …, arr_10` by numeric suffix first, then other names in archive order.
    public static func read(path: String) throws(TensorError) -> [(name: String, array: NDArray)] {
        try read(data: BinaryFile.readAll(path: path), name: path)
    }

    /// The same, from the bytes of an `.npz` file; `name` starts every error message.
    public static func read(data: [UInt8], name: String) throws(TensorError) -> [(name: String, array: NDArray)] {
        let zip = try ZipArchive(bytes: data, name: name)
        var out: [(name: String, array: NDArray)] = []
        out.reserveCapacity(zip.entries.count)
        for entry in zip.entries {
            try Cancellation.check()
            let bytes = try zip.contents(of: entry)
            let array = try NPYFile.read(data: bytes, name: "\(name): member \(entry.displayName)")
            let short = UntrustedText.escaped(entry.name.hasSuffix(".npy") ? String(entry.name.dropLast(4)) : entry.name)
            out.append((short, array))
        }
        return ordered(out)
    }

    /// Saves `members` atomically as `np.savez(path, **members)` would (or
    /// `np.savez_compressed` with `compressed: true`); each name gets the `.npy` suffix.
    public static func write(_ members: [(name: String, array: NDArray)], to path: String, compressed: Bool = false) throws(TensorError) {
        let files = try npyMembers(members)
        try AtomicWrite.write(to: path) { (sink: inout AtomicWrite.Sink) throws(TensorError) in
            try ZipArchive.encode(files, compressed: compressed) { (piece) throws(TensorError) in try sink.write(piece) }
        }
    }

    /// The bytes of the `.npz` file `write` would produce.
    public static func encode(_ members: [(name: String, array: NDArray)], compressed: Bool = false) throws(TensorError) -> [UInt8] {
        try ZipArchive.encode(npyMembers(members), compressed: compressed)
    }

    /// Each member as the bytes of its `.npy` file, named with the suffix. Their total is a
    /// temporary copy of the arrays, so it must fit in what is left of the memory budget.
    static func npyMembers(_ members: [(name: String, array: NDArray)]) throws(TensorError) -> [(name: String, data: [UInt8])] {
        var total = 0
        for m in members { total = total.addingReportingOverflow(m.array.nbytes).partialValue }
        try Limits.reserve(total, for: "the .npz members")
        var out: [(name: String, data: [UInt8])] = []
        for m in members { out.append((name: m.name + ".npy", data: try NPYFile.encode(m.array))) }
        return out
    }

    /// `arr_N` members sorted by N (so `arr_10` follows `arr_9`), then the rest in archive order.
    static func ordered(_ members: [(name: String, array: NDArray)]) -> [(name: String, array: NDArray)] {
        var numbered: [(n: Int, index: Int)] = []
        var others: [Int] = []
        for (i, m) in members.enumerated() {
            if let n = positionalIndex(m.name) { numbered.append((n, i)) } else { others.append(i) }
        }
        numbered.sort { $0.n != $1.n ? $0.n < $1.n : $0.index < $1.index }
        return (numbered.map(\.index) + others).map { members[$0] }
    }

    /// N for a name `arr_N` written the way `np.savez` writes it (decimal, no leading zeros).
    static func positionalIndex(_ name: String) -> Int? {
        guard name.hasPrefix("arr_") else { return nil }
        let digits = name.dropFirst(4)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        if digits.count > 1 && digits.first == "0" { return nil }
        return Int(digits)
    }
}
