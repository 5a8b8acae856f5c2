/// The escape sequences the views write. Every use is behind `TerminalStyle.colour`, so plain
/// output never contains an escape byte.
enum ANSI {
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"

    /// One of the 16 basic colours (30–37 foreground), which every terminal theme keeps legible.
    enum Basic: Int, Sendable {
        case red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36
    }

    static func foreground(_ c: Basic) -> String { "\u{1B}[\(c.rawValue)m" }

    /// `text` in colour `c` (and bold), followed by a reset; `text` unchanged when `enabled` is off.
    static func paint(_ text: String, _ c: Basic?, bold: Bool = false, enabled: Bool) -> String {
        guard enabled, c != nil || bold else { return text }
        var open = bold ? ANSI.bold : ""
        if let c { open += foreground(c) }
        return open + text + reset
    }

    /// Foreground set to an RGB colour: exact with 24-bit colour, else the nearest of the
    /// 256-colour palette.
    static func foreground(_ c: RGB, trueColour: Bool) -> String {
        trueColour ? "\u{1B}[38;2;\(c.r);\(c.g);\(c.b)m" : "\u{1B}[38;5;\(c.palette256)m"
    }

    static func background(_ c: RGB, trueColour: Bool) -> String {
        trueColour ? "\u{1B}[48;2;\(c.r);\(c.g);\(c.b)m" : "\u{1B}[48;5;\(c.palette256)m"
    }
}

/// A 24-bit colour.
struct RGB: Equatable, Sendable {
    var r: Int
    var g: Int
    var b: Int

    init(_ r: Int, _ g: Int, _ b: Int) {
        self.r = min(max(r, 0), 255)
        self.g = min(max(g, 0), 255)
        self.b = min(max(b, 0), 255)
    }

    /// A grey of lightness `t` in [0, 1] (NaN is black).
    static func grey(_ t: Double) -> RGB {
        let v = unitToByte(t)
        return RGB(v, v, v)
    }

    /// The nearest entry of xterm's 256-colour palette among the 6×6×6 cube (16–231) and the
    /// 24-step grey ramp (232–255); the first 16 are skipped because themes redefine them.
    /// (The cube's corners are exact black 16 and white 231.)
    var palette256: Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeIndex(_ v: Int) -> Int { v < 48 ? 0 : (v < 115 ? 1 : (v - 35) / 40) }
        let ci = (cubeIndex(r), cubeIndex(g), cubeIndex(b))
        let cube = RGB(levels[ci.0], levels[ci.1], levels[ci.2])
        // Only a near-grey colour may become a grey: a muted colour mapped to the grey ramp
        // would lose its hue (viridis' purples turned into greys).
        let chroma = max(r, g, b) - min(r, g, b)
        if chroma > 24 { return 16 + 36 * ci.0 + 6 * ci.1 + ci.2 }
        let average = (r + g + b) / 3
        let greyIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let greyValue = 8 + 10 * greyIndex
        let grey = RGB(greyValue, greyValue, greyValue)
        if distance(to: grey) < distance(to: cube) { return 232 + greyIndex }
        return 16 + 36 * ci.0 + 6 * ci.1 + ci.2
    }

    private func distance(to o: RGB) -> Int {
        (r - o.r) * (r - o.r) + (g - o.g) * (g - o.g) + (b - o.b) * (b - o.b)
    }

    /// The colour `t` (clamped to [0, 1]) of the way along a piecewise-linear scale.
    static func interpolate(_ stops: [RGB], _ t: Double) -> RGB {
        guard let first = stops.first, let last = stops.last else { return RGB(0, 0, 0) }
        if !(t > 0) { return first }
        if t >= 1 { return last }
        let position = t * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        let f = position - Double(i)
        let a = stops[i], b = stops[i + 1]
        func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * f).rounded()) }
        return RGB(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b))
    }

    /// Sequential scale for data of one sign (viridis' stops): dark purple → yellow.
    static let sequential = [RGB(68, 1, 84), RGB(59, 82, 139), RGB(33, 145, 140), RGB(94, 201, 98), RGB(253, 231, 37)]
    /// Diverging scale for signed data (ColorBrewer RdBu): blue < 0 < red, near-white at 0.
    static let diverging = [RGB(33, 102, 172), RGB(146, 197, 222), RGB(247, 247, 247), RGB(244, 165, 130), RGB(178, 24, 43)]
}

/// `t` in [0, 1] as a byte 0…255; NaN is 0.
func unitToByte(_ t: Double) -> Int { clampedInt((t * 255).rounded(), 0, 255) }

/// `x` converted to an Int in `lo…hi` without trapping: NaN gives `lo`, infinities the bounds.
func clampedInt(_ x: Double, _ lo: Int, _ hi: Int) -> Int {
    if x.isNaN { return lo }
    if x <= Double(lo) { return lo }
    if x >= Double(hi) { return hi }
    return Int(x)
}
