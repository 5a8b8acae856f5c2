import Tensor
import Printing

/// `track x …`: where every element of a result came from. The caller runs the same shape ops
/// on `Track.indexArray(shape: x.shape)` — each element holds its own flat position in `x` — and
/// passes what comes out (`origins`) with the real result (`values`). Every element is then
/// labelled by its index along a chosen source axis (e.g. the image it came from), and an index
/// formula is recovered from the labels, so the tutorial's split list visibly holds "the first
/// rows of every image" in its first element. Large results are summarised (formula, one
/// sentence per piece, numpy's own `...` summarisation of the labels).
public struct Track: Sendable {
    /// What the user tracked: its name, shape, the axis that labels elements, and optional axis
    /// names (`image, row, pixel`) for the sentences.
    public struct Source: Sendable {
        public var name: String
        public var shape: [Int]
        public var axis: Int
        public var axisNames: [String]?
        public init(name: String, shape: [Int], axis: Int = 0, axisNames: [String]? = nil) {
            self.name = name; self.shape = shape; self.axis = axis; self.axisNames = axisNames
        }
    }

    public let source: Source
    public let resultName: String
    /// True when the result is a list of arrays (after `split`), false for one array.
    public let isList: Bool
    /// Per piece: its shape and, per source axis, the coordinate of every element (C order).
    let pieces: [(shape: [Int], coordinates: [[Int]])]
    let values: [NDArray]

    /// The largest source `track` follows: it keeps several integers per element, so a whole
    /// dataset (60000 × 28 × 28) would take gigabytes; a batch (128 × 28 × 28) is far below.
    public static let maxElements = 1 << 22

    /// An int64 array of `shape` whose elements are their own flat (C-order) positions.
    public static func indexArray(shape: [Int]) throws(TensorError) -> NDArray {
        let n = try Limits.checkAllocation(shape, .int64)
        guard n <= maxElements else {
            throw TensorError("track follows arrays of up to \(maxElements) elements; this one has \(n)",
                              explanation: "track a slice instead, e.g. x[:128] for one batch")
        }
        return try NDArray((0..<n).map { Int64($0) }, shape: shape)
    }

    /// `origins`: the index array after the ops (one array, or the pieces of a list); `values`:
    /// the real result, piece for piece; `sourceValues`: the source array. Refuses a result whose
    /// values are not the source's elements at the tracked positions — the statement did more
    /// than move elements (arithmetic), so the labels would lie.
    public init(source: Source, sourceValues: NDArray, resultName: String, origins: [NDArray], values: [NDArray], isList: Bool) throws(TensorError) {
        guard source.axis >= 0 && source.axis < source.shape.count else {
            throw TensorError("axis \(source.axis) is out of bounds for array of dimension \(source.shape.count)")
        }
        guard origins.count == values.count else {
            throw TensorError("track: the tracked result has \(origins.count) pieces, the real one \(values.count)")
        }
        let flatSource = sourceValues.scalars
        // Arithmetic changes (nearly) every element, so an evenly spaced sample of the result
        // is enough to refuse it; moving 100k elements stays fast.
        let total = values.reduce(0) { $0 + $1.size }
        let every = max(1, total / 65_536)
        var seen = 0
        var pieces: [(shape: [Int], coordinates: [[Int]])] = []
        for (o, v) in zip(origins, values) {
            guard o.shape == v.shape, o.dtype == .int64, let flat = o.elements(as: Int64.self) else {
                throw TensorError("track follows shape operations only (reshape, transpose, split, indexing, …)",
                                  explanation: "this statement changed the shape or type of the values in another way")
            }
            let positions = flat.map { Int($0) }
            let real = v.scalars
            for (e, (p, r)) in zip(positions, real).enumerated() {
                guard p >= 0 && p < flatSource.count else {
                    throw TensorError("track follows shape operations only (reshape, transpose, split, indexing, …)",
                                      explanation: "this statement computes new values, so its elements have no single origin in \(source.name)")
                }
                if (seen + e) % every != 0 { continue }
                guard flatSource[p].doubleValue == r.doubleValue || (r.doubleValue.isNaN && flatSource[p].doubleValue.isNaN) else {
                    throw TensorError("track follows shape operations only (reshape, transpose, split, indexing, …)",
                                      explanation: "this statement computes new values, so its elements have no single origin in \(source.name)")
                }
            }
            seen += positions.count
            pieces.append((o.shape, OriginFit.coordinates(origins: positions, sourceShape: source.shape)))
        }
        self.source = source
        self.resultName = resultName
        self.isList = isList
        self.pieces = pieces
        self.values = values
    }

