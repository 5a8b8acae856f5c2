import Tensor

/// What `np.load` returns for an `.npz` archive: numpy's `NpzFile`, a lazy mapping from member
/// names to arrays. The archive's bytes are read once; a member is decoded only when it is asked
/// for (`z['kernel']`), every time, as numpy does. `z.files` lists the names (without `.npy`) in
/// archive order, iterating yields them, and `z.f.kernel` (numpy's attribute bag) works — as
/// does `z.kernel`, which rnnsh kept from when `load` returned a record.
struct NpzFileObject: ShellObject {
    /// The file name as the user gave it (numpy's repr shows it so).
    let shownName: String
    let archive: ZipArchive
    /// Member names as stored (`kernel.npy`) and as numpy shows them (`kernel`), archive order.
    let storedNames: [String]
    let files: [String]

    init(path: String, shownName: String) throws(TensorError) {
        let zip = try ZipArchive(bytes: try BinaryFile.readAll(path: path), name: shownName)
        self.shownName = shownName
        self.archive = zip
        storedNames = zip.entries.map(\.name)
        files = storedNames.map { $0.hasSuffix(".npy") ? String($0.dropLast(4)) : $0 }
    }

    var kind: String { "NpzFile" }

    /// numpy's `NpzFile.__repr__`: the first five names, then `...`. A name's control
    /// characters are shown escaped (`\x1b`), where numpy writes them raw: the names come from
    /// the file, and echoing a crafted one would let it drive the terminal (OSC 52 sets the
    /// clipboard, ESC [2J clears the screen).
    var summary: String {
        var names = files.prefix(5).map(UntrustedText.escaped).joined(separator: ", ")
        if files.count > 5 { names += "..." }
        return "NpzFile \(ValueFormatter.pythonStringRepr(shownName)) with keys: \(names)"
    }

    var detail: String { summary }

    /// Decodes one member, by numpy's rule: the stored name, or the shown name plus `.npy`.
    func member(_ key: String) throws(ShellError) -> NDArray? {
        let index = storedNames.firstIndex(of: key) ?? files.firstIndex(of: key)
        guard let index, index < archive.entries.count else { return nil }
        let entry = archive.entries[index]
        do {
            let bytes = try archive.contents(of: entry)
            return try NPYFile.read(data: bytes, name: "\(shownName): member \(entry.displayName)")
        } catch {
            throw ShellError(error.message, explanation: error.explanation, kind: error.kind)
        }
    }

    func item(_ key: Value) throws(ShellError) -> Value? {
        guard case .string(let name) = key else {
            throw ShellError("\(ValueFormatter.pythonStringRepr("\(ValueFormatter.str(key)) is not a file in the archive"))", kind: .keyError)
        }
        guard let a = try member(name) else {
            throw ShellError(ValueFormatter.pythonStringRepr("\(name) is not a file in the archive"), kind: .keyError)
        }
        return .array(a)
    }

    var iterationItems: [Value]? { files.map { .string($0) } }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "files":
            return .list(files.map { .string($0) })
        case "f":
            return .record(Record(files.compactMap { n in (try? member(n)).flatMap { $0 }.map { (name: n, value: Value.array($0)) } }))
        default:
            guard files.contains(name), let a = try? member(name) else { return nil }
            return .array(a)
        }
    }

    var attributeNames: [String] { ["files", "f"] + files }

    var archiveMembers: [(name: String, array: NDArray)]? {
        var out: [(name: String, array: NDArray)] = []
        for n in files {
            guard let a = try? member(n) else { return nil }
            out.append((n, a))
        }
        return out
    }
}
