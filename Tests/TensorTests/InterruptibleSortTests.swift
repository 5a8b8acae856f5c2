import Testing
@testable import Tensor

/// The sort behind np.sort/argsort/unique/median/percentile: merge passes that Ctrl-C can stop
/// (checked on the real binary in RobustnessProcessTests). Here: it sorts exactly as the
/// standard library's stable sort does, across run and merge boundaries.
@Suite struct InterruptibleSortTests {
    @Test func equalsTheStandardStableSort() throws {
        var state: UInt64 = 12345
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        for n in [0, 1, 2, 100, InterruptibleSort.runLength - 1, InterruptibleSort.runLength + 1, 3 * InterruptibleSort.runLength + 17, 200_000] {
            // Few distinct keys, so many ties: stability decides the order of their indices.
            let keys = (0..<n).map { _ in Int(next() % 50) }
            let order = try InterruptibleSort.sorted(Array(0..<n)) { keys[$0] < keys[$1] }
            let expected = (0..<n).sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
            #expect(order == expected, "n = \(n)")
        }
    }

    @Test func numpyOrderForFloatsAndArgsortTies() throws {
        let a = try NDArray([3.0, .nan, 1, -0.0, 0.0, 1], shape: [6])
        #expect(try a.sorted().doubleValues().map { $0.isNaN ? 99 : $0 } == [-0.0, 0, 1, 1, 3, 99])
        #expect(try a.argsorted().int64Values() == [3, 4, 2, 5, 0, 1])
        let big = try NDArray((0..<50_000).map { Int64(($0 * 7919) % 1000) }, shape: [50_000])
        let idx = try big.argsorted().int64Values()
        let v = try big.int64Values()
        #expect(zip(idx, idx.dropFirst()).allSatisfy { v[Int($0)] < v[Int($1)] || (v[Int($0)] == v[Int($1)] && $0 < $1) })
        #expect(try big.unique().values.size == 1000)
    }
}
