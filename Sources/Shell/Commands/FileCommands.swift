import Tensor

/// `save` and `load`: arrays to `.npy`, lists and tuples of arrays to `.npz` (`arr_0, arr_1, …`
/// as `np.savez` names them), records to `.npz` with their field names — and back.
enum FileIOCommands {
    static let all: [Command] = [save, savez, load]

    /// numpy appends the extension when it is missing (`np.save('x', a)` writes `x.npy`).
    static func withExtension(_ path: String, _ ext: String) -> String {
        path.lowercased().hasSuffix(ext) ? path : path + ext
    }

    static let save = Command(
        name: "save", category: "Files",
        summary: "Write an array to .npy, or a list/tuple of arrays to .npz.",
        parameters: [Parameter("value", .value, help: "an array, a list or tuple of arrays, or a record"),
                     Parameter("file", .path, help: "the file; `.npy` or `.npz` is added when missing")],
        help: """
            `save x x.npy` writes one array in numpy's format (`np.load` reads it). A list or \
            tuple of arrays goes to an `.npz` archive with members `arr_0, arr_1, …`, exactly \
            like `np.savez(file, *values)`; a record keeps its field names. numpy's own order \
            `np.save('x.npy', x)` works too. Files are written atomically (temp file + rename).
            """,
        examples: [Example("save (arange 6) six.npy\nload six.npy"), Example("save (split (arange 6) 2) parts.npz\nload parts.npz")],
        run: { call in
            var value = call.arguments["value"]
            var fileValue = call.arguments["file"]
            // np.save(file, arr): the file came first.
            if case .string = value, !isString(fileValue) { swap(&value, &fileValue) }
            guard case .string(let file) = fileValue else {
                throw call.error("save() expects a file name, got \(fileValue.typeName)", argument: "file")
            }
            try write(value, to: file, call: call)
            return .none
        })

    static func isString(_ v: Value) -> Bool {
        if case .string = v { return true }
        return false
    }

    /// `argument` names the parameter that holds `value` (save's `value`, savez's `arrays`),
    /// for error carets.
    static func write(_ value: Value, to file: String, call: Invocation, argument: String = "value") throws {
        switch value {
        case .array(let a), .scalar(let a):
            if file.lowercased().hasSuffix(".npz") {
                try NPZFile.write([("arr_0", a)], to: call.resolvePath(file))
            } else {
                try NPYFile.write(a, to: call.resolvePath(withExtension(file, ".npy")))
            }
        case .list(let items), .tuple(let items):
            var members: [(name: String, array: NDArray)] = []
            for (i, item) in items.enumerated() {
                members.append(("arr_\(i)", try call.evaluator.toArray(item, span: call.arguments.span(argument))))
            }
            try NPZFile.write(members, to: call.resolvePath(withExtension(file, ".npz")))
        case .record(let r):
            var members: [(name: String, array: NDArray)] = []
            for f in r.fields {
                members.append((f.name, try call.evaluator.toArray(f.value, span: call.arguments.span(argument))))
            }
            try NPZFile.write(members, to: call.resolvePath(withExtension(file, ".npz")))
        case .object(let o):
            guard let members = o.archiveMembers else {
                throw call.error("cannot save a \(o.kind)", argument: argument)
            }
            try NPZFile.write(members, to: call.resolvePath(withExtension(file, ".npz")))
        default:
            throw call.error("cannot save a \(value.typeName): save takes an array, a list or tuple of arrays, or a record", argument: argument)
        }
    }

    static let savez = Command(
        name: "savez", category: "Files",
        summary: "Write several arrays to one .npz: np.savez(file, a, b, …).",
        parameters: [Parameter("file", .path, help: "the archive; `.npz` is added when missing"),
                     Parameter("arrays", .value, default: .tuple([]), variadic: true, help: "the arrays, stored as arr_0, arr_1, …")],
        help: "numpy's `np.savez`: positional arrays become members `arr_0, arr_1, …`.",
        examples: [Example("savez pair.npz (arange 2) (arange 3)\nload pair.npz")],
        run: { call in
            guard case .string(let file) = call.arguments["file"] else { _ = try call.path("file"); return .none }
            try write(.list(call.arguments["arrays"].sequenceItems ?? []), to: withExtension(file, ".npz"), call: call, argument: "arrays")
            return .none
        })

    static let load = Command(
        name: "load", category: "Files",
        summary: "Read an .npy (an array) or .npz (a list, or a record of named arrays).",
        parameters: [Parameter("file", .path, help: "an .npy or .npz file")],
        help: """
            An `.npy` file loads as an array. An `.npz` archive whose members are exactly \
            `arr_0, arr_1, …` (what `save` and `np.savez` write for a list) loads as a list; \
            any other archive loads as a record whose fields are its members (`w = load \
            weights.npz` then `w.kernel`).
            """,
        examples: [Example("save (arange 3) three.npy\nx = load three.npy\nx")],
        run: { call in
            let path = try call.path("file")
            try FileText.checkReadable(path, shown: call.arguments.string("file"))
            if path.lowercased().hasSuffix(".npz") {
                let members = try NPZFile.read(path: path)
                // Checkpoints and saved cells come back as the model or cell they hold.
                if let object = try ObjectArchives.value(from: members, file: call.arguments.string("file") ?? path) { return object }
                let isList = members.enumerated().allSatisfy { $0.element.name == "arr_\($0.offset)" }
                if isList { return .list(members.map { .array($0.array) }) }
                return .record(Record(members.map { (name: $0.name, value: Value.array($0.array)) }))
            }
            return .array(try NPYFile.read(path: path))
        })
}
