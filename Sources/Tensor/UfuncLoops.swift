/// The loops behind numpy's elementwise functions (`np.log`, `np.maximum`, …), written once and
/// independent of the dtype list: an operand is read out as `[Double]`, `[Float]` or `[Int64]`
/// (through `astype`, so every dtype — including ones added later — converts by numpy's casting
/// rules), the function runs on plain Swift arrays, and the result is built back into an array
/// of the dtype numpy's ufunc loop gives.
///
/// Why this shape: numpy picks a *loop* by the input dtype (its `types` table), computes in that
/// loop's type and returns that type. The three loop types that matter here are float64
/// (`d->d`), float32 (`f->f`; float16 also computes in float32 and rounds at the end) and the
/// integer loops, whose wrapping results are the low bits of the int64 result.
extension NDArray {
    /// Refuses, with numpy's MemoryError, reading out a view that describes more elements
    /// than its storage holds (a broadcast: `np.broadcast_to(x, (2**40, 3))` stores 3 values
    /// and describes 3·2^40) when the copy in `dtype` would not fit in the budget: `y.mean()`,
    /// `y.tolist()`, `np.allclose(y, 1)` of such a view asked the allocator for 26 TB and the
    /// process aborted. Arrays that hold their elements are read as before.
    func checkReadOut(as dtype: DType) throws(TensorError) {
        let (bytes, o) = size.multipliedReportingOverflow(by: self.dtype.itemSize)
        if o || bytes > storage.byteCount { try Limits.checkAllocation(shape, dtype) }
    }

    /// The elements in C order as `Double` (numpy's unsafe cast for non-float dtypes).
    public func doubleValues() throws(TensorError) -> [Double] {
        try checkReadOut(as: .float64)
        if let v = elements(as: Double.self) { return v }
        return try astype(.float64).elements(as: Double.self) ?? []
    }

    /// The elements in C order as `Float`.
    public func floatValues() throws(TensorError) -> [Float] {
        try checkReadOut(as: .float32)
        if let v = elements(as: Float.self) { return v }
        return try astype(.float32).elements(as: Float.self) ?? []
    }

    /// The elements in C order as `Int64` (floats truncate, bools are 0/1).
    public func int64Values() throws(TensorError) -> [Int64] {
        try checkReadOut(as: .int64)
        if let v = elements(as: Int64.self) { return v }
        return try astype(.int64).elements(as: Int64.self) ?? []
    }

    /// The elements in C order as `Bool` (`x != 0`, NaN is true).
    public func boolValues() throws(TensorError) -> [Bool] {
        try checkReadOut(as: .bool)
        return try astype(.bool).elements(as: UInt8.self, reinterpretingBool: true).map { $0 != 0 }
    }

    /// Reads bool storage as bytes (a stored byte other than 0/1 is still true).
    func elements(as _: UInt8.Type, reinterpretingBool: Bool) -> [UInt8] {
        let p = storage.pointer.assumingMemoryBound(to: UInt8.self)
        var out: [UInt8] = []
        out.reserveCapacity(size)
        forEachOffset { out.append(p[$0]) }
        return out
    }

    /// A new array of `dtype` from float64 values: exact for float64, numpy's cast otherwise.
    public static func fromDoubles(_ values: [Double], shape: [Int], dtype: DType = .float64) throws(TensorError) -> NDArray {
        let a = try NDArray(values, shape: shape)
        return dtype == .float64 ? a : try a.astype(dtype)
    }

    /// A new array of `dtype` from float32 values.
    public static func fromFloats(_ values: [Float], shape: [Int], dtype: DType = .float32) throws(TensorError) -> NDArray {
        let a = try NDArray(values, shape: shape)
        return dtype == .float32 ? a : try a.astype(dtype)
    }

    /// A new array of `dtype` from int64 values (narrower integer dtypes keep the low bits).
    public static func fromInt64s(_ values: [Int64], shape: [Int], dtype: DType = .int64) throws(TensorError) -> NDArray {
        let a = try NDArray(values, shape: shape)
        return dtype == .int64 ? a : try a.astype(dtype)
    }

    public static func fromBools(_ values: [Bool], shape: [Int]) throws(TensorError) -> NDArray {
        try NDArray(values, shape: shape)
    }

