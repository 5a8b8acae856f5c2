import Foundation
import Tensor

/// Finds MNIST-format data on disk. A path may be a directory of IDX files, a file prefix
/// (`…/emnist-digits` for `emnist-digits-train-images-idx3-ubyte.gz`), one of the IDX files
/// itself, or a Keras `mnist.npz`. Without a path the search order is `RNNSH_DATA`, then
/// `/tmp/data/` (the tutorial's own path), then `~/.keras/datasets/mnist.npz`, then the other
/// datasets `download` keeps under `~/.keras/datasets/`, then `/usr/share/datasets/fashion-mnist/`
/// (Debian's `dataset-fashion-mnist`).
public enum DatasetLocator {
    /// The four files of an IDX dataset.
    public struct IDXFiles: Sendable, Equatable {
        public var trainImages: String
        public var trainLabels: String
        public var testImages: String
        public var testLabels: String
        /// The directory holding them and the prefix their names share ("" for plain MNIST names).
        public var directory: String
        public var prefix: String
    }

    public enum Location: Sendable, Equatable {
        case idx(IDXFiles)
        case npz(String)

        /// The directory, prefix or file this location names.
        public var path: String {
            switch self {
            case .idx(let f): return f.prefix.isEmpty ? f.directory : DatasetLocator.join(f.directory, f.prefix)
            case .npz(let p): return p
            }
        }

        /// E.g. `Fashion-MNIST: IDX files in /usr/share/datasets/fashion-mnist (gzip)`.
        public var description: String {
            switch self {
            case .idx(let f):
                let gz = f.trainImages.hasSuffix(".gz") ? " (gzip)" : ""
                let which = f.prefix.isEmpty ? "IDX files in \(f.directory)" : "IDX files \(f.prefix)* in \(f.directory)"
                return "\(DatasetLocator.guessName(f.directory + "/" + f.prefix)): \(which)\(gz)"
            case .npz(let p):
                return "\(DatasetLocator.guessName(p)): Keras npz at \(p)"
            }
        }
    }

    /// The four roles, in the order errors list them.
    static let roles = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// Debian's `dataset-fashion-mnist`: the last resort, clothing rather than digits.
    public static let debianFashionMNIST = "/usr/share/datasets/fashion-mnist/"

    public static var processEnvironment: [String: String] { ProcessInfo.processInfo.environment }

    /// Where to look when no path is given, in order (`RNNSH_DATA` first when set).
    public static func searchPath(environment: [String: String]) -> [String] {
        var out: [String] = []
        if let d = environment["RNNSH_DATA"], !d.isEmpty { out.append(d) }
        out.append("/tmp/data/")
        out += DatasetCatalog.entries.map { $0.loadPath(home: home(environment)) }
        out.append(debianFashionMNIST)
        return out
    }

