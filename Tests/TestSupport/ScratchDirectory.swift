import Foundation

/// A fresh, empty directory under the system temp dir for one test, so that tests which write
/// files (saves, downloads, fuzzing) never touch paths outside it. Shared by every test target.
public struct ScratchDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Makes `rnnsh-LABEL-UUID` under the temp dir; the label says which test left it if a
    /// crash keeps `remove()` from running.
    public init(_ label: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnnsh-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// Deletes the directory and everything in it (errors ignored: the temp dir is best effort).
    public static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `path` (a file inside a scratch directory).
    public static func write(_ path: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
