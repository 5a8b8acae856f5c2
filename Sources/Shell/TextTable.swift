import Tensor

/// numpy's text tables: the rows `np.loadtxt` and `np.genfromtxt` read, with each one's rules
/// for comments, delimiters, blank lines, columns and bad fields, and numpy's error texts.
///
/// The two readers differ where learners notice:
/// - `loadtxt` is strict: every field must parse (`could not convert string 'x' to float64 at
///   row 1, column 2.`, the row counted from 0 among data rows, the column from 1), and every
///   row must have as many fields as the first (`the number of columns changed from 3 to 2 at
///   row 2; …`, counted from 1). With a delimiter, a line of blanks is a row of one empty field;
///   only a line with nothing (after its comment) is skipped.
/// - `genfromtxt` fills: an empty or unparsable field becomes the dtype's missing value (NaN for
///   floats, -1 for integers, or `filling_values=`); rows of the wrong width are collected and
///   reported together by their line number in the file (`Line #4 (got 2 columns instead of
///   3)`), counted from the first line after `skip_header` that holds data.
///
/// Both read Python's float syntax (`1.5`, `-2e3`, `.5`, `inf`, `nan`, `Infinity`), never hex,
/// and integers with an optional sign; the result is squeezed as numpy squeezes it.
public enum TextTable {
    /// One parsed field (module Tensor's element values are its own).
    enum Field {
        /// Int128 holds every uint64 and int64 (and says "too large" for longer numbers).
        case int(Int128)
        case float(Double)
        case bool(Bool)
    }

    /// What is common to both readers.
    public struct Options: Sendable {
        /// nil: fields are separated by runs of blanks, and blanks around a line are ignored.
        public var delimiter: Character?
        /// Text from any of these to the end of a line is a comment.
        public var comments: [String]
        /// Columns to keep (negative counts from the end), in this order; nil keeps all.
        public var usecols: [Int]?
        /// At most this many data rows.
        public var maxRows: Int?

        public init(delimiter: Character?, comments: [String], usecols: [Int]?, maxRows: Int?) {
            self.delimiter = delimiter
            self.comments = comments
            self.usecols = usecols
            self.maxRows = maxRows
        }
    }

    /// The dtypes the readers fill (numpy reads others too; rnnsh's string and structured
    /// arrays are not read from text).
    public static func readable(_ dtype: DType) -> Bool {
        dtype.isFloat || dtype.isInteger || dtype == .bool
    }

    // MARK: - loadtxt

    /// `np.loadtxt` of `lines` (the file's lines after `skiprows`): the 2-d table, or (0,) /
    /// (0, len(usecols)) when there is no data, before `ndmin` and `unpack`.
    public static func loadtxt(_ lines: [Substring], dtype: DType, _ o: Options) throws(TensorError) -> NDArray {
        var values: [Field] = []
        var rows = 0
        var firstWidth: Int? = nil
        for line in lines {
            if let m = o.maxRows, rows >= m { break }
            let fields = split(stripComment(line, o.comments), o.delimiter)
            if fields.isEmpty { continue }
            // Fields in the order kept, with the column (from 0) each came from.
            var picked: [(field: Substring, column: Int)] = []
            if let cols = o.usecols {
                for c in cols {
                    let i = c < 0 ? c + fields.count : c
                    guard i >= 0 && i < fields.count else {
                        throw TensorError("invalid column index \(c) at row \(rows + 1) with \(fields.count) columns", kind: .valueError)
                    }
                    picked.append((fields[i], i))
                }
            } else {
                if let w = firstWidth, w != fields.count {
                    throw TensorError("the number of columns changed from \(w) to \(fields.count) at row \(rows + 1); use `usecols` to select a subset and avoid this error",
                                      kind: .valueError)
                }
                picked = fields.enumerated().map { ($0.element, $0.offset) }
            }
            if firstWidth == nil { firstWidth = fields.count }
            _ = try Limits.checkAllocation([values.count + picked.count], dtype)
            for (field, column) in picked {
                guard let v = parse(field, as: dtype) else {
                    throw TensorError("could not convert string '\(field)' to \(dtype.name) at row \(rows), column \(column + 1).", kind: .valueError)
                }
                values.append(v)
            }
            rows += 1
            try Cancellation.check()
        }
        if rows == 0 {
            return try NDArray(zeros: o.usecols.map { [0, $0.count] } ?? [0], dtype: dtype)
        }
        return try array(values, shape: [rows, values.count / rows], dtype: dtype)
    }

    // MARK: - genfromtxt

