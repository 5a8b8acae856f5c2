import Foundation
import Testing
import Tensor
import TestSupport

/// Shared helpers for the .npy/.npz tests: temporary directories, running numpy (the oracle)
/// through python3, and deterministic test arrays that Swift and numpy both know how to build.
enum IOSupport {
    /// A fresh empty directory under the system temp dir.
    static func tempDir(_ label: String = "io") throws -> String { try ScratchDirectory(label).path }
    static func remove(_ dir: String) { ScratchDirectory.remove(dir) }

    struct PythonFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with python3 (numpy must import); returns stdout, throws with stderr on failure.
    @discardableResult
    static func python(_ script: String, _ args: [String] = []) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let stdout = String(decoding: o, as: UTF8.self)
        if p.terminationStatus != 0 {
            throw PythonFailure(description: "python3 exited \(p.terminationStatus):\n\(String(decoding: e, as: UTF8.self))\n\(stdout)")
        }
        return stdout
    }

    /// Python source defining `make(dtype, shape)`, numpy's twin of `IOSupport.make`.
    static let pythonMake = """
    import numpy as np
    def make(dtype, shape):
        n = int(np.prod(shape, dtype=np.int64))
        i = np.arange(n, dtype=np.int64)
        if dtype == 'bool': v = (i % 3 == 0)
        elif dtype == 'uint8': v = ((i * 37) % 256).astype(np.uint8)
        elif dtype == 'int32': v = (i * 1000 - 7).astype(np.int32)
        elif dtype == 'int64': v = i * 10**12 - 5
        elif dtype == 'int8': v = ((i * 37) % 256 - 128).astype(np.int8)
        elif dtype == 'int16': v = (i * 1000 - 7).astype(np.int16)
        elif dtype == 'uint16': v = ((i * 4099) % 65536).astype(np.uint16)
        elif dtype == 'uint32': v = ((i * 100003) % 2**32).astype(np.uint32)
        elif dtype == 'uint64': v = (i * 10**12).astype(np.uint64) + np.uint64(2**63)
        else:
            v = ((i - 2.5) * 0.1).astype(dtype)
            specials = [-0.0, np.nan, np.inf, -np.inf]
            for k in range(min(n, 4)): v[k] = specials[k]
        return np.asarray(v, dtype=dtype).reshape(shape)
    """

    /// A C-contiguous array of `dtype` and `shape` with the values `pythonMake` gives.
    static func make(_ dtype: DType, _ shape: [Int]) throws -> NDArray {
        let n = shape.reduce(1, *)
        let specials: [Double] = [-0.0, .nan, .infinity, -.infinity]
        switch dtype {
        case .bool: return try NDArray((0..<n).map { $0 % 3 == 0 }, shape: shape)
        case .uint8: return try NDArray((0..<n).map { UInt8(($0 * 37) % 256) }, shape: shape)
        case .int32: return try NDArray((0..<n).map { Int32($0 * 1000 - 7) }, shape: shape)
        case .int64: return try NDArray((0..<n).map { Int64($0) * 1_000_000_000_000 - 5 }, shape: shape)
        case .int8: return try NDArray((0..<n).map { Int8(($0 * 37) % 256 - 128) }, shape: shape)
        case .int16: return try NDArray((0..<n).map { Int16(truncatingIfNeeded: $0 * 1000 - 7) }, shape: shape)
        case .uint16: return try NDArray((0..<n).map { UInt16(($0 * 4099) % 65536) }, shape: shape)
        case .uint32: return try NDArray((0..<n).map { UInt32(($0 * 100003) % (1 << 32)) }, shape: shape)
        case .uint64: return try NDArray((0..<n).map { UInt64($0) * 1_000_000_000_000 + (1 << 63) }, shape: shape)
        case .float16: return try NDArray((0..<n).map { $0 < 4 ? Float16(specials[$0]) : Float16((Double($0) - 2.5) * 0.1) }, shape: shape)
        case .float32: return try NDArray((0..<n).map { $0 < 4 ? Float(specials[$0]) : Float((Double($0) - 2.5) * 0.1) }, shape: shape)
        case .float64: return try NDArray((0..<n).map { $0 < 4 ? specials[$0] : (Double($0) - 2.5) * 0.1 }, shape: shape)
        }
    }

    /// The elements' bytes in C order (what `a.tobytes()` gives in numpy).
    static func cBytes(_ a: NDArray) throws -> [UInt8] {
        let c = try a.contiguous()
        let start = UnsafeRawPointer(c.storage.pointer).advanced(by: c.offset * c.itemSize)
        return Array(UnsafeRawBufferPointer(start: start, count: c.nbytes))
    }

    /// A transposed view (reversed axes), as numpy's `a.T`: Fortran-contiguous, not C.
    static func transposed(_ a: NDArray) -> NDArray {
        NDArray(viewing: a.storage, dtype: a.dtype, shape: a.shape.reversed(), strides: a.strides.reversed(), offset: a.offset)
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
