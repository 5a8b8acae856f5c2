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
        self.init(rows: rows, columns: columns, rowFactor: rowFactor, columnFactor: columnFactor, positions: nil, feed: feed)
    }

    /// `positions`: the rows and columns the stream's values come from (a sampled grid);
    /// nil: every row and column in order.
    private init(rows: Int, columns: Int, rowFactor: Int, columnFactor: Int, positions: ([Int], [Int])?,
                 feed: ((Double) -> Void) -> Void) {
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
        let rowOf = positions?.0, columnOf = positions?.1
        let streamRows = rowOf?.count ?? r, streamColumns = columnOf?.count ?? c
        feed { v in
            guard row < streamRows, streamColumns > 0 else { return }
            let cell = ((rowOf?[row] ?? row) / fr) * outColumns + (columnOf?[column] ?? column) / fc
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
            if column == streamColumns { column = 0; row += 1 }
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

    /// At most this many rows (and as many columns) of a block are read when a block is
    /// larger: an array of any size is drawn in bounded time and memory.
    static let samplesPerBlockSide = 32

    /// The rows (or columns) of `n` read for blocks of `factor`: all of them when a block is at
    /// most `samplesPerBlockSide` wide, else that many evenly spaced ones in each block.
    static func sampledPositions(_ n: Int, factor: Int) -> [Int] {
        let k = samplesPerBlockSide
        if factor <= k { return Array(0..<n) }
        var out: [Int] = []
        var start = 0
        while start < n {
            let len = min(factor, n - start)
            if len <= k {
                out += start..<(start + len)
            } else {
                for j in 0..<k { out.append(start + (j * (len - 1)) / (k - 1)) }
            }
            start += factor
        }
        return out
    }

    /// Per block side, how many rows and columns were read (nil: every element was read).
    private(set) var sample: (rows: Int, columns: Int)? = nil

    /// The same summaries from random access to the elements: a block larger than
    /// `samplesPerBlockSide`² is summarised from an evenly spaced grid of its elements, so a
    /// 10⁸-element array costs what a small one does. Otherwise every element is read, and
    /// the result equals the streaming init's.
    init(rows: Int, columns: Int, rowFactor: Int, columnFactor: Int, element: (Int, Int) -> Double) {
        let fr = max(1, rowFactor), fc = max(1, columnFactor)
        let rowsRead = BlockMeans.sampledPositions(max(rows, 0), factor: fr)
        let columnsRead = BlockMeans.sampledPositions(max(columns, 0), factor: fc)
        // Feed the sampled elements as if they were a (rowsRead × columnsRead) array whose
        // blocks are the sampled parts of the real blocks.
        let k = BlockMeans.samplesPerBlockSide
        self.init(rows: rows, columns: columns, rowFactor: fr, columnFactor: fc, positions: (rowsRead, columnsRead)) { visit in
            for r in rowsRead { for c in columnsRead { visit(element(r, c)) } }
        }
        if fr > k || fc > k { sample = (min(fr, k), min(fc, k)) }
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
