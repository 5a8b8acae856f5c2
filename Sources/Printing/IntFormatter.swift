/// numpy's `IntegerFormat`: plain decimals right-aligned to the widest displayed element, where
/// the sign counts towards the width (docs/printing.md §3.1). Under `sign='+'` every value
/// carries a sign; under `sign=' '` non-negative values get a space, unless some value is
/// negative (then it behaves like `'-'`). Values are `Int128` so uint64 and int64 both fit.
struct IntFormatter: Sendable {
    let width: Int
    let sign: PrintOptions.Sign

    init(displayed values: [Int128], sign: PrintOptions.Sign = PrintOptions.current.sign) {
        guard let lo = values.min(), let hi = values.max() else {
            width = 0
            self.sign = sign
            return
        }
        var s = sign
        if s == .space && lo < 0 { s = .minus }
        var maxLength = String(hi).utf8.count
        if hi >= 0 && s != .minus { maxLength += 1 }
        width = max(maxLength, String(lo).utf8.count)
        self.sign = s
    }

    func string(_ x: Int128) -> String {
        var text = String(x)
        if x >= 0 {
            if sign == .plus { text = "+" + text } else if sign == .space { text = " " + text }
        }
        return leftPadded(text, to: width)
    }
}
