import Tensor

/// `explain reshape|transpose|split …`: what a shape op does, in plain words and as an index
/// formula, and whether data moves or only strides change (with the reason when a reshape must
/// copy). Each explanation runs the real operation, so "view" or "copy" is what the tensor core
/// actually did, never a guess. Errors are the operation's own (numpy's wording).
///
/// `name` is what the user called the source; `axisNames` optionally names the source's axes
/// (`image, row, pixel`) so sentences read "y[0] holds row 0 of every image".
public enum Explain {
    /// `x.reshape(shape)`.
    public static func reshape(_ x: NDArray, _ shape: [Int], name: String = "x", result: String = "y") throws(TensorError) -> String {
        let y = try x.reshape(shape)
        var lines: [String] = []
        lines.append("reshape \(name) \(shapeString(x.shape)) → \(result) \(shapeString(y.shape)): the \(x.size) elements keep their C order (last axis fastest) and are regrouped")
        let vars = IndexFormula.variables(y.ndim)
        if let source = IndexFormula.reshapeSource(old: x.shape, new: y.shape, vars: vars) {
            lines.append("  " + IndexFormula.subscripted(result, vars) + " = " + IndexFormula.subscripted(name, source))
            for g in IndexFormula.groups(old: x.shape, new: y.shape) {
                lines.append("  " + describe(g, old: x.shape, new: y.shape, name: name, result: result))
            }
        } else {
            lines.append("  \(name) has no elements, so there is nothing to move")
        }
        lines.append("  " + reshapeMemory(x, y, name: name, result: result))
        return lines.joined(separator: "\n")
    }

    /// `x.transpose(axes)` (reversed axes when nil).
    public static func transpose(_ x: NDArray, _ axes: [Int]?, name: String = "x", result: String = "y",
                                 axisNames: [String]? = nil) throws(TensorError) -> String {
        let y = try x.transpose(axes)
        // perm[a]: the axis of x that becomes axis a of y (as normalised by the core's checks).
        let perm = (axes ?? Array((0..<x.ndim).reversed())).map { $0 < 0 ? $0 + x.ndim : $0 }
        let vars = IndexFormula.variables(y.ndim)
        var source = [String](repeating: "0", count: x.ndim)
        for (a, from) in perm.enumerated() { source[from] = vars[a] }
        var lines: [String] = []
        lines.append("transpose \(name) \(shapeString(x.shape)) → \(result) \(shapeString(y.shape)): the axes are reordered to \(shapeString(perm))")
        var formula = "  " + IndexFormula.subscripted(result, vars) + " = " + IndexFormula.subscripted(name, source)
        if let first = firstSliceSentence(perm: perm, name: name, result: result, axisNames: axisNames) {
            formula += ": " + first
        }
        lines.append(formula)
        let moves = perm.enumerated().map { a, from in
            from == a ? "axis \(a) stays" : "axis \(a) of \(result) is axis \(from) of \(name)"
        }
        if !moves.isEmpty { lines.append("  " + moves.joined(separator: ", ")) }
        lines.append("  only strides change: \(shapeString(x.byteStrides)) → \(shapeString(y.byteStrides)) bytes; no data moves, \(result) is a view of \(name)")
        if x.ndim > 1 && perm != Array(0..<x.ndim) && x.isCContiguous {
            lines.append("  \(result) is no longer C-contiguous, so a later reshape that merges its moved axes has to copy")
        }
        return lines.joined(separator: "\n")
    }

    /// `np.split(x, sections, axis)` (`indices` instead of `sections` for explicit cut points;
    /// `equal: false` for `array_split`).
    public static func split(_ x: NDArray, sections: Int? = nil, indices: [Int]? = nil, axis: Int = 0, equal: Bool = true,
                             name: String = "x", result: String = "ys") throws(TensorError) -> String {
        let pieces: [NDArray]
        switch (sections, indices, equal) {
        case (let s?, _, true): pieces = try x.split(sections: s, axis: axis)
        case (let s?, _, false): pieces = try x.arraySplit(sections: s, axis: axis)
        case (nil, let idx?, _): pieces = try x.split(indices: idx, axis: axis)
        default: throw TensorError("split needs a number of sections or a list of indices")
        }
        let ax = axis < 0 ? axis + x.ndim : axis
        var lines: [String] = []
        let shapes = pieces.map(\.shape)
        let same = Set(shapes.map { $0.description }).count <= 1
        let what = same && !pieces.isEmpty ? "\(pieces.count) pieces of \(shapeString(shapes[0]))" : "\(pieces.count) pieces"
        lines.append("split \(name) \(shapeString(x.shape)) along axis \(ax) → \(result): a list of \(what)")
        // Start of each piece along the axis.
        var starts: [Int] = []
        var at = 0
        for p in pieces { starts.append(at); at += p.shape[ax] }
        let vars = IndexFormula.variables(x.ndim)
        if same, let first = pieces.first, first.shape[ax] > 0 {
            let len = first.shape[ax]
            var src = vars
            src[ax] = (len == 1 ? "p" : "\(len)*p") + " + " + vars[ax]
            lines.append("  \(result)[p]" + IndexFormula.subscripted("", vars) + " = " + IndexFormula.subscripted(name, src)
                         + "  for p in 0..\(pieces.count - 1)")
            lines.append("  \(result)[p] = \(name)[" + sliceText(axis: ax, "\(len)*p:\(len)*p + \(len)") + "]: piece p holds positions \(len)·p to \(len)·p + \(len - 1) of axis \(ax)")
        } else {
            for (p, piece) in pieces.enumerated() {
                lines.append("  \(result)[\(p)] = \(name)[" + sliceText(axis: ax, "\(starts[p]):\(starts[p] + piece.shape[ax])") + "]")
            }
        }
        if let first = pieces.first {
            lines.append("  each piece is a slice: a view of \(name) with its strides \(shapeString(first.byteStrides)) bytes; no data moves")
        }
        return lines.joined(separator: "\n")
    }

