import Interop
import Tensor

/// `save` and `load`: arrays to `.npy`, lists and tuples of arrays to `.npz` (`arr_0, arr_1, …`
/// as `np.savez` names them), records to `.npz` with their field names — and back. In numpy
/// form they are numpy's own: `np.load('f.npz')` gives the lazy `NpzFile` mapping,
/// `np.savez(f, a=x, b=y)` names members, `np.savez_compressed` deflates them.
enum FileIOCommands {
    static let all: [Command] = [save, savez, savezCompressed, load]

    /// numpy appends the extension when it is missing (`np.save('x', a)` writes `x.npy`).
    static func withExtension(_ path: String, _ ext: String) -> String {
        path.lowercased().hasSuffix(ext) ? path : path + ext
    }

    static let save = Command(
        name: "save", category: "Files",
        summary: "Write an array to .npy, or a list/tuple of arrays to .npz.",
        parameters: [Parameter("value", .value, help: "an array, a list or tuple of arrays, or a record"),
                     Parameter("file", .path, help: "the file; `.npy` or `.npz` is added when missing"),
                     Parameter("allow_pickle", .value, default: .bool(true), help: "accepted for numpy's signature (nothing is pickled)"),
                     Parameter("fix_imports", .value, default: .bool(true), help: "accepted for numpy's signature")],
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
        }).namingFilesAsPython()

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
                try NPZFile.write([("arr_0", a)], to: call.writablePath(file))
            } else {
                try NPYFile.write(a, to: call.writablePath(file, ext: ".npy"))
            }
        case .list, .tuple:
            let items = (value).sequenceItems ?? []
            var members: [(name: String, array: NDArray)] = []
            for (i, item) in items.enumerated() {
                members.append(("arr_\(i)", try call.evaluator.toArray(item, span: call.arguments.span(argument))))
            }
            try NPZFile.write(members, to: call.writablePath(file, ext: ".npz"))
        case .record(let r):
            var members: [(name: String, array: NDArray)] = []
            for f in r.fields {
                members.append((f.name, try call.evaluator.toArray(f.value, span: call.arguments.span(argument))))
            }
            try NPZFile.write(members, to: call.writablePath(file, ext: ".npz"))
        case .object(let o):
            guard let members = o.archiveMembers else {
                throw call.error("cannot save a \(o.kind)", argument: argument)
            }
            try NPZFile.write(members, to: call.writablePath(file, ext: ".npz"))
        default:
            throw call.error("cannot save a \(value.typeName): save takes an array, a list or tuple of arrays, or a record", argument: argument)
        }
    }

    static let savez = archiveCommand(name: "savez", compressed: false)
    static let savezCompressed = archiveCommand(name: "savez_compressed", compressed: true)

    /// numpy's `np.savez` / `np.savez_compressed`: positional arrays become `arr_0, arr_1, …`,
    /// keyword arrays keep their names (`np.savez(f, a=x, b=y)`); `.npz` is appended to a name
    /// that does not end in it.
    static func archiveCommand(name: String, compressed: Bool) -> Command {
        Command(
            name: name, category: "Files",
            summary: compressed ? "Write several arrays to one deflated .npz: np.savez_compressed(file, a, b=…)."
                                : "Write several arrays to one .npz: np.savez(file, a, b=…).",
            parameters: [Parameter("file", .path, help: "the archive; `.npz` is added when missing"),
                         Parameter("args", .value, default: .tuple([]), variadic: true, help: "arrays stored as arr_0, arr_1, …")],
            options: [Parameter("allow_pickle", .value, default: .bool(true), help: "accepted for numpy's signature (nothing is pickled)"),
                      Parameter(keywords: "kwds", help: "arrays stored under their keyword names")],
            help: "numpy's `np.\(name)`: positional arrays become members `arr_0, arr_1, …`, keyword arrays keep their names"
                + (compressed ? ", every member deflated." : "."),
            examples: [Example("\(name) pair.npz (arange 2) (arange 3)\nz = np.load('pair.npz')\nz.files"),
                       Example("np.\(name)('named', w=np.ones(2), b=np.zeros(1))\nnp.load('named.npz')['w']")],
            run: { call in
                guard case .string(let file) = call.arguments["file"] else { _ = try call.path("file"); return .none }
                // numpy's order: the keyword arrays first, then arr_0, arr_1, …
                var members: [(name: String, array: NDArray)] = []
                if case .record(let named) = call.arguments["kwds"] {
                    for f in named.fields {
                        members.append((f.name, try call.evaluator.toArray(f.value, span: call.arguments.span("kwds"))))
                    }
                }
                for (i, item) in (call.arguments["args"].sequenceItems ?? []).enumerated() {
                    let key = "arr_\(i)"
                    if members.contains(where: { $0.name == key }) {
                        throw ShellError("Cannot use un-named variables and keyword \(key)", span: call.arguments.span("kwds"), kind: .valueError)
                    }
                    members.append((key, try call.evaluator.toArray(item, span: call.arguments.span("args"))))
                }
                let path = file.hasSuffix(".npz") ? file : file + ".npz"
                try NPZFile.write(members, to: call.writablePath(path), compressed: compressed)
                return .none
            }).namingFilesAsPython()
    }

    static let load = Command(
        name: "load", category: "Files",
        summary: "Read an .npy (an array) or .npz (numpy's lazy NpzFile mapping; a list or record in command form), or a Keras (.keras, .h5) or PyTorch (.pt) model.",
        parameters: [Parameter("file", .path, help: "an .npy, .npz, .keras, .h5 or .pt file"),
                     Parameter("mmap_mode", .value, default: .none, help: "accepted ('r' reads the file normally)"),
                     Parameter("allow_pickle", .value, default: .bool(false), help: "accepted (rnnsh never unpickles)"),
                     Parameter("fix_imports", .value, default: .bool(true), help: "accepted for numpy's signature"),
                     Parameter("encoding", .value, default: .string("ASCII"), help: "accepted for numpy's signature")],
        options: [Parameter("max_header_size", .value, default: .int(10000), help: "accepted for numpy's signature")],
        help: """
            An `.npy` file loads as an array. `np.load('f.npz')` gives numpy's `NpzFile`: \
            `z['kernel']` reads one member, `z.files` lists them, `list(z)` iterates the names. \
            In command form an archive whose members are exactly `arr_0, arr_1, …` (what `save` \
            and `np.savez` write for a list) loads as a list, and any other as a record whose \
            fields are its members (`w = load weights.npz` then `w.kernel`). What a file is comes \
            from its first bytes, as in numpy, not from its name. Models from other frameworks \
            load as models (command form): Keras's `model.save('m.keras')`, \
            `model.save('m.h5')` and `model.save_weights('m.weights.h5')` (LSTM, \
            GRU(reset_after=False), SimpleRNN, stacked or in Bidirectional, then Dense; read \
            through libhdf5), PyTorch's `torch.save(model.state_dict(), 'm.pt')` (an nn.LSTM or \
            nn.RNN and an nn.Linear `fc`, as `export format=torch` describes; unpickled by a \
            reader that only knows state_dicts and never runs a pickle's code), and their \
            numpy saves (`export` has the layouts). What cannot be computed the same way is \
            refused with the reason (Keras's default GRU(reset_after=True), nn.GRU).
            """,
        examples: [Example("save (arange 3) three.npy\nx = load three.npy\nx"),
                   Example("np.savez('ab.npz', a=np.arange(3), b=np.ones((2, 2)))\nz = np.load('ab.npz')\nz\nz['b']"),
                   Example("data = mnist\ng = train data cell=gru epochs=1 examples=256 batch=32 units=8\nexport g g_keras.npz format=keras\nload g_keras.npz", deterministic: false)],
        run: { call in
            let path = try call.path("file")
            let shown = call.arguments.string("file") ?? path
            try FileText.checkReadable(path, shown: shown)
            let magic = (try? BinaryFile(path: path).bytes(at: 0, count: 8)) ?? []
            let isZip = magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || (magic.starts(with: [0x50, 0x4B]) && !path.lowercased().hasSuffix(".npy"))
            let isNPY = magic.starts(with: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59])
            // Keras's HDF5 files (.h5, .weights.h5) and .keras / PyTorch .pt archives are models.
            if magic.starts(with: HDF5File.signature) && !call.isNumpyForm {
                return .object(try FrameworkImport.hdf5Model(path: path, file: shown))
            }
            if isZip && !call.isNumpyForm, let model = try FrameworkImport.archiveModel(path: path, file: shown) {
                return .object(model)
            }
            if !isZip && !isNPY && !magic.isEmpty {
                throw ShellError("Cannot load file containing pickled data when allow_pickle=False", kind: .valueError)
            }
            if isZip || (magic.isEmpty && path.lowercased().hasSuffix(".npz")) {
                if call.isNumpyForm {
                    do throws(TensorError) { return .object(try NpzFileObject(path: path, shownName: shown)) } catch {
                        throw ShellError(error.message, explanation: error.explanation, kind: error.kind)
                    }
                }
                let members = try NPZFile.read(path: path)
                // Checkpoints and saved cells come back as the model or cell they hold.
                if let object = try ObjectArchives.value(from: members, file: shown) { return object }
                let isList = members.enumerated().allSatisfy { $0.element.name == "arr_\($0.offset)" }
                if isList { return .list(members.map { .array($0.array) }) }
                return .record(Record(members.map { (name: $0.name, value: Value.array($0.array)) }))
            }
            return .array(try NPYFile.read(path: path))
        }).namingFilesAsPython()
}
