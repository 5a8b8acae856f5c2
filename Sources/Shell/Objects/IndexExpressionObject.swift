/// numpy's `np.s_` and `np.index_exp`: subscripting them gives back the index as written, so a
/// slice can be passed to a function (`np.delete(x, np.s_[::2])`). `np.index_exp` always wraps
/// the index in a tuple, as numpy's `IndexExpression(maketuple=True)` does.
struct IndexExpressionObject: ShellObject {
    let makesTuple: Bool

    var kind: String { "IndexExpression" }
    var summary: String { makesTuple ? "np.index_exp" : "np.s_" }
    var detail: String { "<numpy.lib._index_tricks_impl.IndexExpression object>" }

    func item(_ key: Value) throws(ShellError) -> Value? {
        if makesTuple, case .tuple = key { return key }
        return makesTuple ? .tuple([key]) : key
    }
}