    /// The label of every element of piece `p` (its index along the tracked axis), as an array.
    public func labels(_ p: Int) -> NDArray {
        let piece = pieces[p]
        let values = piece.coordinates[source.axis].map { Int64($0) }
        return (try? NDArray(values, shape: piece.shape)) ?? NDArray(values)
    }

    /// Name of the tracked axis for headings: its given name, or `axis N of x`.
    var axisLabel: String {
        if let names = source.axisNames, names.count == source.shape.count { return names[source.axis] }
        return "index along axis \(source.axis) of \(source.name)"
    }

    /// The index formula of the whole result: `xs[p][i, j] = x[i, p, j]` when every piece of a
    /// list follows one formula in the piece number `p`, else one formula per piece.
    public var formulas: [String] {
        let shapes = pieces.map(\.shape)
        if isList, let first = shapes.first, shapes.allSatisfy({ $0 == first }) {
            // Stack the pieces: a leading axis `p`.
            let vars = ["p"] + IndexFormula.variables(first.count)
            let coords = source.shape.indices.map { a in pieces.flatMap { $0.coordinates[a] } }
            let fitted = OriginFit.fit(coordinates: coords, shape: [pieces.count] + first, vars: vars)
            if fitted.allSatisfy({ $0 != nil }) {
                let lhs = "\(resultName)[p]" + IndexFormula.subscripted("", Array(vars.dropFirst()))
                return [lhs + " = " + IndexFormula.subscripted(source.name, fitted.map { $0 ?? "?" })]
            }
        }
        return pieces.indices.map { p in
            let vars = IndexFormula.variables(pieces[p].shape.count)
            let fitted = OriginFit.fit(coordinates: pieces[p].coordinates, shape: pieces[p].shape, vars: vars)
            let lhs = isList ? "\(resultName)[\(p)]" + IndexFormula.subscripted("", vars) : IndexFormula.subscripted(resultName, vars)
            if fitted.contains(where: { $0 == nil }) {
                return lhs + " = " + IndexFormula.subscripted(source.name, fitted.map { $0 ?? "…" }) + "  (… : no simple formula; see the labels)"
            }
            return lhs + " = " + IndexFormula.subscripted(source.name, fitted.map { $0 ?? "?" })
        }
    }

    /// "holds row 0 of every image": what piece `p` contains, in the source's terms.
    public func sentence(_ p: Int) -> String {
        let coords = pieces[p].coordinates
        let names = source.axisNames.flatMap { $0.count == source.shape.count ? $0 : nil }
        var parts: [String] = []
        // Describe from the innermost axis that is fixed (or partly covered) outwards.
        let described = source.shape.indices.filter { a in
            let set = Set(coords[a])
            return set.count != source.shape[a]
        }
        let deepest = described.last ?? -1
        if deepest < 0 {
            return "holds all of \(source.name)"
        }
        for a in stride(from: deepest, through: 0, by: -1) {
            let set = Set(coords[a])
            let noun = names?[a] ?? "entry of axis \(a)"
            if set.count == source.shape[a] {
                parts.append("every \(noun)")
            } else if set.count == 1, let v = set.first {
                parts.append(names != nil ? "\(noun) \(v)" : "entry \(v) of axis \(a)")
            } else {
                parts.append(Track.rangeText(set.sorted(), noun: noun, named: names != nil, axis: a))
            }
        }
        return "holds " + parts.joined(separator: " of ")
    }

    /// "images 0 to 63", "rows 0, 2 and 5".
    static func rangeText(_ values: [Int], noun: String, named: Bool, axis: Int) -> String {
        let plural = named ? Track.plural(noun) : "entries of axis \(axis)"
        guard let lo = values.first, let hi = values.last else { return plural }
        if hi - lo + 1 == values.count { return "\(plural) \(lo) to \(hi)" }
        if values.count <= 4 { return plural + " " + wordList(values.map(String.init)) }
        return "\(values.count) \(plural) between \(lo) and \(hi)"
    }

    static func plural(_ noun: String) -> String {
        for end in ["s", "x", "ch", "sh"] where noun.hasSuffix(end) { return noun + "es" }
        return noun + "s"
    }

