import Tensor

/// Arrays assembled from pieces: `np.block` (nested lists of blocks) and `np.resize` (the
/// elements repeated to fill a new shape). Bodies call module Tensor (`Block`, `Diagonal`).
enum BlockCommands {
    static let all: [Command] = [block, resize]

    typealias A = FunctionArguments

    /// `arrays[1][0]`, as numpy's `_block_format_index` names a place in the nesting.
    static func place(_ index: [Int]) -> String { "arrays" + index.map { "[\($0)]" }.joined() }

    /// numpy's `_block_check_depths_match`: the tree, the index of its first bottom element
    /// (`nil` last when that is an empty list) and the largest leaf ndim.
    static func tree(_ v: Value, _ index: [Int], _ call: Invocation) throws(ShellError) -> (BlockTree, [Int?], Int) {
        switch v {
        case .tuple:
            throw ShellError("\(place(index)) is a tuple. Only lists can be used to arrange blocks, and np.block does not allow implicit conversion from tuple to ndarray.",
                             span: call.span, kind: .typeError)
        case .list(let list):
            let items = list.items
            if items.isEmpty { return (.list([]), index.map { Optional($0) } + [nil], 0) }
            var nodes: [BlockTree] = []
            var first: [Int?] = []
            var maxNDim = 0
            for (i, item) in items.enumerated() {
                let (node, bottom, nd) = try tree(item, index + [i], call)
                nodes.append(node)
                maxNDim = Swift.max(maxNDim, nd)
                if i == 0 { first = bottom; continue }
                if bottom.count != first.count {
                    let at = place(bottom.compactMap { $0 })
                    throw ShellError("List depths are mismatched. First element was at depth \(first.count), but there is an element at depth \(bottom.count) (\(at))",
                                     span: call.span, kind: .valueError)
                }
                if bottom.last == .some(nil) { first = bottom }
            }
            return (.list(nodes), first, maxNDim)
        default:
            let a = try call.evaluator.toArray(v, span: call.span)
            return (.leaf(a), index.map { Optional($0) }, a.ndim)
        }
    }

    static let block = Command(
        name: "block", category: "Shape",
        summary: "Assemble an array from nested lists of blocks.",
        parameters: [Parameter("arrays", .value, help: "a nested list of arrays or numbers (lists only, not tuples)")],
        help: "numpy's `np.block`: the innermost lists are joined along the last axis, the lists around them along the axis before, and so on; blocks with fewer dimensions get leading length-1 axes first. `np.block([[A, B], [C, D]])` builds a block matrix.",
        examples: [Example("np.block([[np.eye(2), np.zeros((2, 1))], [np.ones((1, 2)), np.full((1, 1), 5.0)]])"),
                   Example("np.block([np.arange(3), 10])")],
        run: { call in
            // numpy returns an ndarray even for one number (`np.block(5)` is `array(5)`).
            let (root, bottom, maxNDim) = try tree(call.arguments["arrays"], [], call)
            if bottom.last == .some(nil) {
                throw ShellError("List at \(place(bottom.compactMap { $0 })) cannot be empty", span: call.span, kind: .valueError)
            }
            return .array(try NDArray.block(root, listDepth: bottom.count, resultNDim: Swift.max(maxNDim, bottom.count)))
        })

    static let resize = Command(
        name: "resize", category: "Shape",
        summary: "A new array of another shape, the elements repeated to fill it.",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("new_shape", .value, help: "an int or a tuple of ints")],
        help: "numpy's `np.resize(a, new_shape)`: unlike `reshape`, the size may change: the flattened elements repeat from the start as often as needed (zeros when a is empty). numpy's in-place `x.resize` is not in rnnsh: use `x = np.resize(x, shape)`.",
        examples: [Example("np.resize(np.arange(3), (2, 4))")],
        run: { call in
            let shape = try ArgumentBinder.integers(call.arguments["new_shape"], call.arguments.span("new_shape"))
            return .array(try A.array(call, "a").resized(to: shape))
        })
}
