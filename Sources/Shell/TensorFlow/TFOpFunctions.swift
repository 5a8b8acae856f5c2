import Tensor
import Graph

/// The `tf` and `tf.nn` functions of the generic kernel ops (Graph's `GraphKernel` files):
/// embedding_lookup, the `*_like` fills, identity, tile, where, sequence_mask, the `to_*`
/// casts, reduce_prod, size, rank, add_n, pad, slice, boolean_mask, placeholder_with_default,
/// squared_difference, log_softmax, sigmoid_cross_entropy_with_logits, bias_add, xw_plus_b,
/// top_k, l2_normalize and moments. Each binds TF1's parameters by position or keyword;
/// integer arguments TF would also take as tensors (tile's multiples, slice's begin) must be
/// Python ints here, and a tensor there is refused by name rather than guessed.
enum TFOpFunctions {
    static let names: Set<String> = [
        "embedding_lookup", "zeros_like", "ones_like", "identity", "tile", "where", "sequence_mask", "to_float", "to_int32",
        "to_int64", "to_double", "reduce_prod", "size", "rank", "add_n", "pad", "slice", "boolean_mask", "placeholder_with_default",
        "squared_difference", "log_softmax", "sigmoid_cross_entropy_with_logits", "bias_add", "xw_plus_b", "top_k", "l2_normalize",
        "moments",
    ]

    static func tensorValue(_ t: GraphTensor) -> Value { .object(TFTensor(tensor: t)) }

    /// A Python value stays a value (TF converts it inside the op's scope); a tensor is a tensor.
    static func operand(_ v: Value, _ g: Graph, _ a: TFArguments, dtype: DType? = nil) throws(ShellError) -> GraphOperand {
        if case .object(let o as TFTensor) = v {
            guard o.tensor.graph === g else {
                throw a.error("Tensor \(o.tensor.name) must be from the same graph as the others", .valueError)
            }
            return .tensor(o.tensor)
        }
        return .value(try TFArguments.array(v, span: a.span, dtype: dtype))
    }

    /// Ints TF would also take as a tensor: a tensor (or a list holding one) is refused by name.
    static func ints(_ a: TFArguments, _ position: Int, _ name: String, _ function: String) throws(ShellError) -> [Int] {
        let v = try a.required(position, name)
        let items = v.sequenceItems ?? [v]
        if items.contains(where: { if case .object(is TFTensor) = $0 { return true } else { return false } }) {
            throw a.error("rnnsh's tensorflow has no tf.\(function) with a tensor \(name) (yet): give Python ints", .notImplementedError)
        }
        return try TFArguments.ints(v, a.span)
    }

