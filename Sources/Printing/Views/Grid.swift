/// A row-major 2-d grid of doubles: what the image and heatmap views draw.
struct Grid: Sendable {
    var values: [Double]
    let rows: Int
    let columns: Int

    subscript(r: Int, c: Int) -> Double { values[r * columns + c] }
}

/// Block means of a row-major `rows × columns` stream, and the range of its finite values,
/// gathered in one pass — so a (60000, 784) array is summarised without first being copied
/// into a second array of its size. A block holding a NaN is NaN (missing data stays visible);
/// one holding both infinities is NaN too.
struct BlockMeans {
    private(set) var grid: Grid
    /// The smallest and largest finite values; nil when there are none.
    private(set) var lo: Double? = nil
    private(set) var hi: Double? = nil
    /// How many values were NaN or infinite.
    private(set) var nonFinite = 0

    /// `feed` calls its argument once per value in row-major order; extra values are ignored.
    init(rows: Int, columns: Int, rowFactor: Int, columnFactor: Int, feed: ((Double) -> Void) -> Void) {
        let fr = max(1, rowFactor), fc = max(1, columnFactor)
        let r = max(rows, 0), c = max(columns, 0)
        let outRows = r == 0 ? 0 : (r - 1) / fr + 1
        let outColumns = c == 0 ? 0 : (c - 1) / fc + 1
        var sums = [Double](repeating: 0, count: outRows * outColumns)
        var counts = [Int](repeating: 0, count: outRows * outColumns)
        var row = 0, column = 0
        var lo = Double.infinity, hi = -Double.infinity, nonFinite = 0
        feed { v in
            guard row < r, c > 0 else { return }
            let cell = (row / fr) * outColumns + column / fc
            sums[cell] += v
            counts[cell] += 1
            if v.isFinite {
                if v < lo { lo = v }
                if v > hi { hi = v }
            } else {
                nonFinite += 1
            }
            column += 1
            if column == c { column = 0; row += 1 }
        }
        let means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : Double.nan }
        grid = Grid(values: means, rows: outRows, columns: outColumns)
        if lo <= hi { self.lo = lo; self.hi = hi }
        self.nonFinite = nonFinite
    }
}
