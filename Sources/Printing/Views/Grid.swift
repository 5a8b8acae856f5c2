/// A row-major 2-d grid of doubles: what the image and heatmap views draw.
struct Grid: Sendable {
    var values: [Double]
    let rows: Int
    let columns: Int

    subscript(r: Int, c: Int) -> Double { values[r * columns + c] }
}

/// How a block of elements becomes one cell when an array is shrunk to fit the terminal.
public enum BlockAggregation: String, Sendable, CaseIterable {
    /// The mean: right for images and one-signed data (a dark digit stroke stays dark).
    case mean
    /// The element of largest magnitude, sign kept: right for weights and activations, whose
    /// positive and negative values cancel in a mean and leave a blank picture.
    case extreme
    /// The standard deviation: where the block varies, whatever its level.
    case std

    /// The phrase for the header (`one cell per 4×16 block: its mean`).
    var phrase: String {
        switch self {
        case .mean: return "its mean"
        case .extreme: return "its largest |value| (sign kept)"
        case .std: return "its standard deviation"
        }
    }
}

/// Block summaries (mean, signed extreme, standard deviation) of a row-major `rows × columns`
/// stream, and the range of its finite values, gathered in one pass — so a (60000, 784) array is
/// summarised without first being copied into a second array of its size. A block holding a NaN
/// is NaN (missing data stays visible); one holding both infinities is NaN too.
struct BlockMeans {
    private(set) var grid: Grid
    /// The smallest and largest finite values; nil when there are none.
    private(set) var lo: Double? = nil
    private(set) var hi: Double? = nil
    /// How many values were NaN or infinite.
    private(set) var nonFinite = 0
    private var sums: [Double] = []
    private var squares: [Double] = []
    private var extremes: [Double] = []
    private var counts: [Int] = []

    /// `feed` calls its argument once per value in row-major order; extra values are ignored.
    init(rows: Int, columns: Int, rowFactor: Int, columnFactor: Int, feed: ((Double) -> Void) -> Void) {
        let fr = max(1, rowFactor), fc = max(1, columnFactor)
        let r = max(rows, 0), c = max(columns, 0)
        let outRows = r == 0 ? 0 : (r - 1) / fr + 1
        let outColumns = c == 0 ? 0 : (c - 1) / fc + 1
        var sums = [Double](repeating: 0, count: outRows * outColumns)
        var squares = [Double](repeating: 0, count: outRows * outColumns)
        var extremes = [Double](repeating: 0, count: outRows * outColumns)
        var counts = [Int](repeating: 0, count: outRows * outColumns)
        var row = 0, column = 0
        var lo = Double.infinity, hi = -Double.infinity, nonFinite = 0
        feed { v in
            guard row < r, c > 0 else { return }
            let cell = (row / fr) * outColumns + column / fc
            sums[cell] += v
            squares[cell] += v * v
            if counts[cell] == 0 || abs(v) > abs(extremes[cell]) || v.isNaN { extremes[cell] = v }
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
        self.sums = sums
        self.squares = squares
        self.extremes = extremes
        self.counts = counts
    }

    /// The grid summarised the way `aggregation` says (`grid` is the means).
    func grid(_ aggregation: BlockAggregation) -> Grid {
        switch aggregation {
        case .mean:
            return grid
        case .extreme:
            return Grid(values: zip(extremes, counts).map { $1 > 0 ? $0 : Double.nan }, rows: grid.rows, columns: grid.columns)
        case .std:
            let values = (0..<counts.count).map { k -> Double in
                guard counts[k] > 0 else { return .nan }
                let n = Double(counts[k]), mean = sums[k] / n
                return (max(squares[k] / n - mean * mean, 0)).squareRoot()
            }
            return Grid(values: values, rows: grid.rows, columns: grid.columns)
        }
    }
}