    /// The whole report. On a terminal (`color`), values are shown coloured by their label
    /// (unless numpy would summarise them); otherwise the labels are printed as numbers.
    public func text(color: Bool = false, maxPieces: Int = 4) -> String {
        var lines: [String] = []
        let kind: String
        if isList {
            let shapes = Set(pieces.map { shapeString($0.shape) })
            kind = "a list of \(pieces.count) arrays" + (shapes.count == 1 ? " of shape \(shapes.first ?? "")" : "")
        } else {
            kind = "an array of shape \(shapeString(pieces.first?.shape ?? []))"
        }
        lines.append("track \(source.name) \(shapeString(source.shape)) → \(resultName): \(kind); each element labelled by \(labelPhrase)")
        lines.append(contentsOf: formulas)
        let shown = shownPieces(maxPieces)
        for p in shown {
            guard let p else { lines.append("…"); continue }
            let name = isList ? "\(resultName)[\(p)]" : resultName
            lines.append("\(name) \(sentence(p))")
        }
        let heading = color ? "values, coloured by \(axisLabel):" : "labels (\(axisLabel) of each element):"
        lines.append(heading)
        // Pieces numpy summarises repeat the same pattern: the first one stands for them all.
        let large = pieces.count > 1 && pieces.allSatisfy { $0.coordinates.first.map(\.count) ?? 0 > 1000 }
        for p in large ? [0, nil] : shown {
            guard let p else { lines.append("…"); continue }
            let name = isList ? "\(resultName)[\(p)] " : "\(resultName) "
            let body = color ? colouredBody(p) : NumpyFormat.str(labels(p))
            let pad = String(repeating: " ", count: name.count)
            let bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false)
            for (k, l) in bodyLines.enumerated() { lines.append((k == 0 ? name : pad) + l) }
        }
        if color { lines.append(legend) }
        return lines.joined(separator: "\n")
    }

    var labelPhrase: String {
        if let names = source.axisNames, names.count == source.shape.count {
            return "the \(names[source.axis]) it came from (axis \(source.axis) of \(source.name))"
        }
        return "its index along axis \(source.axis) of \(source.name)"
    }

    /// The pieces to show: all when few, else the first ones, a gap (nil) and the last.
    func shownPieces(_ limit: Int) -> [Int?] {
        if pieces.count <= limit { return Array(pieces.indices) }
        return Array(0..<max(limit - 1, 1)).map { Optional($0) } + [nil, pieces.count - 1]
    }

    /// Eight distinguishable terminal colours, cycled by label.
    static let palette = [31, 32, 34, 35, 36, 33, 91, 94]

    static func paint(_ text: Substring, label: Int) -> String {
        "\u{1B}[\(palette[label % palette.count])m\(text)\u{1B}[0m"
    }

    /// numpy's `str` of the real values with each number coloured by its label; labels instead
    /// of values when numpy would summarise (its `...` breaks the element order).
    func colouredBody(_ p: Int) -> String {
        let useValues = values[p].size <= 1000
        let text = NumpyFormat.str(useValues ? values[p] : labels(p))
        let tokenLabels: [Int]
        if useValues {
            tokenLabels = pieces[p].coordinates[source.axis]
        } else {
            return Track.colourNumbers(text) { Int($0) }
        }
        var k = 0
        return Track.colourNumbers(text) { _ in
            defer { k += 1 }
            return k < tokenLabels.count ? tokenLabels[k] : nil
        }
    }

    /// Colours every number token of numpy text (runs of characters other than brackets, spaces
    /// and newlines; `...` is left alone) with the label `label(token)` gives.
    static func colourNumbers(_ text: String, _ label: (Substring) -> Int?) -> String {
        var out = ""
        var token = Substring()
        var i = text.startIndex
        func flush() {
            if token.isEmpty { return }
            if token != "...", let l = label(token) { out += paint(token, label: l) } else { out += token }
            token = Substring()
        }
        while i < text.endIndex {
            let ch = text[i]
            if ch == "[" || ch == "]" || ch == " " || ch == "\n" {
                flush()
                out.append(ch)
            } else {
                token = token.isEmpty ? text[i...i] : text[token.startIndex...i]
            }
            i = text.index(after: i)
        }
        flush()
        return out
    }

    var legend: String {
        let n = source.shape[source.axis]
        let noun = source.axisNames.flatMap { $0.count == source.shape.count ? $0[source.axis] : nil } ?? "index"
        let shown = min(n, Track.palette.count)
        var items = (0..<shown).map { Track.paint(Substring("\(noun) \($0)"), label: $0) }
        if n > shown { items.append("(colours repeat every \(Track.palette.count))") }
        return "legend: " + items.joined(separator: "  ")
    }
}
