import Tensor

/// A grey image with values in [0, 1] (an MNIST digit: 0 is background, 1 is ink) drawn in
/// the terminal, so a learner sees the input the network sees.
///
/// Terminal cells are about twice as tall as they are wide, so each mode keeps pixels square:
/// - colour: upper half blocks `▀` whose foreground is the upper pixel and background the lower
///   one — two pixel rows per text row, one column per pixel, a grey ramp in 256 or 24-bit colour;
/// - unicode without colour: the shade ramp ` ░▒▓█`, one text row per pixel row, two columns
///   per pixel;
/// - plain: the ASCII ramp ` .:-=+*#%@`, laid out like the shade ramp.
/// Images wider than the terminal (or taller than `maxLines`) are shrunk by averaging square
/// blocks of pixels, which keeps them square.
public enum DigitView {
    /// The ASCII ramp, from background to ink.
    public static let asciiRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    /// The Unicode shade ramp, from background to ink.
    public static let shadeRamp: [Character] = [" ", "░", "▒", "▓", "█"]

    /// Draws `pixels` (row-major, `height × width`, values clamped to [0, 1], NaN as 0).
    /// Images wider than `style.width` or taller than `maxLines` text rows are shrunk.
    public static func render(pixels: [Double], height: Int, width: Int, style: TerminalStyle,
                              maxLines: Int = 48) throws(TensorError) -> String {
        guard height >= 0, width >= 0, height.multipliedReportingOverflow(by: width) == (pixels.count, false) else {
            throw TensorError("cannot draw \(pixels.count) pixels as an image of shape \(shapeString([height, width]))")
        }
        return draw(height: height, width: width, style: style, maxLines: maxLines) { visit in
            for p in pixels { visit(p) }
        }
    }

    /// Draws an image array: shape `(h, w)`, or `(n,)` with `n` a perfect square (a flattened
    /// MNIST row of 784 is 28×28). Float arrays are read as [0, 1]; `uint8` arrays as 0…255.
    public static func render(_ image: NDArray, style: TerminalStyle, maxLines: Int = 48) throws(TensorError) -> String {
        let (h, w) = try imageShape(image.shape)
        let scale = image.dtype == .uint8 ? 1.0 / 255.0 : 1.0
        // Random access, so a huge image is sampled per block (bounded time; see BlockMeans).
        let rowStride = image.ndim == 2 ? image.strides[0] : image.strides[0] * w, columnStride = image.strides[image.ndim - 1]
        let base = image.offset
        return draw(height: h, width: w, style: style, maxLines: maxLines,
                    element: { r, c in image.scalar(atStorageOffset: base + r * rowStride + c * columnStride).doubleValue * scale },
                    feed: { _ in })
    }

    /// Shrinks by the smallest integer factor that fits, then draws in the style's mode.
    static func draw(height: Int, width: Int, style: TerminalStyle, maxLines: Int,
                     element: ((Int, Int) -> Double)? = nil, feed: ((Double) -> Void) -> Void) -> String {
        if height == 0 || width == 0 { return "" }
        let factor = shrinkFactor(height: height, width: width, style: style, maxLines: maxLines)
        let image = (element.map { BlockMeans(rows: height, columns: width, rowFactor: factor, columnFactor: factor, element: $0) }
            ?? BlockMeans(rows: height, columns: width, rowFactor: factor, columnFactor: factor, feed: feed)).grid
        if style.colour {
            return halfBlocks(image, trueColour: style.trueColour)
        }
        let ramp = style.unicode ? shadeRamp : asciiRamp
        var out: [String] = []
        out.reserveCapacity(image.rows)
        for r in 0..<image.rows {
            var line = ""
            for c in 0..<image.columns {
                let v = unit(image[r, c])
                let ch = ramp[clampedInt((v * Double(ramp.count - 1)).rounded(), 0, ramp.count - 1)]
                line.append(ch)
                line.append(ch)
            }
            out.append(ViewText.stripTrailingSpaces(line))
        }
        return out.joined(separator: "\n")
    }

    /// The smallest integer factor that fits an image in `style.width` columns and `maxLines`
    /// text rows.
    static func shrinkFactor(height: Int, width: Int, style: TerminalStyle, maxLines: Int) -> Int {
        let columnsPerPixel = style.colour ? 1 : 2
        let pixelRowsPerLine = style.colour ? 2 : 1
        let lines = min(max(maxLines, 1), 1000)
        let byWidth = (max(width, 1) - 1) / (style.columns / columnsPerPixel) + 1
        let byHeight = (max(height, 1) - 1) / (lines * pixelRowsPerLine) + 1
        return max(byWidth, byHeight)
    }

    /// Columns the drawing of an image of `shape` takes (blank columns included, which plain
    /// lines drop at their ends), so views placed beside it line up whatever the image holds.
    public static func textWidth(of shape: [Int], style: TerminalStyle, maxLines: Int = 48) throws(TensorError) -> Int {
        let (h, w) = try imageShape(shape)
        let factor = shrinkFactor(height: h, width: w, style: style, maxLines: maxLines)
        return (w == 0 ? 0 : (w - 1) / factor + 1) * (style.colour ? 1 : 2)
    }

    /// `(h, w)` for a 2-d shape or a square 1-d one.
    static func imageShape(_ shape: [Int]) throws(TensorError) -> (Int, Int) {
        if shape.count == 2 { return (shape[0], shape[1]) }
        if shape.count == 1 {
            let n = shape[0]
            let side = clampedInt(Double(n).squareRoot().rounded(), 0, Int(Int32.max))
            if side.multipliedReportingOverflow(by: side) == (n, false) { return (side, side) }
        }
        throw TensorError("cannot draw an array of shape \(shapeString(shape)) as an image",
                          explanation: "an image is (height, width), or (n,) with n a square such as 784 = 28·28")
    }

    /// Two pixel rows per text row: `▀` painted with the upper pixel as foreground and the
    /// lower as background. Escapes are written only when a colour changes; each line ends
    /// with a reset so nothing leaks into the next.
    static func halfBlocks(_ image: Grid, trueColour: Bool) -> String {
        var lines: [String] = []
        var r = 0
        while r < image.rows {
            var line = ""
            var currentForeground = ""
            var currentBackground = ""
            for c in 0..<image.columns {
                let fg = ANSI.foreground(RGB.grey(unit(image[r, c])), trueColour: trueColour)
                if fg != currentForeground { line += fg; currentForeground = fg }
                if r + 1 < image.rows {
                    let bg = ANSI.background(RGB.grey(unit(image[r + 1, c])), trueColour: trueColour)
                    if bg != currentBackground { line += bg; currentBackground = bg }
                }
                // An odd last row keeps the terminal's own background under its lower half.
                line += "▀"
            }
            lines.append(line + ANSI.reset)
            r += 2
        }
        return lines.joined(separator: "\n")
    }

    /// A pixel value clamped to [0, 1]; NaN is background.
    static func unit(_ v: Double) -> Double { v.isNaN ? 0 : min(max(v, 0), 1) }
}
