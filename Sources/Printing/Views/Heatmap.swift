import Tensor

/// A 2-d float array as a picture, so gate activations, states and weights can be looked at
/// rather than read.
///
/// Signed data (negative and positive values) uses a diverging scale centred on 0 and
/// symmetric (±max|v|), so 0 is always the neutral colour; one-signed data uses a sequential
/// scale from its minimum to its maximum. Each element is a cell two columns wide:
/// - colour: two spaces on a coloured background (RdBu for signed data, viridis otherwise);
/// - no colour, one-signed data: the density ramp ` .:-=+*#%@` (Unicode: ` ░▒▓█`), doubled;
/// - no colour, signed data: the sign and a magnitude ramp, `-#`, `-:`, `  `, `+:`, `+#`.
/// A header states the shape and the value range, a legend the scale. Arrays too large for
/// the terminal are shrunk, and the header says how: each cell then stands for a block of
/// elements — by default its largest-magnitude value for signed data (weights, activations:
/// a mean would cancel their signs and draw a blank) and its mean for one-signed data
/// (images); `aggregation` chooses mean, extreme or standard deviation.
public enum Heatmap {
    static let sequentialASCII: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    static let sequentialUnicode: [Character] = [" ", "░", "▒", "▓", "█"]
    static let magnitudeASCII: [Character] = [" ", ".", ":", "*", "#"]
    static let magnitudeUnicode: [Character] = [" ", "░", "▒", "▓", "█"]

    /// Draws a 1-d (one row) or 2-d array of any dtype (booleans and integers as numbers).
    public static func render(_ array: NDArray, style: TerminalStyle, maxRows: Int = 32,
                              aggregation: BlockAggregation? = nil) throws(TensorError) -> String {
        let shape: [Int]
        switch array.ndim {
        case 1: shape = [1, array.shape[0]]
        case 2: shape = array.shape
        default:
            throw TensorError("cannot draw an array of shape \(shapeString(array.shape)) as a heatmap",
                              explanation: "a heatmap shows 1-d or 2-d arrays; index or reshape first, e.g. x[0]")
        }
        // Random access to the elements, so huge blocks are sampled (bounded time; see BlockMeans).
        let rowStride = array.ndim == 2 ? array.strides[0] : 0, columnStride = array.strides[array.ndim - 1]
        let base = array.offset
        return render(rows: shape[0], columns: shape[1], style: style, maxRows: maxRows,
                      label: shapeString(array.shape) + " " + array.dtype.name, aggregation: aggregation,
                      element: { r, c in array.scalar(atStorageOffset: base + r * rowStride + c * columnStride).doubleValue },
                      feed: { _ in })
    }

    /// Draws `values` (row-major `rows × columns`; extra values are ignored). `label` starts
    /// the header (the shape by default). NaN cells show as `??`; infinities take the ends of
    /// the scale, which is set by the finite values.
    public static func render(values: [Double], rows: Int, columns: Int, style: TerminalStyle,
                              maxRows: Int = 32, label: String? = nil) -> String {
        let (count, overflow) = max(rows, 0).multipliedReportingOverflow(by: max(columns, 0))
        if !overflow && count > 0 && count > values.count {
            return (label ?? shapeString([rows, columns])) + ", but only \(values.count) values were given"
        }
        return render(rows: rows, columns: columns, style: style, maxRows: maxRows, label: label) { visit in
            for v in values { visit(v) }
        }
    }

