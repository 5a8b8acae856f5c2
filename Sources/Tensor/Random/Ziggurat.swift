import Foundation

/// numpy's ziggurat samplers (`random_standard_normal`, `random_standard_exponential` and their
/// float32 forms), the ones `Generator` uses.
///
/// The density is covered by 256 horizontal strips of equal area. One 64-bit draw gives a strip
/// index (8 bits), for the normal a sign bit, and a 52-bit position (`rabs`); the candidate is
/// `rabs * w[idx]`. If `rabs < k[idx]` the point lies in the strip's rectangle part and is
/// returned at once (~99% of draws). Otherwise: in the base strip (idx 0) a tail value is made
/// from two more uniforms (Marsaglia's tail method, with `1 - U` so the log is finite); in
/// the others a uniform height is drawn and compared against the density. The float32 forms
/// use one 32-bit draw (8-bit index, sign, 23-bit position) and float tables.
extension BitGenerator {
    public mutating func standardNormal() -> Double {
        while true {
            var r = nextUInt64()
            let idx = Int(r & 0xFF)
            r >>= 8
            let sign = r & 1
            let rabs = (r >> 1) & 0x000F_FFFF_FFFF_FFFF
            var x = Double(rabs) * ZigguratTables.wiDouble[idx]
            if sign & 1 != 0 { x = -x }
            if rabs < ZigguratTables.kiDouble[idx] { return x }
            if idx == 0 {
                while true {
                    let xx = -ZigguratTables.zigguratNorInvR * Foundation.log1p(-nextDouble())
                    let yy = -Foundation.log1p(-nextDouble())
                    if yy + yy > xx * xx {
                        return (rabs >> 8) & 1 != 0 ? -(ZigguratTables.zigguratNorR + xx) : ZigguratTables.zigguratNorR + xx
                    }
                }
            } else {
                let f = ZigguratTables.fiDouble
                if (f[idx - 1] - f[idx]) * nextDouble() + f[idx] < Foundation.exp(-0.5 * x * x) { return x }
            }
        }
    }

    public mutating func standardNormalFloat() -> Float {
        while true {
            let r = nextUInt32()
            let idx = Int(r & 0xFF)
            let sign = (r >> 8) & 1
            let rabs = (r >> 9) & 0x007F_FFFF
            var x = Float(rabs) * ZigguratTables.wiFloat[idx]
            if sign & 1 != 0 { x = -x }
            if rabs < ZigguratTables.kiFloat[idx] { return x }
            if idx == 0 {
                while true {
                    let xx: Float = -ZigguratTables.zigguratNorInvRF * Foundation.log1p(-nextFloat())
                    let yy: Float = -Foundation.log1p(-nextFloat())
                    if yy + yy > xx * xx {
                        return (rabs >> 8) & 1 != 0 ? -(ZigguratTables.zigguratNorRF + xx) : ZigguratTables.zigguratNorRF + xx
                    }
                }
            } else {
                let f = ZigguratTables.fiFloat
                let height: Float = (f[idx - 1] - f[idx]) * nextFloat() + f[idx]
                // numpy's C evaluates the density in double: -0.5 is a double constant.
                if Double(height) < Foundation.exp(-0.5 * Double(x) * Double(x)) { return x }
            }
        }
    }

    public mutating func standardExponential() -> Double {
        while true {
            var ri = nextUInt64()
            ri >>= 3
            let idx = Int(ri & 0xFF)
            ri >>= 8
            let x = Double(ri) * ZigguratTables.weDouble[idx]
            if ri < ZigguratTables.keDouble[idx] { return x }
            if idx == 0 { return ZigguratTables.zigguratExpR - Foundation.log1p(-nextDouble()) }
            let f = ZigguratTables.feDouble
            if (f[idx - 1] - f[idx]) * nextDouble() + f[idx] < Foundation.exp(-x) { return x }
        }
    }

    public mutating func standardExponentialFloat() -> Float {
        while true {
            var ri = nextUInt32()
            ri >>= 1
            let idx = Int(ri & 0xFF)
            ri >>= 8
            let x = Float(ri) * ZigguratTables.weFloat[idx]
            if ri < ZigguratTables.keFloat[idx] { return x }
            if idx == 0 { return ZigguratTables.zigguratExpRF - Foundation.log1p(-nextFloat()) }
            let f = ZigguratTables.feFloat
            let height: Float = (f[idx - 1] - f[idx]) * nextFloat() + f[idx]
            if height < Foundation.exp(-x) { return x }
        }
    }
}
