import Tensor

/// numpy's set routines: `isin`, `intersect1d`, `union1d`, `setdiff1d`, `setxor1d` (module
/// Tensor's `SetOperations`). They sit with sorting in `help`: numpy computes them by sorting.
enum SetCommands {
    static let all: [Command] = [isin, intersect1d, union1d, setdiff1d, setxor1d]

    typealias A = FunctionArguments

    static let isin = Command(
        name: "isin", category: "Sorting",
        summary: "Whether each element is among the test elements (a bool array of the same shape).",
        parameters: [Parameter("element", .array, help: "the array to test"),
                     Parameter("test_elements", .array, help: "the values to look for (flattened)"),
                     Parameter("assume_unique", .bool, default: .bool(false), help: "accepted; the answer is the same"),
                     Parameter("invert", .bool, default: .bool(false), help: "True: whether each element is NOT among them")],
        options: [Parameter("kind", .value, default: .none, help: "None, 'sort' or 'table' (numpy's algorithm; the answer is the same)")],
        help: """
            numpy's `np.isin`: `element == t` for some `t` in `test_elements`, compared in their \
            promoted dtype, so `np.isin(labels, [0, 2])` masks two classes. NaN is never found. \
            (`np.in1d` is gone in numpy 2.4; `np.isin` replaces it.)
            """,
        examples: [Example("labels = np.array([0, 3, 2, 1, 2])\nnp.isin(labels, [0, 2])"),
                   .numpy("np.isin(np.array([[1.0, np.nan], [2.5, 3.0]]), [3, np.nan], invert=True)")],
        run: { call in
            let a = call.arguments
            let kind = a["kind"]
            let x = try A.array(call, "element"), t = try A.array(call, "test_elements")
            if !kind.isNone {
                let k = ValueFormatter.str(kind)
                guard case .string = kind, k == "sort" || k == "table" else {
                    throw TensorError("Invalid kind: '\(k)'. Please use None, 'sort' or 'table'.", kind: .valueError)
                }
                let integral: (NDArray) -> Bool = { $0.dtype.isInteger || $0.dtype == .bool }
                if k == "table" && !(integral(x) && integral(t)) {
                    throw TensorError("The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.",
                                      kind: .valueError)
                }
            }
            // numpy returns an array even for a 0-d element (`np.isin(5, [5])` is `array(True)`).
            return .array(try x.isIn(t, invert: a.bool("invert") == true))
        })

    static let intersect1d = Command(
        name: "intersect1d", category: "Sorting",
        summary: "Sorted values in both arrays (optionally with their indices in each).",
        parameters: [Parameter("ar1", .array, help: "the first array (flattened)"),
                     Parameter("ar2", .array, help: "the second array (flattened)"),
                     Parameter("assume_unique", .bool, default: .bool(false), help: "skip numpy's unique step (inputs already distinct)"),
                     Parameter("return_indices", .bool, default: .bool(false), help: "also the index of each common value in ar1 and in ar2")],
        help: """
            numpy's `np.intersect1d`: the sorted distinct values found in both, in the promoted \
            dtype; with `return_indices=True` a tuple (values, indices in ar1, indices in ar2), \
            each index the first occurrence.
            """,
        examples: [Example("np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1])"),
                   .numpy("np.intersect1d(np.array([5, 1, 7, 1]), np.array([7.0, 2.0, 1.0]), return_indices=True)")],
        run: { call in
            let a = call.arguments
            let r = try NDArray.intersect1d(try A.array(call, "ar1"), try A.array(call, "ar2"), assumeUnique: a.bool("assume_unique") == true)
            if a.bool("return_indices") == true { return .tuple([.array(r.values), .array(r.indices1), .array(r.indices2)]) }
            return .array(r.values)
        })

    static let union1d = Command(
        name: "union1d", category: "Sorting",
        summary: "Sorted distinct values in either array.",
        parameters: [Parameter("ar1", .array, help: "the first array (flattened)"),
                     Parameter("ar2", .array, help: "the second array (flattened)")],
        help: "numpy's `np.union1d`: `np.unique` of both arrays joined, in the promoted dtype.",
        examples: [Example("np.union1d([-1, 0, 1], [-2, 0, 2])")],
        run: { call in
            .array(try NDArray.union1d(try A.array(call, "ar1"), try A.array(call, "ar2")))
        })

    static let setdiff1d = Command(
        name: "setdiff1d", category: "Sorting",
        summary: "Sorted distinct values of ar1 that are not in ar2.",
        parameters: [Parameter("ar1", .array, help: "the array to keep values from (flattened)"),
                     Parameter("ar2", .array, help: "the values to remove"),
                     Parameter("assume_unique", .bool, default: .bool(false), help: "skip numpy's unique step: ar1 keeps its order")],
        help: "numpy's `np.setdiff1d`: the values of ar1 (in ar1's dtype) that do not occur in ar2, sorted and distinct.",
        examples: [Example("np.setdiff1d(np.array([1, 2, 3, 2, 4, 1]), [3, 4, 5, 6])"),
                   .numpy("np.setdiff1d(np.array([5, 3, 9], dtype=np.int8), [3.0], assume_unique=True)")],
        run: { call in
            .array(try NDArray.setdiff1d(try A.array(call, "ar1"), try A.array(call, "ar2"),
                                         assumeUnique: call.arguments.bool("assume_unique") == true))
        })

    static let setxor1d = Command(
        name: "setxor1d", category: "Sorting",
        summary: "Sorted values that are in exactly one of the two arrays.",
        parameters: [Parameter("ar1", .array, help: "the first array (flattened)"),
                     Parameter("ar2", .array, help: "the second array (flattened)"),
                     Parameter("assume_unique", .bool, default: .bool(false), help: "skip numpy's unique step (inputs already distinct)")],
        help: "numpy's `np.setxor1d`: the symmetric difference, sorted, in the promoted dtype.",
        examples: [Example("np.setxor1d([1, 2, 3, 2, 4], [2, 3, 5, 7, 5])")],
        run: { call in
            .array(try NDArray.setxor1d(try A.array(call, "ar1"), try A.array(call, "ar2"),
                                        assumeUnique: call.arguments.bool("assume_unique") == true))
        })
}