    static func call(_ name: String, _ a: TFArguments, evaluator ev: Evaluator) throws -> Value? {
        guard names.contains(name) else { return nil }
        let g = ev.interpreter.tensorflow.graph
        switch name {
        case "embedding_lookup":
            try a.only(["params", "ids", "partition_strategy", "name", "validate_indices", "max_norm"], positionalMax: 6)
            try a.refuse([(5, "max_norm")], in: "tf.nn.embedding_lookup")
            var p = try a.required(0, "params")
            // TF takes a list of sharded tables; one table in a list is the table.
            if let items = p.sequenceItems {
                guard items.count == 1, let only = items.first else {
                    throw a.error(items.isEmpty ? "Need at least one param" : "rnnsh's tensorflow has no tf.nn.embedding_lookup of a sharded (partitioned) table (yet): give one tensor", items.isEmpty ? .valueError : .notImplementedError)
                }
                p = only
            }
            let params = try TFArguments.tensor(p, graph: g, span: a.span)
            let ids = try operand(try a.required(1, "ids"), g, a)
            return tensorValue(try g.embeddingLookup(params, ids, name: a.string(3, "name")))
        case "zeros_like", "ones_like":
            try a.only(["tensor", "dtype", "name", "optimize"], positionalMax: 4)
            let x = try a.tensor(0, "tensor", graph: g)
            return tensorValue(try g.fillLike(x, value: name == "zeros_like" ? 0 : 1, dtype: try a.dtype(1, "dtype"), name: a.string(2, "name")))
        case "identity":
            try a.only(["input", "name"], positionalMax: 2)
            return tensorValue(try g.identity(try a.tensor(0, "input", graph: g), name: a.string(1, "name")))
        case "tile":
            try a.only(["input", "multiples", "name"], positionalMax: 3)
            let x = try a.tensor(0, "input", graph: g)
            return tensorValue(try g.tile(x, multiples: try ints(a, 1, "multiples", "tile"), name: a.string(2, "name")))
        case "where":
            try a.only(["condition", "x", "y", "name"], positionalMax: 4)
            let c = try a.required(0, "condition")
            let x = a.value(1, "x"), y = a.value(2, "y")
            switch (x, y) {
            case (nil, nil): return tensorValue(try g.whereTrue(try TFArguments.tensor(c, graph: g, span: a.span), name: a.string(3, "name")))
            case (let x?, let y?):
                return tensorValue(try g.select(try operand(c, g, a), try operand(x, g, a), try operand(y, g, a), name: a.string(3, "name")))
            default: throw a.error("x and y must both be non-None or both be None.", .valueError)
            }
        case "sequence_mask":
            try a.only(["lengths", "maxlen", "dtype", "name"], positionalMax: 4)
            let lengths = try operand(try a.required(0, "lengths"), g, a)
            var maxlen: Int? = nil
            if let m = a.value(1, "maxlen") {
                if case .object(is TFTensor) = m {
                    throw a.error("rnnsh's tensorflow has no tf.sequence_mask with a tensor maxlen (yet): give a Python int", .notImplementedError)
                }
                maxlen = try TFArguments.int(m, a.span)
            }
            // Lengths given as Python values: TF folds max(lengths) into a constant, so the
            // mask's width is known while building (`sequence_mask([1, 2])` is (2, 2)).
            if maxlen == nil, case .value(let v) = lengths {
                let longest = (try v.doubleValues().max() ?? 0).rounded(.up)
                if longest.isFinite && longest <= Double(Int32.max) { maxlen = max(0, Int(longest)) }
            }
            return tensorValue(try g.sequenceMask(lengths, maxlen: maxlen, dtype: try a.dtype(2, "dtype") ?? .bool, name: a.string(3, "name")))
        case "to_float", "to_int32", "to_int64", "to_double":
            try a.only(["x", "name"], positionalMax: 2)
            let target: DType = ["to_float": .float32, "to_int32": .int32, "to_int64": .int64][name] ?? .float64
            let x = try a.tensor(0, "x", graph: g)
            // TF's cast returns a tensor of the dtype asked for as it is.
            if x.dtype == target { return tensorValue(x) }
            let fallback = ["to_float": "ToFloat", "to_int32": "ToInt32", "to_int64": "ToInt64"][name] ?? "ToDouble"
            return tensorValue(try g.cast(x, target, name: a.string(1, "name") ?? fallback))
        case "reduce_prod":
            try a.only(["input_tensor", "axis", "keepdims", "name", "reduction_indices", "keep_dims"], positionalMax: 6)
            let axisValue = a.value(1, "axis") ?? a.value(4, "reduction_indices")
            let axes = try axisValue.map { (v) throws(ShellError) -> [Int] in try TFArguments.ints(v, a.span) }
            let keep = a.bool(2, "keepdims") ?? a.bool(5, "keep_dims") ?? false
            return tensorValue(try g.reduceProd(try a.tensor(0, "input_tensor", graph: g), axes: axes, keepdims: keep, name: a.string(3, "name")))
        case "size":
            try a.only(["input", "name", "out_type"], positionalMax: 3)
            if let d = try a.dtype(2, "out_type"), d != .int32 { throw a.error("rnnsh's tensorflow has no tf.size(out_type=\(d.name)) (yet): int32", .notImplementedError) }
            return tensorValue(try g.size(of: try a.tensor(0, "input", graph: g), name: a.string(1, "name")))
        case "rank":
            try a.only(["input", "name"], positionalMax: 2)
            return tensorValue(try g.rank(of: try a.tensor(0, "input", graph: g), name: a.string(1, "name")))
        case "add_n":
            try a.only(["inputs", "name"], positionalMax: 2)
            let v = try a.required(0, "inputs")
            guard v.sequenceItems != nil else {
                throw a.error("Inputs must be an iterable of at least one Tensor/IndexedSlices with the same dtype and shape.", .valueError)
            }
            return tensorValue(try g.addN(try TFArguments.tensors(v, graph: g, span: a.span), name: a.string(1, "name")))
        case "pad":
            try a.only(["tensor", "paddings", "mode", "name", "constant_values"], positionalMax: 5)
            let x = try a.tensor(0, "tensor", graph: g)
            let mode = (a.string(2, "mode") ?? "CONSTANT").uppercased()
            guard mode == "CONSTANT" else {
                throw a.error(["REFLECT", "SYMMETRIC"].contains(mode) ? "rnnsh's tensorflow has no tf.pad(mode='\(mode)') (yet)" : "Unknown padding mode: \(a.string(2, "mode") ?? mode)",
                              ["REFLECT", "SYMMETRIC"].contains(mode) ? .notImplementedError : .valueError)
            }
            let pv = try a.required(1, "paddings")
            if case .object(is TFTensor) = pv { throw a.error("rnnsh's tensorflow has no tf.pad with tensor paddings (yet): give a list of [before, after] pairs", .notImplementedError) }
            let rows = try (pv.sequenceItems ?? []).map { (r: Value) throws(ShellError) -> [Int] in try TFArguments.ints(r, a.span) }
            guard pv.sequenceItems != nil else { throw a.error("paddings must be a list of [before, after] pairs", .valueError) }
            return tensorValue(try g.pad(x, paddings: rows, value: Double(try a.float(4, "constant_values") ?? 0), name: a.string(3, "name")))
        case "slice":
            try a.only(["input_", "begin", "size", "name"], positionalMax: 4)
            let x = try a.tensor(0, "input_", graph: g)
            return tensorValue(try g.slice(x, begin: try ints(a, 1, "begin", "slice"), size: try ints(a, 2, "size", "slice"), name: a.string(3, "name")))
        case "boolean_mask":
            try a.only(["tensor", "mask", "name", "axis"], positionalMax: 4)
            let x = try a.tensor(0, "tensor", graph: g)
            let mask = try operand(try a.required(1, "mask"), g, a, dtype: nil)
            return tensorValue(try g.booleanMask(x, mask, axis: try a.int(3, "axis") ?? 0, name: a.string(2, "name")))
        case "placeholder_with_default":
            try a.only(["input", "shape", "name"], positionalMax: 3)
            let input = try operand(try a.required(0, "input"), g, a)
            guard a.given(1, "shape") != nil else { throw a.error("placeholder_with_default() missing required argument: 'shape'", .typeError) }
            return tensorValue(try g.placeholderWithDefault(input, shape: try a.staticShape(1, "shape"), name: a.string(2, "name")))
        case "squared_difference":
            try a.only(["x", "y", "name"], positionalMax: 3)
            let x = try operand(try a.required(0, "x"), g, a), y = try operand(try a.required(1, "y"), g, a)
            if case .value = x, case .value = y { throw a.error("rnnsh's tensorflow has no tf.squared_difference of two Python values (yet)", .notImplementedError) }
            return tensorValue(try g.squaredDifference(x, y, name: a.string(2, "name")))
        case "log_softmax":
            try a.only(["logits", "axis", "name", "dim"], positionalMax: 4)
            let x = try a.tensor(0, "logits", graph: g)
            let axis = try a.int(1, "axis") ?? a.int(3, "dim") ?? -1
            return tensorValue(try g.softmax(x, axis: axis, log: true, name: a.string(2, "name")))
        case "sigmoid_cross_entropy_with_logits":
            // TF 2's tf.compat.v1 signature (labels=None, logits=None, name=None).
            try a.only(["labels", "logits", "name", "_sentinel"], positionalMax: 3)
            guard let lv = a.value(0, "labels"), let xv = a.value(1, "logits") else {
                throw a.error("Both labels and logits must be provided.", .valueError)
            }
            let logits = try TFArguments.tensor(xv, graph: g, span: a.span)
            return tensorValue(try g.sigmoidCrossEntropy(labels: try operand(lv, g, a, dtype: logits.dtype), logits: logits, name: a.string(2, "name")))
        case "bias_add":
            try a.only(["value", "bias", "data_format", "name"], positionalMax: 4)
            if let f = a.string(2, "data_format"), f != "NHWC" { throw a.error("rnnsh's tensorflow has no tf.nn.bias_add(data_format='\(f)') (yet)", .notImplementedError) }
            let x = try a.tensor(0, "value", graph: g)
            return tensorValue(try g.biasAdd(x, try operand(try a.required(1, "bias"), g, a, dtype: x.dtype), name: a.string(3, "name")))
        case "xw_plus_b":
            try a.only(["x", "weights", "biases", "name"], positionalMax: 4)
            return tensorValue(try g.xwPlusB(try a.tensor(0, "x", graph: g), try a.tensor(1, "weights", graph: g), try a.tensor(2, "biases", graph: g),
                                             name: a.string(3, "name")))
        case "top_k":
            try a.only(["input", "k", "sorted", "name"], positionalMax: 4)
            let x = try a.tensor(0, "input", graph: g)
            if let kv = a.value(1, "k"), case .object(is TFTensor) = kv {
                throw a.error("rnnsh's tensorflow has no tf.nn.top_k with a tensor k (yet): give a Python int", .notImplementedError)
            }
            let (values, indices) = try g.topK(x, k: try a.int(1, "k") ?? 1, name: a.string(3, "name"))
            return .object(TFNamedTuple(typeName: "TopKV2", fields: ["values", "indices"], parts: [tensorValue(values), tensorValue(indices)]))
        case "l2_normalize":
            try a.only(["x", "axis", "epsilon", "name", "dim"], positionalMax: 5)
            let x = try a.tensor(0, "x", graph: g)
            let axisValue = a.value(1, "axis") ?? a.value(4, "dim")
            let axes = try axisValue.map { (v) throws(ShellError) -> [Int] in try TFArguments.ints(v, a.span) }
            return tensorValue(try g.l2Normalize(x, axes: axes, epsilon: Double(try a.float(2, "epsilon") ?? 1e-12), name: a.string(3, "name")))
        case "moments":
            try a.only(["x", "axes", "shift", "name", "keep_dims", "keepdims"], positionalMax: 5)
            try a.refuse([(2, "shift")], in: "tf.nn.moments")
            let x = try a.tensor(0, "x", graph: g)
            let axes = try ints(a, 1, "axes", "nn.moments")
            let keep = a.bool(4, "keep_dims") ?? a.bool(nil, "keepdims") ?? false
            let (mean, variance) = try g.moments(x, axes: axes, keepdims: keep, name: a.string(3, "name"))
            return .tuple([tensorValue(mean), tensorValue(variance)])
        default:
            return nil
        }
    }
}

/// A namedtuple TF returns (`tf.nn.top_k`'s `TopKV2(values=…, indices=…)`): unpacks, indexes
/// and names its fields as Python's namedtuple does.
struct TFNamedTuple: ShellObject, ReprObject {
    let typeName: String
    let fields: [String]
    let parts: [Value]
    var kind: String { typeName }
    var summary: String { reprText }
    var detail: String { reprText }
    var reprText: String {
        typeName + "(" + zip(fields, parts).map { "\($0)=\(ValueFormatter.repr($1))" }.joined(separator: ", ") + ")"
    }
    func attribute(_ name: String) -> Value? { fields.firstIndex(of: name).map { parts[$0] } }
    var attributeNames: [String] { fields }
    func item(_ key: Value) throws(ShellError) -> Value? {
        let i = try ArgumentBinder.integer(key, nil)
        let j = i < 0 ? i + parts.count : i
        guard j >= 0 && j < parts.count else { throw ShellError("tuple index out of range", kind: .indexError) }
        return parts[j]
    }
    var iterationItems: [Value]? { parts }
}