    /// The drawing itself, reading the values once through `feed` (row-major order).
    static func render(rows: Int, columns: Int, style: TerminalStyle, maxRows: Int, label: String?,
                       aggregation requested: BlockAggregation? = nil, element: ((Int, Int) -> Double)? = nil,
                       feed: ((Double) -> Void) -> Void) -> String {
        let r = max(rows, 0), c = max(columns, 0)
        let header = label ?? shapeString([r, c])
        let (count, overflow) = r.multipliedReportingOverflow(by: c)
        if overflow { return header + ", too large to draw" }
        if count == 0 { return header + ", empty" }

        // Shrink to fit: two columns per cell inside a one-column frame on each side.
        let maxColumns = max(1, (style.columns - 2) / 2)
        let rowLimit = min(max(maxRows, 1), 1000)
        let rowFactor = (r - 1) / rowLimit + 1
        let columnFactor = (c - 1) / maxColumns + 1
        let summary = element.map { BlockMeans(rows: r, columns: c, rowFactor: rowFactor, columnFactor: columnFactor, element: $0) }
            ?? BlockMeans(rows: r, columns: c, rowFactor: rowFactor, columnFactor: columnFactor, feed: feed)
        guard let rawLo = summary.lo, let rawHi = summary.hi else {
            return header + ", no finite values"
        }
        let shrunk = rowFactor > 1 || columnFactor > 1
        let aggregation = requested ?? (rawLo < 0 && rawHi > 0 ? .extreme : .mean)
        let grid = shrunk ? summary.grid(aggregation) : summary.grid
        // The scale spans what is drawn: the raw range, or the range of the cells' standard deviations.
        var lo = rawLo, hi = rawHi
        if shrunk && aggregation == .std {
            let finite = grid.values.filter(\.isFinite)
            lo = finite.min() ?? 0
            hi = finite.max() ?? 0
        }
        let signed = lo < 0 && hi > 0
        let bound = max(abs(lo), abs(hi))

        /// Where `v` sits on the scale: -1…1 for signed data, 0…1 otherwise (infinities clamp).
        func position(_ v: Double) -> Double {
            if signed { return min(max(v / bound, -1), 1) }
            return hi > lo ? min(max((v - lo) / (hi - lo), 0), 1) : 0.5
        }

        var lines: [String] = []
        // A huge array was read at evenly spaced points: the range and the cells are the sample's.
        let sampled = summary.sample.map { " (sampled: \($0.rows)×\($0.columns) values per block)" } ?? ""
        var first = header + "  min " + ViewText.short(rawLo) + "  max " + ViewText.short(rawHi) + sampled
        if summary.nonFinite > 0 { first += "  (\(summary.nonFinite) not finite)" }
        lines.append(first)
        if shrunk {
            // Broken after the colon when the terminal is too narrow for one line.
            let how = "shown as \(grid.rows)×\(grid.columns), one cell per \(rowFactor)×\(columnFactor) block:"
            if how.count + 1 + aggregation.phrase.count <= style.columns {
                lines.append(how + " " + aggregation.phrase)
            } else {
                lines += [how, "  " + aggregation.phrase]
            }
        }

        let frame = style.unicode ? (h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘") : (h: "-", v: "|", tl: "+", tr: "+", bl: "+", br: "+")
        let rule = String(repeating: frame.h, count: grid.columns * 2)
        lines.append(frame.tl + rule + frame.tr)
        for row in 0..<grid.rows {
            var line = frame.v
            var current = ""
            for col in 0..<grid.columns {
                let v = grid[row, col]
                if style.colour {
                    if v.isNaN {
                        if !current.isEmpty { line += ANSI.reset; current = "" }
                        line += "??"
                        continue
                    }
                    let bg = ANSI.background(colourOf(position(v), signed: signed), trueColour: style.trueColour)
                    if bg != current { line += bg; current = bg }
                    line += "  "
                } else {
                    line += v.isNaN ? "??" : cellText(position(v), signed: signed, unicode: style.unicode)
                }
            }
            if !current.isEmpty { line += ANSI.reset }
            lines.append(line + frame.v)
        }
        lines.append(frame.bl + rule + frame.br)
        lines.append(legend(signed: signed, lo: lo, hi: hi, bound: bound, style: style))
        return lines.joined(separator: "\n")
    }

    static func colourOf(_ t: Double, signed: Bool) -> RGB {
        signed ? RGB.interpolate(RGB.diverging, (t + 1) / 2) : RGB.interpolate(RGB.sequential, t)
    }

    /// The two characters of a cell without colour.
    static func cellText(_ t: Double, signed: Bool, unicode: Bool) -> String {
        if signed {
            let ramp = unicode ? magnitudeUnicode : magnitudeASCII
            let level = clampedInt((abs(t) * Double(ramp.count - 1)).rounded(), 0, ramp.count - 1)
            if level == 0 { return "  " }
            return (t < 0 ? "-" : "+") + String(ramp[level])
        }
        let ramp = unicode ? sequentialUnicode : sequentialASCII
        let ch = ramp[clampedInt((t * Double(ramp.count - 1)).rounded(), 0, ramp.count - 1)]
        return String([ch, ch])
    }

    /// The scale: coloured swatches, or the characters, between the values they stand for.
    static func legend(signed: Bool, lo: Double, hi: Double, bound: Double, style: TerminalStyle) -> String {
        let low = signed ? -bound : lo, high = signed ? bound : hi
        var swatches = ""
        if style.colour {
            let steps = 16
            for k in 0..<steps {
                let f = Double(k) / Double(steps - 1)
                let t = signed ? f * 2 - 1 : f
                swatches += ANSI.background(colourOf(t, signed: signed), trueColour: style.trueColour) + " "
            }
            swatches += ANSI.reset
        } else if signed {
            let ramp = style.unicode ? magnitudeUnicode : magnitudeASCII
            let negative = ramp.dropFirst().reversed().map { "-" + String($0) }
            let positive = ramp.dropFirst().map { "+" + String($0) }
            swatches = (negative + ["  "] + positive).joined(separator: " ")
        } else {
            swatches = String(style.unicode ? sequentialUnicode : sequentialASCII)
        }
        let scale = "scale " + ViewText.short(low) + " [" + swatches + "] " + ViewText.short(high)
        return signed ? scale + ", 0 in the middle" : scale
    }
}
