/// `np.block`'s assembly, after the shell has checked the nesting (numpy's
/// `_block_check_depths_match`): each list level concatenates along its own axis, counted
/// from the end (the innermost lists along the last axis).
public indirect enum BlockTree: Sendable {
    case leaf(NDArray)
    case list([BlockTree])
}

extension NDArray {
    /// numpy's `_block`: leaves get leading length-1 axes up to `resultNDim`, a list at depth d
    /// of `listDepth` is concatenated along axis `-(listDepth - d)`.
    public static func block(_ tree: BlockTree, listDepth: Int, resultNDim: Int) throws(TensorError) -> NDArray {
        func build(_ node: BlockTree, _ depth: Int) throws(TensorError) -> NDArray {
            switch node {
            case .leaf(let a):
                if a.ndim >= resultNDim { return a }
                return try a.reshape([Int](repeating: 1, count: resultNDim - a.ndim) + a.shape)
            case .list(let items):
                var parts: [NDArray] = []
                for item in items { parts.append(try build(item, depth + 1)) }
                return try concatenate(parts, axis: -(listDepth - depth))
            }
        }
        let result = try build(tree, 0)
        return listDepth == 0 ? try result.copy() : result
    }
}
