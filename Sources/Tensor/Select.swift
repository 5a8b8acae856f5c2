/// `np.select(condlist, choicelist, default=0)`, step by step as numpy 2.4's `function_base.py`
/// does it, so the result dtype, shape and the order of its errors are numpy's: the dtype is
/// `result_type` of the choices and the default with Python scalars weak (`[1.5, float32(2)]`
/// gives float32); conditions broadcast together, choices (with the default) together; the
/// result takes the shape of the first condition broadcast with the first choice; the first
/// condition that holds wins, as the writes go from the last case to the first.
extension NDArray {
    public static func select(_ conditions: [NDArray], _ choices: [Operand], default fallback: Operand) throws(TensorError) -> NDArray {
        guard conditions.count == choices.count else {
            throw TensorError("list of cases must be same length as list of conditions", kind: .valueError)
        }
        guard !conditions.isEmpty else {
            throw TensorError("select with an empty condition list is not possible", kind: .valueError)
        }
        let all = choices + [fallback]
        var strong: [DType] = [], weak: [Operand] = []
        for c in all { if case .array(let a) = c { strong.append(a.dtype) } else { weak.append(c) } }
        let dtype = try resultType(strong: strong, weak: weak)
        let arrays = all.map(\.asArray)
        let conditionShape = try RandomSampling.broadcastShape(size: nil, conditions)
        let choiceShape = try RandomSampling.broadcastShape(size: nil, arrays)
        for (i, c) in conditions.enumerated() where c.dtype != .bool {
            throw TensorError("invalid entry \(i) in condlist: should be boolean ndarray", kind: .typeError)
        }
        let resultShape = choiceShape.isEmpty
            ? conditionShape
            : try RandomSampling.broadcastShape(size: nil, [conditions[0].broadcastView(to: conditionShape),
                                                            arrays[0].broadcastView(to: choiceShape)])
        try Limits.checkAllocation(resultShape, dtype)
        var result = try NDArray.full(resultShape, .array(try arrays[arrays.count - 1].astype(dtype)), dtype: dtype)
        for i in stride(from: conditions.count - 1, through: 0, by: -1) {
            result = try choose(conditions[i], .array(try arrays[i].astype(dtype)), .array(result))
        }
        return result
    }
}
