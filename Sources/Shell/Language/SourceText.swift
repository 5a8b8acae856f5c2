/// One parsed input (a line typed, a script file) as its statements and functions refer to it:
/// the text, its scalars (what spans count) and where each line starts. Made once per parse
/// and shared by every `def` parsed from it, so calling a function, or locating an error
/// raised inside one, never copies or rescans the text (a 200,000-line script's functions
/// would each have held a copy of the whole file, and each error counted its lines again).
final class SourceText: @unchecked Sendable {
    let text: String
    let scalars: [Unicode.Scalar]
    /// The offset each line starts at (the first is 0).
    let lineStarts: [Int]

    init(_ text: String, scalars: [Unicode.Scalar]) {
        self.text = text
        self.scalars = scalars
        var starts = [0]
        for (i, c) in scalars.enumerated() where c == "\n" { starts.append(i + 1) }
        self.lineStarts = starts
    }

    convenience init(_ text: String) { self.init(text, scalars: Array(text.unicodeScalars)) }

    /// The 1-based line of scalar offset `offset`.
    func line(at offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
        }
        return lo + 1
    }
}