    /// `np.genfromtxt` of `lines` (after `skip_header`, which `skipped` counts, for numpy's
    /// line numbers): the squeezed table. `filling` replaces missing and unparsable fields.
    public static func genfromtxt(_ lines: [Substring], skipped: Int, dtype: DType, filling: Fill?, missing: [String],
                                  skipFooter: Int, invalidRaise: Bool, autostrip: Bool, _ o: Options) throws(TensorError) -> NDArray {
        // Leading lines without data are not counted in numpy's line numbers.
        var start = 0
        while start < lines.count, split(stripComment(lines[start], o.comments), o.delimiter).isEmpty { start += 1 }
        guard start < lines.count else { return try NDArray(zeros: [0], dtype: dtype) }
        let firstFields = split(stripComment(lines[start], o.comments), o.delimiter)
        let width = o.usecols?.count ?? firstFields.count
        var rows: [[Substring]] = []
        var invalid: [(line: Int, count: Int)] = []
        var cells = 0
        for (i, line) in lines[start...].enumerated() {
            let fields = split(stripComment(line, o.comments), o.delimiter)
            if fields.isEmpty { continue }
            var picked = fields
            if let cols = o.usecols {
                picked = []
                var ok = true
                for c in cols {
                    let j = c < 0 ? c + fields.count : c
                    guard j >= 0 && j < fields.count else { ok = false; break }
                    picked.append(fields[j])
                }
                if !ok { invalid.append((i + skipped + 1, fields.count)); continue }
            } else if fields.count != width {
                invalid.append((i + skipped + 1, fields.count))
                continue
            }
            cells += picked.count
            _ = try Limits.checkAllocation([cells], dtype)
            rows.append(picked)
            try Cancellation.check()
            if let m = o.maxRows, rows.count == m { break }
        }
        if skipFooter > 0 { rows = Array(rows.dropLast(skipFooter)) }
        if !invalid.isEmpty && invalidRaise {
            let lines = invalid.map { "\n    Line #\($0.line) (got \($0.count) columns instead of \(width))" }.joined()
            throw TensorError("Some errors were detected !" + lines, kind: .valueError)
        }
        // The default (-1) is only refused by an unsigned dtype when a field is missing.
        let given: Field?
        switch filling {
        case .int(let i)?: given = .int(Int128(i))
        case .float(let f)?: given = dtype.isInteger ? .int(Int128(exactly: f.rounded(.towardZero)) ?? -1) : .float(f)
        case nil: given = nil
        }
        func fill() throws(TensorError) -> Field {
            if let given { return given }
            return try missingValue(dtype)
        }
        let markers = Set(missing.map { Substring($0).trimmingBlanks })
        var values: [Field] = []
        values.reserveCapacity(rows.count * width)
        for row in rows {
            for field in row {
                let trimmed = field.trimmingBlanks
                var parsed: Field? = nil
                if !markers.contains(trimmed) {
                    // genfromtxt converts with Python's int() and float() (blanks around a
                    // number and `_` between digits allowed), and a bool with numpy's str2bool:
                    // only 'True' or 'False' in any case, blanks kept unless autostrip.
                    if dtype == .bool {
                        switch (autostrip ? trimmed : field).uppercased() {
                        case "TRUE": parsed = .bool(true)
                        case "FALSE": parsed = .bool(false)
                        default: break
                        }
                    } else if let digits = withoutPythonUnderscores(trimmed) {
                        if dtype.isInteger {
                            parsed = parseInt(digits).map { Field.int($0) }
                        } else {
                            parsed = parseDouble(digits).map { Field.float($0) }
                        }
                    }
                }
                let v: Field
                if let parsed { v = parsed } else { v = try fill() }
                // genfromtxt builds Python ints and floats first, then numpy's array of them:
                // an int out of the dtype's range is numpy's OverflowError.
                if dtype.isInteger, case .int(let i) = v { try checkPythonInt(i, fits: dtype) }
                values.append(v)
            }
        }
        return try array(values, shape: [rows.count, width], dtype: dtype).squeeze()
    }

    /// genfromtxt's `filling_values=`: the number a missing field becomes.
    public enum Fill: Sendable {
        case int(Int64)
        case float(Double)
    }

    /// genfromtxt's default for a missing field: NaN for floats, -1 for integers (numpy's
    /// `-1` default, refused by unsigned dtypes as numpy refuses it), False for bools.
    static func missingValue(_ dtype: DType) throws(TensorError) -> Field {
        if dtype.isFloat { return .float(.nan) }
        if dtype == .bool { return .bool(false) }
        try checkPythonInt(-1, fits: dtype)
        return .int(-1)
    }

    // MARK: - Lines and fields

    /// The line up to the first comment marker.
    static func stripComment(_ line: Substring, _ comments: [String]) -> Substring {
        let marks = comments.filter { !$0.isEmpty }
        if marks.isEmpty { return line }
        var i = line.startIndex
        while i < line.endIndex {
            for c in marks where line[i...].hasPrefix(c) { return line[..<i] }
            i = line.index(after: i)
        }
        return line
    }

