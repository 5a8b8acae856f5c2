import Foundation
import Testing
@testable import Tensor

/// Arrays of 1 MiB or more live in memory mapped from the system (zeroed by the kernel, not
/// by us), and `.npy` loading fills an array it never zero-filled: both must still give exactly
/// the right bytes. numpy itself writes the file that is loaded here.
@Suite struct LargeStorageTests {
    @Test func largeZerosAreZeroAndIndependent() throws {
        let n = 600_000     // 2.4 MB of float32: the mapped path
        let a = try NDArray(zeros: [n], dtype: .float32)
        let p = a.storage.pointer.assumingMemoryBound(to: Float.self)
        #expect((0..<n).allSatisfy { p[$0] == 0 })
        p[n - 1] = 5          // a second array must not see the first one's bytes
        let b = try NDArray(zeros: [n], dtype: .float32)
        #expect(b.storage.pointer.assumingMemoryBound(to: Float.self)[n - 1] == 0)
    }

    @Test func largeNumpyFileLoadsExactly() throws {
        let dir = try IOSupport.tempDir("large")
        defer { IOSupport.remove(dir) }
        let path = dir + "/big.npy"
        // 3 × 700,001 float32 values (8.4 MB) with a known pattern, from numpy itself.
        try IOSupport.python("import numpy as np, sys; np.save(sys.argv[1], (np.arange(3 * 700001, dtype=np.float32) * 0.5 - 7).reshape(3, 700001))", [path])
        let a = try NPYFile.read(path: path)
        #expect(a.shape == [3, 700001] && a.dtype == .float32)
        let p = a.storage.pointer.assumingMemoryBound(to: Float.self)
        #expect((0..<(3 * 700001)).allSatisfy { p[$0] == Float($0) * 0.5 - 7 })
        // Round trip through our writer: numpy's exact bytes.
        let out = dir + "/again.npy"
        try NPYFile.write(a, to: out)
        #expect(FileManager.default.contentsEqual(atPath: path, andPath: out))
    }

    @Test func truncatedLargeFileIsRefusedBeforeAllocating() throws {
        let dir = try IOSupport.tempDir("large")
        defer { IOSupport.remove(dir) }
        let path = dir + "/cut.npy"
        try IOSupport.python("import numpy as np, sys; np.save(sys.argv[1], np.ones((1000, 1000), np.float32))", [path])
        let h = try #require(FileHandle(forUpdatingAtPath: path))
        try h.truncate(atOffset: 1_000_000)
        try h.close()
        #expect(throws: TensorError.self) { try NPYFile.read(path: path) }
    }
}
