import Tensor

/// `np.partition`, `np.argpartition` and the in-place `x.partition(kth)` (module Tensor's
/// `Partition`: a full stable sort, which meets numpy's contract; see docs/numpy-algorithms.md).
enum PartitionCommands {
    static let all: [Command] = [partition, argpartition, partitionInPlace]

    typealias A = FunctionArguments

    static func kth(_ call: Invocation) throws(ShellError) -> [Int] {
        try ArgumentBinder.integers(call.arguments["kth"], call.arguments.span("kth"))
    }

    static let parameters = [Parameter("a", .array, help: "the array"),
                             Parameter("kth", .value, help: "the sorted position(s) to put in place"),
                             Parameter("axis", .value, default: .int(-1), help: "the axis (None: the flattened array)"),
                             Parameter("kind", .value, default: .string("introselect"), help: "accepted for numpy's signature")]

    static let partition = Command(
        name: "partition", category: "Sorting",
        summary: "A copy with the kth smallest element in place, smaller ones before, larger after.",
        parameters: parameters,
        help: "numpy's `np.partition(a, kth, axis=-1)`: element kth is the one a full sort puts there; nothing before it is larger, nothing after it smaller. numpy leaves the order within each side unspecified (it differs between CPUs); rnnsh's sides come out sorted.",
        examples: [Example("np.partition(np.array([7, 1, 5, 3, 9]), 2)")],
        run: { call in .array(try A.array(call, "a").partitioned(kth: try kth(call), axis: try A.axis(call))) })

    static let argpartition = Command(
        name: "argpartition", category: "Sorting",
        summary: "Indices that partition an array around its kth smallest element.",
        parameters: parameters,
        help: "numpy's `np.argpartition(a, kth, axis=-1)`: `a[idx]` is partitioned as `np.partition` describes. The top 3: `a[np.argpartition(a, -3)[-3:]]` (in no defined order; sort them). rnnsh's indices sort each lane fully (stable).",
        examples: [Example("a = np.array([3, 4, 2, 1, 9, 0])\nnp.sort(a[np.argpartition(a, -3)[-3:]])")],
        isMethod: true,
        run: { call in .array(try A.array(call, "a").argpartitioned(kth: try kth(call), axis: try A.axis(call))) })

    static let partitionInPlace = Command(
        name: "ndarray.partition", category: "Array methods",
        summary: "Partition an array in place around its kth smallest element.",
        parameters: parameters,
        help: "numpy's `x.partition(kth, axis=-1)`: as `np.partition`, but x itself changes (views see it); returns None.",
        examples: [Example("x = np.array([3, 4, 2, 1])\nx.partition(2)\nx")],
        run: { call in
            let a = try A.array(call, "a")
            let partitioned = try a.partitioned(kth: try kth(call), axis: try A.axis(call))
            try a.requireWriteable("partition array is read-only")
            try a.assign(partitioned)
            return .none
        })
}