    /// The fields of a line: split at the delimiter (an empty line has none), or at runs of
    /// blanks (a blank line has none).
    static func split(_ text: Substring, _ delimiter: Character?) -> [Substring] {
        guard let d = delimiter else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" })
        }
        if text.isEmpty { return [] }
        return text.split(separator: d, omittingEmptySubsequences: false)
    }

    // MARK: - Numbers

    /// A field as an element of `dtype` (blanks around it ignored), or nil when numpy's reader
    /// would refuse it.
    static func parse(_ field: Substring, as dtype: DType) -> Field? {
        let s = field.trimmingBlanks
        if dtype.isFloat {
            guard let d = parseDouble(s) else { return nil }
            return .float(d)
        }
        if dtype == .bool {
            // numpy reads a bool column as integers (any non-zero is True).
            guard let i = parseInt(s) else { return nil }
            return .bool(i != 0)
        }
        guard let i = parseInt(s) else { return nil }
        if let bounds = dtype.integerBounds, Int128(i) < bounds.min || Int128(i) > bounds.max { return nil }
        return .int(i)
    }

    /// Python's float syntax: a sign, digits with at most one point, an exponent; or inf,
    /// infinity, nan in any case. Hex floats and digit separators, which Swift's parser would
    /// take, are refused as numpy refuses them.
    static func parseDouble(_ s: Substring) -> Double? {
        var body = s
        var negative = false
        if let f = body.first, f == "+" || f == "-" { negative = f == "-"; body = body.dropFirst() }
        switch body.lowercased() {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        var digits = 0, points = 0, sawExponent = false, expDigits = 0
        var previous: Character = " "
        for ch in body {
            switch ch {
            case "0"..."9":
                if sawExponent { expDigits += 1 } else { digits += 1 }
            case ".":
                if sawExponent || points > 0 { return nil }
                points += 1
            case "e", "E":
                if sawExponent || digits == 0 { return nil }
                sawExponent = true
            case "+", "-":
                if !(previous == "e" || previous == "E") { return nil }
            default:
                return nil
            }
            previous = ch
        }
        guard digits > 0, !sawExponent || expDigits > 0 else { return nil }
        return Double(String(s))
    }

    /// An integer with an optional sign. One too long for Int128 is returned as Int128's
    /// bound of its sign: out of every dtype's range, as the number itself is.
    static func parseInt(_ s: Substring) -> Int128? {
        var body = s
        var sign = ""
        if let f = body.first, f == "+" || f == "-" { sign = f == "-" ? "-" : ""; body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int128(sign + body) ?? (sign == "-" ? Int128.min : Int128.max)
    }

    /// `s` without the underscores Python's int() and float() allow (each between two digits,
    /// `1_000`), or nil when an underscore stands anywhere else; `s` itself when it has none.
    static func withoutPythonUnderscores(_ s: Substring) -> Substring? {
        guard s.contains("_") else { return s }
        let chars = Array(s)
        for (i, c) in chars.enumerated() where c == "_" {
            guard i > 0, i + 1 < chars.count, chars[i - 1].isASCII, chars[i - 1].isNumber,
                  chars[i + 1].isASCII, chars[i + 1].isNumber else { return nil }
        }
        return Substring(String(chars.filter { $0 != "_" }))
    }
}

extension TextTable {
    /// The array of `values` (C order) with `shape`, as `dtype`: ints, floats and bools are
    /// gathered in their own Swift type and cast once (every int was range-checked by the
    /// reader, so the cast is exact).
    static func array(_ values: [Field], shape: [Int], dtype: DType) throws(TensorError) -> NDArray {
        if dtype == .bool {
            return try NDArray(values.map { (v: Field) -> Bool in
                switch v {
                case .bool(let b): return b
                case .int(let i): return i != 0
                case .float(let d): return d != 0
                }
            }, shape: shape)
        }
        if dtype == .uint64 {
            // Above int64's range: built as UInt64, not cast through Int64.
            return try NDArray(values.map { (v: Field) -> UInt64 in
                switch v {
                case .int(let i): return UInt64(exactly: i) ?? 0
                case .bool(let b): return b ? 1 : 0
                case .float(let d): return UInt64(exactly: d.rounded(.towardZero)) ?? 0
                }
            }, shape: shape)
        }
        if dtype.isInteger {
            let ints = values.map { (v: Field) -> Int64 in
                switch v {
                case .int(let i): return Int64(exactly: i) ?? -1
                case .bool(let b): return b ? 1 : 0
                case .float(let d): return Int64(exactly: d.rounded(.towardZero)) ?? -1
                }
            }
            return try NDArray(ints, shape: shape).astype(dtype)
        }
        let doubles = values.map { (v: Field) -> Double in
            switch v {
            case .float(let d): return d
            case .int(let i): return Double(i)
            case .bool(let b): return b ? 1 : 0
            }
        }
        let a = try NDArray(doubles, shape: shape)
        return dtype == .float64 ? a : try a.astype(dtype)
    }

    /// numpy's OverflowError for a Python int that does not fit `dtype`: one past a C long
    /// (past uint64 for a uint64 column) fails in the conversion, before the dtype's own range.
    static func checkPythonInt(_ i: Int128, fits dtype: DType) throws(TensorError) {
        guard let b = dtype.integerBounds else { return }
        let top = dtype == .uint64 ? Int128(UInt64.max) : Int128(Int64.max)
        if i < Int128(Int64.min) || i > top {
            throw TensorError("Python int too large to convert to C long", kind: .overflowError)
        }
        if i < b.min || i > b.max {
            throw TensorError("Python integer \(i) out of bounds for \(dtype.name)", kind: .overflowError)
        }
    }
}

extension Substring {
    /// Without spaces and tabs at either end.
    var trimmingBlanks: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return s
    }
}