    /// `~/x` → `$HOME/x` (paths typed in the shell are not expanded by a system shell).
    public static func expandingTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return home(environment) + path.dropFirst()
    }

    public static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// The first dataset on `searchPath(environment:)`. `RNNSH_DATA`, when set, must be valid;
    /// the other places are skipped when they hold no dataset files at all.
    public static func locate(environment: [String: String]) throws(TensorError) -> Location {
        let explicit = environment["RNNSH_DATA"].flatMap { $0.isEmpty ? nil : $0 }
        return try locate(in: searchPath(environment: environment), explicit: explicit)
    }

    /// `locate` over an explicit list of places (`explicit`, if in the list, must resolve).
    public static func locate(in places: [String], explicit: String? = nil) throws(TensorError) -> Location {
        for place in places {
            if place == explicit {
                do { return try resolve(place) } catch {
                    throw TensorError("RNNSH_DATA=\(place): \(error.message.hasPrefix(place + ": ") ? String(error.message.dropFirst(place.count + 2)) : error.message)")
                }
            }
            if isDirectory(place) {
                if hasDatasetFiles(place) { return try resolve(place) }
            } else if FileManager.default.fileExists(atPath: place) {
                return try resolve(place)
            }
        }
        throw TensorError("no dataset found (looked in \(places.joined(separator: ", ")))",
                          explanation: "get the digits with `download mnist`, pass a path, set RNNSH_DATA, or install Fashion-MNIST: sudo apt-get install dataset-fashion-mnist")
    }

    /// What `path` names: a Keras npz, an IDX directory, an IDX file, or an IDX name prefix.
    public static func resolve(_ path: String) throws(TensorError) -> Location {
        if isDirectory(path) {
            let dir = trimSlash(path)
            if let files = try findIDX(directory: dir, prefix: "") { return .idx(files) }
            let prefixes = idxPrefixes(dir)
            if prefixes.count == 1, let p = prefixes.first, let files = try findIDX(directory: dir, prefix: p) { return .idx(files) }
            if prefixes.count > 1 {
                throw TensorError("\(path): holds several datasets (\(prefixes.map { $0 + "*" }.joined(separator: ", "))); pass one as \(join(dir, prefixes[0].trimmingSuffix("-")))")
            }
            let npz = join(dir, "mnist.npz")
            if FileManager.default.fileExists(atPath: npz) { return .npz(npz) }
            throw TensorError("\(path): no MNIST-format dataset here",
                              explanation: "expected \(roles.map { $0 + "[.gz]" }.joined(separator: ", ")), or mnist.npz")
        }
        if FileManager.default.fileExists(atPath: path) {
            let (dir, base) = split(path)
            for role in roles {
                for name in variants(role) where base.hasSuffix(name) {
                    let prefix = String(base.dropLast(name.count))
                    if let files = try findIDX(directory: dir, prefix: prefix) { return .idx(files) }
                }
            }
            return .npz(path)
        }
        // Not a file or directory: a prefix such as …/emnist-digits.
        let (dir, base) = split(path)
        if isDirectory(dir), !base.isEmpty {
            for prefix in [base + "-", base] {
                if let files = try findIDX(directory: dir, prefix: prefix) { return .idx(files) }
            }
        }
        throw TensorError("\(path): No such file or directory")
    }

    // MARK: Helpers

    /// The names a role's file may have: numpy-era `-idx3-` and the web's `.idx3-`, raw or gzip.
    static func variants(_ role: String) -> [String] {
        let dotted = role.replacingOccurrences(of: "-idx", with: ".idx")
        return [role + ".gz", role, dotted + ".gz", dotted]
    }

    /// The four files with `prefix` in `dir`; nil when none exist, an error when only some do.
    static func findIDX(directory dir: String, prefix: String) throws(TensorError) -> IDXFiles? {
        var found: [String?] = []
        for role in roles {
            found.append(variants(role).map { join(dir, prefix + $0) }.first { FileManager.default.fileExists(atPath: $0) && !isDirectory($0) })
        }
        let present = found.compactMap { $0 }
        if present.isEmpty { return nil }
        if present.count < roles.count {
            let missing = zip(roles, found).filter { $0.1 == nil }.map { prefix + $0.0 + "[.gz]" }
            throw TensorError("\(dir): incomplete dataset: missing \(missing.joined(separator: ", "))")
        }
        return IDXFiles(trainImages: present[0], trainLabels: present[1], testImages: present[2], testLabels: present[3],
                        directory: dir, prefix: prefix)
    }

    /// Distinct prefixes of `*train-images-idx3-ubyte[.gz]` files in `dir`, sorted.
    static func idxPrefixes(_ dir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        var prefixes: Set<String> = []
        for n in names {
            for v in variants("train-images-idx3-ubyte") where n.hasSuffix(v) { prefixes.insert(String(n.dropLast(v.count))) }
        }
        return prefixes.sorted()
    }

    static func hasDatasetFiles(_ dir: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.contains { n in n == "mnist.npz" || roles.contains { r in variants(r).contains { n.hasSuffix($0) } } }
    }

    static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    static func trimSlash(_ p: String) -> String {
        var s = p
        while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
        return s
    }

    public static func join(_ dir: String, _ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }

    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    /// A friendly dataset name from the path (only used in `source`).
    static func guessName(_ path: String) -> String {
        let p = path.lowercased()
        if p.contains("fashion") { return "Fashion-MNIST" }
        if p.contains("kmnist") { return "KMNIST" }
        if p.contains("emnist") { return "EMNIST" }
        if p.contains("mnist") { return "MNIST" }
        return "MNIST-format data"
    }
}

extension String {
    func trimmingSuffix(_ s: String) -> String { hasSuffix(s) ? String(dropLast(s.count)) : self }
}
