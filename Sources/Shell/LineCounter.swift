/// The 1-based line of scalar offsets in one text, for offsets asked in increasing order:
/// each question only scans from the previous one, so numbering every statement of a
/// 200,000-line script is linear (counting from the start each time was quadratic).
/// An offset smaller than the previous one starts over from the beginning.
struct LineCounter {
    let scalars: [Unicode.Scalar]
    private var position = 0
    private var lineNumber = 1

    init(_ source: String) { scalars = Array(source.unicodeScalars) }
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func line(at offset: Int) -> Int {
        let target = min(max(offset, 0), scalars.count)
        if target < position { position = 0; lineNumber = 1 }
        while position < target {
            if scalars[position] == "\n" { lineNumber += 1 }
            position += 1
        }
        return lineNumber
    }
}