    /// numpy's float loop for a unary function of an input of `dtype`: floats keep their
    /// type; bool and 1-byte integers use float16, 2-byte integers float32, wider ones float64
    /// (numpy's "smallest float that holds every value" rule for its `e/f/d` loops).
    public static func floatLoopType(for dtype: DType, function: String) throws(TensorError) -> DType {
        if dtype.isFloat { return dtype }
        switch dtype.itemSize {
        case 1:
            if let half = DType(numpyName: "float16") { return half }
            throw TensorError("\(function) of a \(dtype.name) array gives float16 in numpy, a dtype rnnsh does not support",
                              explanation: "convert first, e.g. x.astype(float32)")
        case 2: return .float32
        default: return .float64
        }
    }

    /// Applies a float function elementwise in numpy's loop type for this array.
    public func mapFloat(_ name: String, _ f64: (Double) -> Double, _ f32: (Float) -> Float) throws(TensorError) -> NDArray {
        let loop = try NDArray.floatLoopType(for: dtype, function: name)
        return try NDArray.mapFloat(self, loop: loop, f64, f32)
    }

    /// The same with the loop type given.
    static func mapFloat(_ x: NDArray, loop: DType, _ f64: (Double) -> Double, _ f32: (Float) -> Float) throws(TensorError) -> NDArray {
        if loop == .float64 {
            return try fromDoubles(try x.doubleValues().map(f64), shape: x.shape)
        }
        return try fromFloats(try x.floatValues().map(f32), shape: x.shape, dtype: loop)
    }

    /// A float predicate (`isnan`) giving a bool array; integers and bools give its value at 0…
    /// through `intResult`.
    public func mapPredicate(_ f64: (Double) -> Bool, _ f32: (Float) -> Bool, integer: Bool) throws(TensorError) -> NDArray {
        if dtype == .float64 { return try NDArray.fromBools(try doubleValues().map(f64), shape: shape) }
        if dtype.isFloat { return try NDArray.fromBools(try floatValues().map(f32), shape: shape) }
        return try NDArray.fromBools([Bool](repeating: integer, count: size), shape: shape)
    }

    /// Broadcasts two operands (numpy's error on mismatch) and returns them as arrays of
    /// `dtype` with the common shape.
    public static func broadcastPair(_ a: Operand, _ b: Operand, as dtype: DType) throws(TensorError) -> (NDArray, NDArray, [Int]) {
        let x = try a.materialized(as: dtype), y = try b.materialized(as: dtype)
        let shape = try broadcastShapes([x.shape, y.shape])
        return (x.broadcastView(to: shape), y.broadcastView(to: shape), shape)
    }

    /// A binary function in the loop type `dtype`: float64 in `Double`, other floats in
    /// `Float`, integers in `Int64` (results keep the low bits), bool through `boolean`
    /// (or as integers 0/1 when nil).
    @inline(__always)
    public static func mapBinary(_ a: Operand, _ b: Operand, dtype: DType,
                                 _ f64: (Double, Double) -> Double, _ f32: (Float, Float) -> Float,
                                 int: ((Int64, Int64) throws(TensorError) -> Int64)?,
                                 bool: ((Bool, Bool) -> Bool)? = nil) throws(TensorError) -> NDArray {
        let (x, y, shape) = try broadcastPair(a, b, as: dtype)
        // Floats run the typed loop straight on the operands (inlined, so `f64`/`f32` are
        // inlined into it when the caller passes closure literals).
        if dtype == .float64 {
            let out = try NDArray(uninitialized: shape, dtype: dtype)
            run(out, x, y, Double.self, Double.self, f64)
            return out
        }
        if dtype == .float32 {
            let out = try NDArray(uninitialized: shape, dtype: dtype)
            run(out, x, y, Float.self, Float.self, f32)
            return out
        }
        if dtype.isFloat {
            return try fromFloats(zip(try x.floatValues(), try y.floatValues()).map { f32($0, $1) }, shape: shape, dtype: dtype)
        }
        if dtype == .bool, let bool {
            return try fromBools(zip(try x.boolValues(), try y.boolValues()).map { bool($0, $1) }, shape: shape)
        }
        guard let int else {
            throw TensorError("ufunc did not contain a loop for \(dtype.name)", kind: .ufuncTypeError)
        }
        let xs = try x.int64Values(), ys = try y.int64Values()
        var out: [Int64] = []
        out.reserveCapacity(xs.count)
        for i in 0..<xs.count { out.append(try int(xs[i], ys[i])) }
        return try fromInt64s(out, shape: shape, dtype: dtype)
    }

    /// A 0-d array's value as Double, for arguments numpy reads as one number.
    public var firstDouble: Double? { (try? doubleValues())?.first }
}