    /// `:, :, a:b` with the slice on `axis`, trailing full slices omitted as numpy users write them.
    static func sliceText(axis: Int, _ slice: String) -> String {
        (Array(repeating: ":", count: axis) + [slice]).joined(separator: ", ")
    }

    /// "y[0] holds row 0 of every image": what the first entry of the result's first axis is.
    static func firstSliceSentence(perm: [Int], name: String, result: String, axisNames: [String]?) -> String? {
        guard let from = perm.first, perm.count > 1 else { return nil }
        if let names = axisNames, names.count == perm.count {
            let containers = names[..<from].reversed().map { "of every \($0)" }
            if containers.isEmpty { return "\(result)[0] holds \(names[from]) 0" }
            return "\(result)[0] holds \(names[from]) 0 " + containers.joined(separator: " ")
        }
        if from == 0 { return nil }
        var items = [String](repeating: ":", count: perm.count)
        items[from] = "0"
        let outer = IndexFormula.variables(from)
        return "\(result)[0] = \(IndexFormula.subscripted(name, items)), entry 0 of axis \(from) from every \(IndexFormula.subscripted(name, outer))"
    }

    /// "axes 0 and 1 of x (4 × 2) become axis 0 of y (8)".
    static func describe(_ g: IndexFormula.Group, old: [Int], new: [Int], name: String, result: String) -> String {
        func axes(_ list: [Int]) -> String {
            list.count == 1 ? "axis \(list[0])" : "axes " + wordList(list.map(String.init))
        }
        func lengths(_ list: [Int], _ dims: [Int]) -> String { list.map { String(dims[$0]) }.joined(separator: " × ") }
        if g.oldAxes.count == 1 && g.newAxes.count == 1 {
            if g.oldAxes[0] == g.newAxes[0] { return "axis \(g.oldAxes[0]) stays (\(old[g.oldAxes[0]]))" }
            return "axis \(g.oldAxes[0]) of \(name) becomes axis \(g.newAxes[0]) of \(result) (\(old[g.oldAxes[0]]))"
        }
        let verb = g.oldAxes.count > 1 && g.newAxes.count == 1 ? "merge into" : (g.oldAxes.count == 1 ? "splits into" : "are regrouped as")
        return "\(axes(g.oldAxes)) of \(name) (\(lengths(g.oldAxes, old))) \(verb) \(axes(g.newAxes)) of \(result) (\(lengths(g.newAxes, new)))"
    }

    /// Whether the reshape shared memory, and if it copied, which axes could not be merged.
    static func reshapeMemory(_ x: NDArray, _ y: NDArray, name: String, result: String) -> String {
        if y.storage === x.storage {
            if x.isCContiguous {
                return "no data moves: \(name) is C-contiguous, so \(result) is a view with strides \(shapeString(y.byteStrides)) bytes"
            }
            return "no data moves: the merged axes of \(name) are evenly spaced in memory, so \(result) is a view with strides \(shapeString(y.byteStrides)) bytes"
        }
        var reason = "\(name) is not C-contiguous"
        search: for g in IndexFormula.groups(old: x.shape, new: y.shape) where g.oldAxes.count > 1 {
            for (a, b) in zip(g.oldAxes, g.oldAxes.dropFirst()) {
                let need = x.byteStrides[b] * x.shape[b]
                if x.byteStrides[a] != need {
                    reason += ": its axes \(a) and \(b) (lengths \(x.shape[a]) and \(x.shape[b]), strides \(x.byteStrides[a]) and \(x.byteStrides[b]) bytes) cannot act as one axis; that needs a stride of \(x.shape[b]) × \(x.byteStrides[b]) = \(need) bytes on axis \(a), not \(x.byteStrides[a])"
                    break search
                }
            }
        }
        return "copy: \(reason)\n  no single stride steps through \(result)'s elements in order, so numpy copies the \(x.size) elements into new memory (\(result) does not share memory with \(name))"
    }
}

/// "0, 1 and 2".
func wordList(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
}
