import Tensor

/// numpy's sorting and counting: `sort`, `argsort`, `unique`, `bincount` (module Tensor's
/// `Sorting`).
enum SortingCommands {
    static let all: [Command] = [sort, argsort, unique, bincount]

    typealias A = FunctionArguments

    static let sort = Command(
        name: "sort", category: "Sorting",
        summary: "A sorted copy, along an axis (NaN last).",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("axis", .optionalInt, default: .int(-1), help: "the axis (None: the flattened array)")],
        options: [Parameter("kind", .value, default: .none, help: "accepted; the sort is always stable"),
                  Parameter("stable", .value, default: .none, help: "accepted; the sort is always stable")],
        help: "numpy's `np.sort`: a sorted copy along the last axis by default. (numpy's `x.sort()` sorts in place.)",
        examples: [Example("np.sort(np.array([[3, 1, 2], [9, 7, 8]]))"), Example("np.sort(np.array([2.0, np.nan, 1.0]), axis=None)")],
        run: { call in
            A.result(try A.array(call, "a").sorted(axis: call.arguments.int("axis")))
        })

    static let argsort = Command(
        name: "argsort", category: "Sorting",
        summary: "Indices that would sort an array, along an axis.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("axis", .optionalInt, default: .int(-1), help: "the axis (None: the flattened array)")],
        options: [Parameter("kind", .value, default: .none, help: "accepted; the sort is always stable"),
                  Parameter("stable", .value, default: .none, help: "accepted; the sort is always stable")],
        help: "numpy's `np.argsort` (also `x.argsort()`): int64 indices; equal values keep their order.",
        examples: [Example("np.argsort(np.array([30, 10, 20]))"), .numpy("np.argsort(np.array([2.0, 1.0, 2.0, 1.0], dtype=np.float32))"),
                   .numpy("np.argsort(np.array([2, 1], dtype=np.int32)).dtype")],
        isMethod: true,
        run: { call in
            A.result(try A.array(call, "a").argsorted(axis: call.arguments.int("axis")))
        })

    static let unique = Command(
        name: "unique", category: "Sorting",
        summary: "Sorted distinct values (with first indices, inverse, counts).",
        parameters: [Parameter("ar", .array, help: "the array (flattened)"),
                     Parameter("return_index", .bool, default: .bool(false), help: "also the index of each value's first occurrence"),
                     Parameter("return_inverse", .bool, default: .bool(false), help: "also, for each element, the index of its value"),
                     Parameter("return_counts", .bool, default: .bool(false), help: "also how often each value occurs"),
                     Parameter("axis", .value, default: .none, help: "only None (the flattened array)")],
        options: [Parameter("equal_nan", .bool, default: .bool(true), help: "NaNs count as one value")],
        help: "numpy's `np.unique`: the sorted distinct values; with the `return_*` flags a tuple in numpy's order (values, index, inverse, counts).",
        examples: [Example("np.unique(np.array([3, 1, 3, 2, 1, 3]), return_counts=True)"), Example("labels = np.array([2, 0, 2, 1])\nnp.unique(labels)")],
        run: { call in
            let a = call.arguments
            if !a["axis"].isNone { throw call.error("unique with an axis is not supported; rnnsh flattens", argument: "axis") }
            let r = try A.array(call, "ar").unique()
            var parts: [Value] = [.array(r.values)]
            if a.bool("return_index") == true { parts.append(.array(r.index)) }
            if a.bool("return_inverse") == true { parts.append(.array(r.inverse)) }
            if a.bool("return_counts") == true { parts.append(.array(r.counts)) }
            return parts.count == 1 ? parts[0] : .tuple(parts)
        })

    static let bincount = Command(
        name: "bincount", category: "Sorting",
        summary: "How often each non-negative integer occurs (or summed weights).",
        parameters: [Parameter("x", .array, help: "non-negative integers, 1-d"),
                     Parameter("weights", .value, default: .none, help: "a weight for each element"),
                     Parameter("minlength", .int, default: .int(0), help: "at least this many bins")],
        help: "numpy's `np.bincount`: entry i counts the occurrences of i (class counts of labels).",
        examples: [Example("np.bincount(np.array([0, 1, 1, 3, 1]))"), Example("np.bincount([1, 1, 2], minlength=5)")],
        run: { call in
            let a = call.arguments
            let w: NDArray? = a["weights"].isNone ? nil : try call.evaluator.toArray(a["weights"], span: a.span("weights"))
            return .array(try NDArray.bincount(try A.array(call, "x"), weights: w, minlength: a.int("minlength") ?? 0))
        })
}
