import Tensor

/// The `shape=` / `dtype=` tail of `repr` (docs/printing.md §6): said only when the body
/// cannot imply it, and moved to its own line only if it would pass the line width on the
/// last line.
enum ReprExtras {
    static let prefix = "array("

    /// `shape=` for empty arrays other than `(0,)` and for summarised arrays; `dtype=` for
    /// dtypes that are not implied by the text (all but int64, float64, bool) and for any
    /// empty array.
    static func extras(shape: [Int], size: Int, dtype: DType, bigEndian: Bool = false, options: PrintOptions = .current) -> [String] {
        var out: [String] = []
        if (size == 0 && shape != [0]) || size > options.threshold {
            out.append("shape=" + shapeString(shape))
        }
        let implied: Set<DType> = [.int64, .float64, .bool]
        if bigEndian {
            // numpy names a non-native dtype by its `str`, quoted: `dtype='>f4'`.
            out.append("dtype='" + dtype.descr(bigEndian: true) + "'")
        } else if !implied.contains(dtype) || size == 0 {
            out.append("dtype=" + dtype.name)
        }
        return out
    }

    /// `prefix` + body + `)`, with the extras appended the way numpy appends them.
    static func wrap(body: String, extras: [String], prefix: String = ReprExtras.prefix, lineWidth: Int = PrintOptions.current.lineWidth) -> String {
        if extras.isEmpty { return prefix + body + ")" }
        let head = prefix + body + ","
        let tail = extras.joined(separator: ", ") + ")"
        // Characters, as Python's len counts them: a `formatter=` text may be non-ASCII.
        let scalars = head.unicodeScalars
        let lastLine = scalars.distance(from: (scalars.lastIndex(of: "\n").map(scalars.index(after:)) ?? scalars.startIndex), to: scalars.endIndex)
        let spacer = lastLine + tail.unicodeScalars.count + 1 > PrintOptions.clampedWidth(lineWidth)
            ? "\n" + String(repeating: " ", count: prefix.utf8.count)
            : " "
        return head + spacer + tail
    }
}
