/// A Python literal as the shell parses it: a scalar or a (possibly nested) list. It becomes an
/// array through `NDArray(literal:dtype:)`, which follows `np.array(...)`.
public indirect enum NestedLiteral: Sendable, Equatable {
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case list([NestedLiteral])
}

/// numpy's `NPY_MAXDIMS`: literals nested deeper than this are refused, as numpy refuses them.
let maxDimensions = Limits.maxDimensions

extension NDArray {
    /// `np.array(literal, dtype=)`.
    /// - Shape: numpy's discovery (`PyArray_DiscoverDTypeAndShape`): the first list seen at each
    ///   depth fixes that dimension; a list of another length, or a scalar where a list was seen
    ///   (or the reverse), makes the literal ragged, which numpy refuses with
    ///   `setting an array element with a sequence. The requested array has an inhomogeneous
    ///   shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.`
    /// - dtype when not given: bool if every element is a bool, int64 if any is an int and none
    ///   a float, float64 if any is a float; an empty list is float64.
    /// - With `dtype`, each element is stored as numpy stores a Python scalar: ints must fit
    ///   (`Python integer 256 out of bounds for uint8`), floats going to an integer dtype are
    ///   truncated (`cannot convert float NaN to integer`).
    public init(literal: NestedLiteral, dtype: DType? = nil) throws(TensorError) {
        var discovery = ShapeDiscovery()
        let ndim = discovery.visit(literal, depth: 0, maxDims: maxDimensions)
        if discovery.ragged {
            if ndim == maxDimensions {
                throw TensorError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of \(maxDimensions).", kind: .valueError)
            }
            let shape = Array(discovery.shape.prefix(ndim))
            throw TensorError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(ndim) dimensions. The detected shape was \(pythonTupleString(shape)) + inhomogeneous part.",
                              explanation: "every list at the same depth must have the same length, and lists and numbers cannot be mixed at one depth", kind: .valueError)
        }
        let shape = Array(discovery.shape.prefix(ndim))
        let dt = dtype ?? discovery.inferredDType
        let out = try NDArray(zeros: shape, dtype: dt)
        var index = 0
        try NDArray.store(literal, into: out, at: &index)
        self = out
    }

    private static func store(_ node: NestedLiteral, into out: NDArray, at index: inout Int) throws(TensorError) {
        let value: ElementValue
        switch node {
        case .list(let items):
            for item in items { try store(item, into: out, at: &index) }
            return
        case .bool(let b): value = .bool(b)
        case .int(let i): value = .int(i)
        case .float(let d): value = .float(d)
        }
        let stored = try storePythonScalar(value.forStorage(in: out.dtype), as: out.dtype)
        storeElement(stored, dtype: out.dtype, into: out.storage.pointer, at: index)
        index += 1
    }
}

/// A transcription of numpy's `update_shape` / `PyArray_DiscoverDTypeAndShape_Recursive`, so
/// ragged literals are detected at the same depth numpy reports.
private struct ShapeDiscovery {
    var shape = [Int](repeating: 0, count: maxDimensions)
    var maxDimsReached = false
    var ragged = false
    var kind = -1   // -1 nothing seen, 0 bool, 1 int, 2 float

    var inferredDType: DType {
        switch kind {
        case 0: return .bool
        case 1: return .int64
        default: return .float64
        }
    }

    /// Returns false when the array is ragged at this point.
    mutating func updateShape(_ curr: Int, _ maxDims: inout Int, _ newShape: [Int], sequence: Bool) -> Bool {
        var success = true
        var newNdim = newShape.count
        let reached = maxDimsReached
        if curr + newNdim > maxDims {
            success = false
            newNdim = maxDims - curr
        } else if !sequence && maxDims != curr + newNdim {
            maxDims = curr + newNdim
            if reached { success = false }
        }
        var i = 0
        while i < newNdim {
            let currDim = shape[curr + i]
            let newDim = newShape[i]
            if !reached {
                shape[curr + i] = newDim
            } else if newDim != currDim {
                success = false
                if !sequence { maxDims -= newNdim - i } else { maxDims = curr }
                break
            }
            i += 1
        }
        if !sequence { maxDimsReached = true }
        return success
    }

    mutating func visit(_ node: NestedLiteral, depth: Int, maxDims: Int) -> Int {
        var maxDims = maxDims
        guard case .list(let items) = node, depth != maxDims else {
            // A scalar (or a list found where only scalars fit).
            if updateShape(depth, &maxDims, [], sequence: false) {
                switch node {
                case .bool: kind = Swift.max(kind, 0)
                case .int: kind = Swift.max(kind, 1)
                case .float: kind = 2
                case .list: break
                }
            } else {
                ragged = true
            }
            if case .list = node { ragged = true }
            return maxDims
        }
        if !updateShape(depth, &maxDims, [items.count], sequence: true) {
            ragged = true
            return maxDims
        }
        if items.isEmpty {
            maxDimsReached = true
            return depth + 1
        }
        for item in items {
            maxDims = visit(item, depth: depth + 1, maxDims: maxDims)
        }
        return maxDims
    }
}
