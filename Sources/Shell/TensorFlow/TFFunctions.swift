import Foundation
import Tensor
import Graph
import RNN
import Data

/// The functions of the `tensorflow` modules: each binds TF1's parameters (by position or
/// keyword, with the old signatures the tutorials use told apart by argument types) and builds
/// ops in the shell's default graph. Nothing is computed here; sessions compute.
enum TFFunctions {
    static func tensorValue(_ t: GraphTensor) -> Value { .object(TFTensor(tensor: t)) }
    static func list(_ ts: [GraphTensor]) -> Value { .list(ts.map(tensorValue)) }

    static func call(_ name: String, _ a: TFArguments, evaluator ev: Evaluator) throws -> Value {
        let state = ev.interpreter.tensorflow
        let g = state.graph
        let opName = a.string(nil, "name")
        switch name {
        // MARK: inputs, variables, constants
        case "placeholder":
            try a.only(["dtype", "shape", "name"], positionalMax: 3)
            let d = try a.dtype(0, "dtype") ?? { throw a.error("placeholder() missing required argument: 'dtype'", .typeError) }()
            return tensorValue(g.placeholder(dtype: d, shape: try a.staticShape(1, "shape"), name: opName ?? a.string(2, "name")))
        case "Variable":
            try a.only(["initial_value", "trainable", "name", "dtype", "validate_shape", "collections"], positionalMax: 3)
            let v = try a.required(0, "initial_value")
            let trainable = a.bool(1, "trainable") ?? true
            if case .object(let o as TFTensor) = v {
                return tensorValue(try g.variable(o.tensor, name: opName, trainable: trainable))
            }
            return tensorValue(try g.variable(value: try TFArguments.array(v, span: a.span, dtype: try a.dtype(nil, "dtype")), name: opName, trainable: trainable))
        case "random_normal", "truncated_normal", "random_uniform":
            try a.only(["shape", "mean", "stddev", "minval", "maxval", "dtype", "seed", "name"], positionalMax: 6)
            let shape = try a.ints(0, "shape") ?? []
            let kind: RandomKind = name == "random_normal" ? .normal : name == "truncated_normal" ? .truncatedNormal : .uniform
            let p1 = kind == .uniform ? try a.float(1, "minval") ?? 0 : try a.float(1, "mean") ?? 0
            let p2 = kind == .uniform ? try a.float(2, "maxval") ?? 1 : try a.float(2, "stddev") ?? 1
            if a.has(4, "seed") { throw a.error("rnnsh's tensorflow has no op-level seed= (yet): use tf.set_random_seed", .notImplementedError) }
            return tensorValue(try g.random(kind, shape: shape, a: p1, b: p2, dtype: try a.dtype(3, "dtype") ?? .float32, name: opName))
        case "zeros", "ones":
            try a.only(["shape", "dtype", "name"], positionalMax: 3)
            let shape = try a.ints(0, "shape") ?? []
            let d = try a.dtype(1, "dtype") ?? .float32
            let v = name == "zeros" ? try NDArray.zeros(shape, dtype: d) : try NDArray.ones(shape, dtype: d)
            return tensorValue(g.constant(v, name: opName, fallback: name))
        case "constant":
            try a.only(["value", "dtype", "shape", "name"], positionalMax: 4)
            var v = try TFArguments.array(try a.required(0, "value"), span: a.span, dtype: try a.dtype(1, "dtype"))
            if let shape = try a.ints(2, "shape") {
                v = v.size == 1 ? try NDArray.add(.array(v), .array(try NDArray.zeros(shape, dtype: v.dtype))) : try v.reshape(shape)
            }
            return tensorValue(g.constant(v, name: opName))
        case "set_random_seed":
            let s = try a.int(0, "seed") ?? 0
            g.seed = UInt64(bitPattern: Int64(s))
            return .none

        // MARK: shape ops
        case "transpose":
            try a.only(["a", "perm", "name", "conjugate"], positionalMax: 3)
            return tensorValue(try g.transpose(try a.tensor(0, "a", graph: g), try a.ints(1, "perm"), name: opName))
        case "reshape":
            try a.only(["tensor", "shape", "name"], positionalMax: 3)
            guard let shape = try a.ints(1, "shape") else { throw a.error("reshape() missing required argument: 'shape'", .typeError) }
            return tensorValue(try g.reshape(try a.tensor(0, "tensor", graph: g), shape, name: opName))
        case "split":
            // TF ≤ 0.12: split(split_dim, num_split, value); TF 1: split(value, num_or_size_splits, axis=0).
            if case .int? = a.positional.first, a.positional.count >= 3 || a.has(nil, "value") {
                let axis = try TFArguments.int(a.positional[0], a.span)
                let n = try a.int(1, "num_split") ?? 1
                return list(try g.split(try a.tensor(2, "value", graph: g), count: n, axis: axis, name: opName))
            }
            try a.only(["value", "num_or_size_splits", "axis", "num", "name"], positionalMax: 5)
            let x = try a.tensor(0, "value", graph: g)
            let sizes = try a.required(1, "num_or_size_splits")
            guard case .int(let n) = sizes else {
                // A list of sizes is TF's SplitV (`tf.split(x, [2, 3], 1)`).
                if case .object(is TFTensor) = sizes {
                    throw a.error("rnnsh's tensorflow has no tf.split with a tensor of sizes (yet): give the sizes as a list of ints", .notImplementedError)
                }
                return list(try g.split(x, sizes: try TFArguments.ints(sizes, a.span), axis: try a.int(2, "axis") ?? 0, name: opName ?? a.string(4, "name")))
            }
            return list(try g.split(x, count: n, axis: try a.int(2, "axis") ?? 0, name: opName))
        case "unstack", "unpack":
            try a.only(["value", "num", "axis", "name"], positionalMax: 4)
            return list(try g.unstack(try a.tensor(0, "value", graph: g), count: try a.int(1, "num"), axis: try a.int(2, "axis") ?? 0, name: opName))
        case "stack", "pack":
            try a.only(["values", "axis", "name"], positionalMax: 3)
            return tensorValue(try g.stack(try TFArguments.tensors(try a.required(0, "values"), graph: g, span: a.span),
                                           axis: try a.int(1, "axis") ?? 0, name: opName))
        case "reverse", "reverse_v2":
            try a.only(["tensor", "axis", "name"], positionalMax: 3)
            let x = try a.tensor(0, "tensor", graph: g)
            guard let axisValue = a.value(1, "axis") else { throw a.error("\(name)() missing required argument: 'axis'", .typeError) }
            // TF 1's reverse takes a list of axes; a bare int is the old reverse's boolean mask
            // confusion, which TF's shape check refused.
            if case .int = axisValue {
                throw a.error("Shape must be rank 1 but is rank 0 for 'ReverseV2' (op: 'ReverseV2'): give a list of axes, tf.reverse(x, [\(ValueFormatter.repr(axisValue))])", .valueError)
            }
            return tensorValue(try g.reverse(x, axes: try TFArguments.ints(axisValue, a.span), name: opName))
        case "reverse_sequence":
            try a.only(["input", "seq_lengths", "seq_axis", "batch_axis", "name", "seq_dim", "batch_dim"], positionalMax: 5)
            let x = try a.tensor(0, "input", graph: g)
            let lengths = try TFArguments.tensor(try a.required(1, "seq_lengths"), graph: g, span: a.span)
            guard let seqAxis = try a.int(2, "seq_axis") ?? a.int(nil, "seq_dim") else {
                throw a.error("reverse_sequence() missing required argument: 'seq_axis'", .typeError)
            }
            let batchAxis = try a.int(3, "batch_axis") ?? a.int(nil, "batch_dim") ?? 0
            return tensorValue(try g.reverseSequence(x, lengths: lengths, seqAxis: seqAxis, batchAxis: batchAxis, name: opName ?? a.string(4, "name")))
        case "gather":
            try a.only(["params", "indices", "validate_indices", "name", "axis", "batch_dims"], positionalMax: 5)
            if let b = try a.int(nil, "batch_dims"), b != 0 { throw a.error("rnnsh's tensorflow has no tf.gather(batch_dims=) (yet)", .notImplementedError) }
            let params = try a.tensor(0, "params", graph: g)
            let indices = try TFArguments.tensor(try a.required(1, "indices"), graph: g, span: a.span)
            return tensorValue(try g.gather(params, indices, axis: try a.int(4, "axis") ?? 0, name: opName ?? a.string(3, "name")))
        case "shape":
            try a.only(["input", "name", "out_type"], positionalMax: 3)
            if let d = try a.dtype(2, "out_type"), d != .int32 { throw a.error("rnnsh's tensorflow has no tf.shape(out_type=\(d.name)) (yet): int32", .notImplementedError) }
            return tensorValue(try g.shape(of: try a.tensor(0, "input", graph: g), name: opName ?? a.string(1, "name")))
        case "range":
            // range(limit) or range(start, limit, delta=1), as Python's range.
            try a.only(["start", "limit", "delta", "dtype", "name"], positionalMax: 5)
            if a.has(3, "dtype") { throw a.error("rnnsh's tensorflow has no tf.range(dtype=) (yet): the bounds' own type", .notImplementedError) }
            let first = try TFArguments.operand(try a.required(0, "start"), graph: g, span: a.span)
            let limitArg = try a.value(1, "limit").map { (v) throws(ShellError) -> GraphOperand in try TFArguments.operand(v, graph: g, span: a.span) }
            let delta = try a.value(2, "delta").map { (v) throws(ShellError) -> GraphOperand in try TFArguments.operand(v, graph: g, span: a.span) }
            let start: GraphOperand = limitArg == nil ? .value(NDArray(scalar: Int32(0))) : first
            return tensorValue(try g.range(start: start, limit: limitArg ?? first, delta: delta ?? .value(NDArray(scalar: Int32(1))),
                                           name: opName ?? a.string(4, "name")))
        case "concat":
            // TF ≤ 0.12: concat(concat_dim, values); TF 1: concat(values, axis).
            if case .int(let axis)? = a.positional.first, a.positional.count >= 2 {
                return tensorValue(try g.concat(try TFArguments.tensors(a.positional[1], graph: g, span: a.span), axis: axis, name: opName))
            }
            try a.only(["values", "axis", "name"], positionalMax: 3)
            guard let axis = try a.int(1, "axis") else { throw a.error("concat() missing required argument: 'axis'", .typeError) }
            return tensorValue(try g.concat(try TFArguments.tensors(try a.required(0, "values"), graph: g, span: a.span), axis: axis, name: opName))

        // MARK: math
        case "matmul":
            try a.only(["a", "b", "transpose_a", "transpose_b", "name"], positionalMax: 4)
            return tensorValue(try g.matmul(try a.tensor(0, "a", graph: g), try a.tensor(1, "b", graph: g),
                                            transposeA: a.bool(2, "transpose_a") ?? false, transposeB: a.bool(3, "transpose_b") ?? false,
                                            name: opName ?? a.string(4, "name")))
        case "greater", "less", "greater_equal", "less_equal":
            try a.only(["x", "y", "name"], positionalMax: 3)
            let kind: CompareKind = ["greater": .greater, "less": .less, "greater_equal": .greaterEqual][name] ?? .lessEqual
            var x = try TFArguments.operand(try a.required(0, "x"), graph: g, span: a.span)
            let y = try TFArguments.operand(try a.required(1, "y"), graph: g, span: a.span)
            if case .value = x, case .value = y { x = .tensor(g.constant(try TFArguments.array(try a.required(0, "x"), span: a.span))) }
            return tensorValue(try g.compare(kind, x, y, name: opName ?? a.string(2, "name")))
        case "sign":
            try a.only(["x", "name"], positionalMax: 2)
            return tensorValue(try g.unary(.sign, try a.tensor(0, "x", graph: g), name: opName ?? a.string(1, "name")))
        case "stop_gradient":
            try a.only(["input", "name"], positionalMax: 2)
            return tensorValue(try g.stopGradient(try a.tensor(0, "input", graph: g), name: opName ?? a.string(1, "name")))
        case "expand_dims":
            // TF1's expand_dims(input, axis=None, name=None, dim=None).
            try a.only(["input", "axis", "name", "dim"], positionalMax: 4)
            let x = try a.tensor(0, "input", graph: g)
            guard let axisValue = a.value(1, "axis") ?? a.value(3, "dim") else {
                throw a.error("Must specify an axis argument to tf.expand_dims()", .valueError)
            }
            guard case .int(let axis) = axisValue else {
                if case .float = axisValue {
                    throw a.error("Value passed to parameter 'dim' has DataType float32 not in list of allowed values: int32, int64", .typeError)
                }
                throw a.error("rnnsh's tensorflow has no tf.expand_dims with a tensor axis (yet): give an int", .notImplementedError)
            }
            return tensorValue(try g.expandDims(x, axis: axis, name: opName ?? a.string(2, "name")))
        case "squeeze":
            // TF1's squeeze(input, axis=None, name=None, squeeze_dims=None); axis an int or a list.
            try a.only(["input", "axis", "name", "squeeze_dims"], positionalMax: 4)
            let x = try a.tensor(0, "input", graph: g)
            var axes: [Int]? = nil
            if let v = a.value(1, "axis") ?? a.value(3, "squeeze_dims"), !v.isNone {
                if case .int(let i) = v { axes = [i] } else { axes = try TFArguments.ints(v, a.span) }
            }
            return tensorValue(try g.squeeze(x, axes: axes, name: opName ?? a.string(2, "name")))
        case "one_hot":
            try a.only(["indices", "depth", "on_value", "off_value", "axis", "dtype", "name"], positionalMax: 7)
            let indices = try a.tensor(0, "indices", graph: g)
            guard let depthValue = a.value(1, "depth") else { throw a.error("one_hot() missing required argument: 'depth'", .typeError) }
            guard case .int(let depth) = depthValue else {
                throw a.error("rnnsh's tensorflow has no tf.one_hot with a tensor depth (yet): give an int", .notImplementedError)
            }
            // TF's dtype: the given one, else on_value's or off_value's (a Python int is int32,
            // a float float32, unless the dtype given can hold it), else float32.
            let given = try a.dtype(5, "dtype")
            func number(_ p: Int, _ n: String) throws -> (Double, DType)? {
                guard let v = a.value(p, n), !v.isNone else { return nil }
                switch v {
                case .int(let i): return (Double(i), given.map { $0.isInteger || $0.isFloat } == true ? given ?? .int32 : .int32)
                case .float(let d): return (d, given?.isFloat == true ? given ?? .float32 : .float32)
                case .bool(let b): return (b ? 1 : 0, .bool)
                default:
                    throw a.error("rnnsh's tensorflow has no tf.one_hot(\(n)=\(ValueFormatter.repr(v))) (yet): give a Python number", .notImplementedError)
                }
            }
            let on = try number(2, "on_value"), off = try number(3, "off_value")
            func shown(_ d: DType) -> String { "<dtype: '\(d.name)'>" }
            if let d = given {
                if let o = on, o.1 != d { throw a.error("dtype \(shown(o.1)) of on_value does not match dtype parameter \(shown(d))", .typeError) }
                if let o = off, o.1 != d { throw a.error("dtype \(shown(o.1)) of off_value does not match dtype parameter \(shown(d))", .typeError) }
            }
            if let p = on, let q = off, p.1 != q.1 {
                throw a.error("dtype \(shown(p.1)) of on_value does not match dtype \(shown(q.1)) of off_value", .typeError)
            }
            let dtype = given ?? on?.1 ?? off?.1 ?? .float32
            return tensorValue(try g.oneHot(indices, depth: depth, on: on?.0 ?? 1, off: off?.0 ?? 0, axis: try a.int(4, "axis") ?? -1,
                                            dtype: dtype, name: opName ?? a.string(6, "name")))
        case "add", "subtract", "sub", "multiply", "mul", "divide", "div", "truediv":
            try a.only(["x", "y", "name"], positionalMax: 3)
            let kind: BinaryKind = ["add": .add, "subtract": .sub, "sub": .sub, "multiply": .mul, "mul": .mul][name] ?? .div
            let x = try TFArguments.operand(try a.required(0, "x"), graph: g, span: a.span)
            let y = try TFArguments.operand(try a.required(1, "y"), graph: g, span: a.span)
            // The functions are named by their op type (`Add`, `Sub`, `Mul`; TF 2.21 printed
            // `Add:0` for tf.add), where the operators are `add`, `sub`, `mul`; tf.div is `div`.
            let typed: [String: String] = ["add": "Add", "subtract": "Sub", "sub": "Sub", "multiply": "Mul", "mul": "Mul", "div": "div"]
            let named = opName ?? a.string(2, "name") ?? typed[name]
            if case .value = x, case .value = y {
                return tensorValue(try g.binary(kind, .tensor(g.constant(try TFArguments.array(try a.required(0, "x"), span: a.span))), y, name: named))
            }
            return tensorValue(try g.binary(kind, x, y, name: named))
        case "equal":
            try a.only(["x", "y", "name"], positionalMax: 3)
            var x = try TFArguments.operand(try a.required(0, "x"), graph: g, span: a.span)
            let y = try TFArguments.operand(try a.required(1, "y"), graph: g, span: a.span)
            if case .value(let v) = x, case .value = y { x = .tensor(g.constant(v)) }
            return tensorValue(try g.equal(x, y, name: opName))
        case "not_equal":
            try a.only(["x", "y", "name"], positionalMax: 3)
            var x = try TFArguments.operand(try a.required(0, "x"), graph: g, span: a.span)
            let y = try TFArguments.operand(try a.required(1, "y"), graph: g, span: a.span)
            if case .value(let v) = x, case .value = y { x = .tensor(g.constant(v)) }
            return tensorValue(try g.equal(x, y, not: true, name: opName))
        case "log", "negative", "neg":
            try a.only(["x", "name"], positionalMax: 2)
            return tensorValue(try g.unary(name == "log" ? .log : .neg, try a.tensor(0, "x", graph: g, dtype: .float32), name: opName))
        case "square", "exp", "sqrt", "abs":
            try a.only(["x", "name"], positionalMax: 2)
            guard let kind = UnaryKind(rawValue: name) else { throw a.error("rnnsh's tensorflow has no tf.\(name) (yet)", .attributeError) }
            // A Python int is int32, as TF converts it: tf.exp(1) is its TypeError, tf.square(3) an int32.
            let x = try a.tensor(0, "x", graph: g)
            return tensorValue(try g.unary(kind, x, name: opName ?? a.string(1, "name")))
        case "maximum", "minimum", "pow":
            try a.only(["x", "y", "name"], positionalMax: 3)
            let kind: BinaryKind = name == "maximum" ? .maximum : name == "minimum" ? .minimum : .pow
            var x = try TFArguments.operand(try a.required(0, "x"), graph: g, span: a.span)
            let y = try TFArguments.operand(try a.required(1, "y"), graph: g, span: a.span)
            if case .value = x, case .value = y { x = .tensor(g.constant(try TFArguments.array(try a.required(0, "x"), span: a.span))) }
            // tf.pow is named by its type, `Pow`; only the operator's op is `pow`.
            return tensorValue(try g.binary(kind, x, y, name: opName ?? a.string(2, "name") ?? (kind == .pow ? "Pow" : nil)))
        case "l2_loss":
            try a.only(["t", "name"], positionalMax: 2)
            return tensorValue(try g.l2Loss(try a.tensor(0, "t", graph: g), name: opName ?? a.string(1, "name")))
        case "relu", "tanh", "sigmoid":
            try a.only([name == "relu" ? "features" : "x", "name"], positionalMax: 2)
            guard let kind = UnaryKind(rawValue: name) else { throw a.error("rnnsh's tensorflow has no tf.\(name) (yet)", .attributeError) }
            return tensorValue(try g.unary(kind, try a.tensor(0, name == "relu" ? "features" : "x", graph: g, dtype: .float32), name: opName))
        case "in_top_k":
            try a.only(["predictions", "targets", "k", "name"], positionalMax: 4)
            guard let k = try a.int(2, "k") else { throw a.error("in_top_k() missing required argument: 'k'", .typeError) }
            let predictions = try a.tensor(0, "predictions", graph: g, dtype: .float32)
            let targets = try TFArguments.tensor(try a.required(1, "targets"), graph: g, span: a.span, dtype: .int32)
            return tensorValue(try g.inTopK(predictions: predictions, targets: targets, k: k, name: opName))
        case "dense":
            try a.only(["inputs", "units", "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer",
                        "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint", "trainable", "name",
                        "reuse"], positionalMax: 14)
            guard let units = try a.int(1, "units") else { throw a.error("dense() missing required argument: 'units'", .typeError) }
            try a.refuse([(4, "kernel_initializer"), (5, "bias_initializer"), (6, "kernel_regularizer"), (7, "bias_regularizer"),
                          (8, "activity_regularizer"), (9, "kernel_constraint"), (10, "bias_constraint")], in: "tf.layers.dense")
            if a.bool(11, "trainable") == false { throw a.error("rnnsh's tensorflow has no tf.layers.dense(trainable=False) (yet)", .notImplementedError) }
            if a.has(13, "reuse") { throw a.error("rnnsh's tensorflow has no tf.layers.dense(reuse=) (yet): build the layer once and reuse its output", .notImplementedError) }
            var activation: LayerActivation?
            if let f = a.value(2, "activation") {
                guard case .object(let fn as TFFunction) = f, let act = LayerActivation(rawValue: fn.name) else {
                    throw a.error("rnnsh's tensorflow has no tf.layers.dense(activation=\(ValueFormatter.repr(f))) (yet): tf.nn.relu, tf.tanh, tf.sigmoid or tf.nn.softmax", .notImplementedError)
                }
                activation = act
            }
            let x = try a.tensor(0, "inputs", graph: g)
            return tensorValue(try g.dense(x, units: units, activation: activation, useBias: a.bool(3, "use_bias") ?? true,
                                           name: opName ?? a.string(12, "name")))
        case "fully_connected":
            // contrib's signature; its activation defaults to relu, and `activation_fn=None` or
            // `biases_initializer=None` leave the activation or the bias out.
            try a.only(["inputs", "num_outputs", "activation_fn", "normalizer_fn", "normalizer_params", "weights_initializer",
                        "weights_regularizer", "biases_initializer", "biases_regularizer", "reuse", "variables_collections",
                        "outputs_collections", "trainable", "scope"], positionalMax: 14)
            guard let units = try a.int(1, "num_outputs") else { throw a.error("fully_connected() missing required argument: 'num_outputs'", .typeError) }
            try a.refuse([(3, "normalizer_fn"), (4, "normalizer_params"), (5, "weights_initializer"), (6, "weights_regularizer"),
                          (8, "biases_regularizer"), (10, "variables_collections"), (11, "outputs_collections")], in: "fully_connected")
            if a.bool(9, "reuse") == true { throw a.error("rnnsh's tensorflow has no fully_connected(reuse=True) (yet): build the layer once and reuse its output", .notImplementedError) }
            if a.bool(12, "trainable") == false { throw a.error("rnnsh's tensorflow has no fully_connected(trainable=False) (yet)", .notImplementedError) }
            var useBias = true
            if let bi = a.given(7, "biases_initializer") {
                guard case .none = bi else { throw a.error("rnnsh's tensorflow has no fully_connected(biases_initializer=) (yet): the default zeros, or None for no bias", .notImplementedError) }
                useBias = false
            }
            var activation: LayerActivation? = .relu
            if let f = a.given(2, "activation_fn") {
                if case .none = f {
                    activation = nil
                } else {
                    guard case .object(let fn as TFFunction) = f, let act = LayerActivation(rawValue: fn.name) else {
                        throw a.error("rnnsh's tensorflow has no fully_connected(activation_fn=\(ValueFormatter.repr(f))) (yet): tf.nn.relu, tf.tanh, tf.sigmoid, tf.nn.softmax or None", .notImplementedError)
                    }
                    activation = act
                }
            }
            let x = try a.tensor(0, "inputs", graph: g)
            return tensorValue(try g.dense(x, units: units, activation: activation, useBias: useBias, name: a.string(13, "scope"),
                                           style: .contribFullyConnected))
        case "clip_by_value":
            try a.only(["t", "clip_value_min", "clip_value_max", "name"], positionalMax: 4)
            let t = try a.tensor(0, "t", graph: g)
            let loValue = try a.required(1, "clip_value_min"), hiValue = try a.required(2, "clip_value_max")
            let scopeName = opName ?? a.string(3, "name")
            if TFOperators.isTensor(loValue) || TFOperators.isTensor(hiValue) {
                return tensorValue(try g.clip(t, min: try TFArguments.operand(loValue, graph: g, span: a.span),
                                              max: try TFArguments.operand(hiValue, graph: g, span: a.span), name: scopeName))
            }
            guard let lo = try a.float(1, "clip_value_min"), let hi = try a.float(2, "clip_value_max") else {
                throw a.error("rnnsh's tensorflow has no tf.clip_by_value with array bounds (yet): give numbers or tensors", .notImplementedError)
            }
            return tensorValue(try g.clip(t, min: lo, max: hi, name: scopeName))
        case "assign":
            try a.only(["ref", "value", "validate_shape", "use_locking", "name"], positionalMax: 5)
            let ref = try a.tensor(0, "ref", graph: g)
            return tensorValue(try g.assign(ref, try TFArguments.operand(try a.required(1, "value"), graph: g, span: a.span), name: opName))
        case "cast":
            try a.only(["x", "dtype", "name"], positionalMax: 3)
            guard let d = try a.dtype(1, "dtype") else { throw a.error("cast() missing required argument: 'dtype'", .typeError) }
            return tensorValue(try g.cast(try a.tensor(0, "x", graph: g), d, name: opName))
        case "reduce_mean", "reduce_sum", "reduce_max", "reduce_min":
            try a.only(["input_tensor", "axis", "keepdims", "keep_dims", "reduction_indices", "name"], positionalMax: 4)
            let axisValue = a.value(1, "axis") ?? a.value(nil, "reduction_indices")
            let axes = try axisValue.map { (v) throws(ShellError) -> [Int] in try TFArguments.ints(v, a.span) }
            let keep = a.bool(2, "keepdims") ?? a.bool(nil, "keep_dims") ?? false
            let kind: ReduceKind = ["reduce_mean": .mean, "reduce_sum": .sum, "reduce_max": .max][name] ?? .min
            return tensorValue(try g.reduce(kind, try a.tensor(0, "input_tensor", graph: g), axes: axes, keepdims: keep, name: opName))
        case "argmax", "arg_max":
            try a.only(["input", "axis", "name", "dimension", "output_type"], positionalMax: 3)
            let axis = try a.int(1, "axis") ?? a.int(nil, "dimension") ?? 0
            return tensorValue(try g.argmax(try a.tensor(0, "input", graph: g), axis: axis, name: opName))
        case "softmax":
            try a.only(["logits", "axis", "dim", "name"], positionalMax: 3)
            let logits = try a.tensor(0, "logits", graph: g)
            if let ax = try a.int(1, "axis") ?? a.int(nil, "dim"), ax != -1 {
                // Along another axis TF swapped it last with transposes (Graph.softmax(axis:)).
                return tensorValue(try g.softmax(logits, axis: ax, log: false, name: opName ?? a.string(2, "name")))
            }
            return tensorValue(try g.softmax(logits, name: opName ?? a.string(2, "name")))
        case "softmax_cross_entropy_with_logits", "softmax_cross_entropy_with_logits_v2":
            try a.only(["_sentinel", "labels", "logits", "dim", "axis", "name"], positionalMax: 2)
            let v2 = name.hasSuffix("_v2")
            // TF 0.x took (logits, labels) by position; v2's positional order is (labels, logits).
            let logitsPos = a.positional.count >= 2 ? (v2 ? 1 : 0) : nil
            let labelsPos = a.positional.count >= 2 ? (v2 ? 0 : 1) : nil
            let logits = try a.tensor(logitsPos, "logits", graph: g)
            let labels = try TFArguments.tensor(try a.required(labelsPos, "labels"), graph: g, span: a.span, dtype: logits.dtype)
            return tensorValue(try g.softmaxCrossEntropy(logits: logits, labels: labels, v2: v2, name: opName))

        case "sparse_softmax_cross_entropy_with_logits":
            try a.only(["_sentinel", "labels", "logits", "name"], positionalMax: 2)
            // TF 0.x took (logits, labels) by position.
            let logits = try a.tensor(a.positional.count >= 2 ? 0 : nil, "logits", graph: g)
            let labels = try TFArguments.tensor(try a.required(a.positional.count >= 2 ? 1 : nil, "labels"), graph: g, span: a.span, dtype: .int32)
            return tensorValue(try g.sparseSoftmaxCrossEntropy(logits: logits, labels: labels, name: opName))
        case "dropout":
            try a.only(["x", "keep_prob", "noise_shape", "seed", "name", "rate"], positionalMax: 5)
            if a.has(2, "noise_shape") { throw a.error("rnnsh's tensorflow has no tf.nn.dropout(noise_shape=) (yet)", .notImplementedError) }
            let x = try a.tensor(0, "x", graph: g)
            if let rate = a.value(nil, "rate") {
                guard case .float(let r) = rate else { throw a.error("rnnsh's tensorflow has no tf.nn.dropout(rate=tensor) (yet): give keep_prob", .notImplementedError) }
                return tensorValue(try g.dropout(x, keepProb: .value(NDArray(scalar: 1 - r)), name: opName))
            }
            let keep = try TFArguments.operand(try a.required(1, "keep_prob"), graph: g, span: a.span)
            return tensorValue(try g.dropout(x, keepProb: keep, name: opName))

        // MARK: cells and RNNs
        case "MultiRNNCell":
            try a.only(["cells", "state_is_tuple"], positionalMax: 2)
            if a.bool(1, "state_is_tuple") == false {
                throw a.error("rnnsh's tensorflow has no MultiRNNCell(state_is_tuple=False) (yet): use the default tuple of states", .notImplementedError)
            }
            guard let items = try a.required(0, "cells").sequenceItems, !items.isEmpty else {
                throw a.error("cells must be a list or tuple", .typeError)
            }
            var layers: [RNNLayer] = []
            for item in items {
                guard case .object(let c as TFCell) = item else { throw a.error("cells must be RNN cells such as BasicLSTMCell(128), got \(item.typeName)", .typeError) }
                guard !c.multi else { throw a.error("rnnsh's tensorflow has no MultiRNNCell inside a MultiRNNCell (yet): list all the layers in one", .notImplementedError) }
                layers.append(c.layers[0])
            }
            return .object(TFCell(layers: layers, multi: true, className: "MultiRNNCell"))
        case "DropoutWrapper":
            try a.only(["cell", "input_keep_prob", "output_keep_prob", "state_keep_prob", "variational_recurrent", "input_size", "dtype", "seed",
                        "dropout_state_filter_visitor"], positionalMax: 4)
            guard case .object(let c as TFCell)? = a.value(0, "cell") else {
                throw a.error("The parameter cell is not a RNNCell.", .typeError)
            }
            if let st = a.value(3, "state_keep_prob"), !isOne(st) {
                throw a.error("rnnsh's tensorflow has no DropoutWrapper(state_keep_prob=) (yet): dropout on the inputs and outputs only", .notImplementedError)
            }
            if a.bool(nil, "variational_recurrent") == true {
                throw a.error("rnnsh's tensorflow has no DropoutWrapper(variational_recurrent=True) (yet)", .notImplementedError)
            }
            func keep(_ p: Int, _ n: String) throws -> GraphOperand? {
                guard let v = a.value(p, n), !isOne(v) else { return nil }
                let k = try TFArguments.operand(v, graph: g, span: a.span)
                if case .value(let x) = k, let f = try x.doubleValues().first, !(f > 0 && f <= 1) {
                    throw a.error("Parameter \(n) must be between 0 and 1: \(f)")
                }
                return k
            }
            var layers = c.layers
            let inKeep = try keep(1, "input_keep_prob"), outKeep = try keep(2, "output_keep_prob")
            if let k = inKeep {
                guard layers[0].inputKeep == nil else { throw a.error("rnnsh's tensorflow has no DropoutWrapper around a DropoutWrapper (yet)", .notImplementedError) }
                layers[0].inputKeep = k
            }
            if let k = outKeep {
                guard layers[layers.count - 1].outputKeep == nil else { throw a.error("rnnsh's tensorflow has no DropoutWrapper around a DropoutWrapper (yet)", .notImplementedError) }
                layers[layers.count - 1].outputKeep = k
            }
            return .object(TFCell(layers: layers, multi: c.multi, className: c.multi ? c.className : "DropoutWrapper"))
        case "BasicLSTMCell", "BasicRNNCell", "GRUCell":
            try a.only(["num_units", "forget_bias", "state_is_tuple", "activation", "reuse", "name", "input_size"], positionalMax: 4)
            guard let units = try a.int(0, "num_units") else { throw a.error("\(name)() missing required argument: 'num_units'", .typeError) }
            if a.bool(nil, "state_is_tuple") == false {
                throw a.error("rnnsh's tensorflow has no BasicLSTMCell(state_is_tuple=False) (yet): use the default (c, h) tuple", .notImplementedError)
            }
            guard let cls = TFCellClass(rawValue: name) else { throw a.error("rnnsh's tensorflow has no \(name)", .notImplementedError) }
            // BasicRNNCell(num_units, activation=None, …): the engine's RNN cell computes
            // tanh, relu and sigmoid (Géron's multi-layer RNN passes tf.nn.relu). The other
            // cells' activation= would change their candidate's tanh; refused by name.
            var activation = CellActivation.tanh
            if let f = a.value(cls.kind.hasActivation ? 1 : nil, "activation"), !f.isNone {
                guard cls.kind.hasActivation else { throw a.error("rnnsh's tensorflow has no \(name)(activation=) (yet)", .notImplementedError) }
                guard case .object(let fn as TFFunction) = f, let act = CellActivation(rawValue: fn.name) else {
                    throw a.error("rnnsh's tensorflow has no \(name)(activation=\(ValueFormatter.repr(f))) (yet): tf.tanh, tf.nn.relu or tf.sigmoid", .notImplementedError)
                }
                activation = act
            }
            let fb = cls.kind.hasForgetBias ? try a.float(1, "forget_bias") ?? 1 : 1
            return .object(TFCell(cell: try GraphCell(cls, units: units, forgetBias: fb, activation: activation)))
        case "LSTMCell":
            // TF1's fuller LSTM. With its defaults it is BasicLSTMCell under another scope; the
            // options that change the function (peepholes, a projection, clipping, another
            // initializer or activation) are refused by name rather than ignored.
            try a.only(["num_units", "use_peepholes", "cell_clip", "initializer", "num_proj", "proj_clip", "num_unit_shards",
                        "num_proj_shards", "forget_bias", "state_is_tuple", "activation", "reuse", "name", "dtype"], positionalMax: 14)
            guard let units = try a.int(0, "num_units") else { throw a.error("LSTMCell() missing required argument: 'num_units'", .typeError) }
            if a.bool(1, "use_peepholes") == true {
                throw a.error("rnnsh's tensorflow has no LSTMCell(use_peepholes=True) (yet): the cell without peephole connections only", .notImplementedError)
            }
            try a.refuse([(2, "cell_clip"), (3, "initializer"), (4, "num_proj"), (5, "proj_clip"), (6, "num_unit_shards"),
                          (7, "num_proj_shards"), (10, "activation")], in: "LSTMCell")
            if a.bool(9, "state_is_tuple") == false {
                throw a.error("rnnsh's tensorflow has no LSTMCell(state_is_tuple=False) (yet): use the default (c, h) tuple", .notImplementedError)
            }
            return .object(TFCell(cell: try GraphCell(.lstmCell, units: units, forgetBias: try a.float(8, "forget_bias") ?? 1)))
        case "LSTMStateTuple":
            return .object(TFStateTuple(parts: [try a.required(0, "c"), try a.required(1, "h")]))
        case "rnn", "static_rnn", "dynamic_rnn":
            try a.only(["cell", "inputs", "initial_state", "dtype", "sequence_length", "scope", "time_major",
                        "parallel_iterations", "swap_memory"], positionalMax: 6)
            guard case .object(let c as TFCell)? = a.value(0, "cell") else {
                throw a.error("\(name)(): cell must be an RNN cell such as rnn_cell.BasicLSTMCell(128)", .typeError)
            }
            let lengths = try a.value(name == "dynamic_rnn" ? 2 : 4, "sequence_length").map { (v) throws(ShellError) -> GraphTensor in
                try TFArguments.tensor(v, graph: g, span: a.span)
            }
            let initial = try initialState(a.value(name == "dynamic_rnn" ? 3 : 2, "initial_state"), of: c, "initial_state", g, a)
            if initial == nil, a.value(name == "dynamic_rnn" ? 4 : 3, "dtype") == nil {
                throw a.error("If there is no initial_state, you must give a dtype.", .valueError)
            }
            let scope = a.string(nil, "scope")
            let inputs = try a.required(1, "inputs")
            let states: [[GraphTensor]], outputs: Value
            if name == "dynamic_rnn" {
                let r = try g.dynamicRNN(c.layers, multi: c.multi, try TFArguments.tensor(inputs, graph: g, span: a.span), initialState: initial,
                                         sequenceLength: lengths, timeMajor: a.bool(nil, "time_major") ?? false, scope: scope)
                outputs = tensorValue(r.outputs); states = r.state
            } else {
                let r = try g.staticRNN(c.layers, multi: c.multi, try TFArguments.tensors(inputs, graph: g, span: a.span), initialState: initial,
                                        sequenceLength: lengths, scope: scope)
                outputs = list(r.outputs); states = r.state
            }
            return .tuple([outputs, stateValue(c, states)])

        case "static_bidirectional_rnn", "bidirectional_rnn":
            try a.only(["cell_fw", "cell_bw", "inputs", "initial_state_fw", "initial_state_bw", "dtype", "sequence_length", "scope"], positionalMax: 8)
            let b = try bidirectionalArguments(a, g, initialStates: (3, 4), dtype: 5, sequenceLength: 6)
            let r = try g.staticBidirectionalRNN(forward: b.fw.layers, forwardMulti: b.fw.multi, backward: b.bw.layers, backwardMulti: b.bw.multi,
                                                 try TFArguments.tensors(try a.required(2, "inputs"), graph: g, span: a.span),
                                                 initialForward: b.initialFW, initialBackward: b.initialBW, sequenceLength: b.lengths,
                                                 scope: a.string(7, "scope"))
            return .tuple([list(r.outputs), stateValue(b.fw, r.forward), stateValue(b.bw, r.backward)])
        case "bidirectional_dynamic_rnn":
            try a.only(["cell_fw", "cell_bw", "inputs", "sequence_length", "initial_state_fw", "initial_state_bw", "dtype",
                        "parallel_iterations", "swap_memory", "time_major", "scope"], positionalMax: 11)
            let b = try bidirectionalArguments(a, g, initialStates: (4, 5), dtype: 6, sequenceLength: 3)
            let r = try g.bidirectionalDynamicRNN(forward: b.fw.layers, forwardMulti: b.fw.multi, backward: b.bw.layers, backwardMulti: b.bw.multi,
                                                  try a.tensor(2, "inputs", graph: g), sequenceLength: b.lengths,
                                                  initialForward: b.initialFW, initialBackward: b.initialBW,
                                                  timeMajor: a.bool(9, "time_major") ?? false, scope: a.string(10, "scope"))
            return .tuple([.tuple([tensorValue(r.forwardOutputs), tensorValue(r.backwardOutputs)]),
                           .tuple([stateValue(b.fw, r.forward), stateValue(b.bw, r.backward)])])

        // MARK: training and sessions
        case "AdamOptimizer":
            try a.only(["learning_rate", "beta1", "beta2", "epsilon", "use_locking", "name"], positionalMax: 6)
            let lr = try learningRate(a, g, default: 0.001)
            let c = AdamConfig(learningRate: lr.0, beta1: try a.float(1, "beta1") ?? 0.9,
                               beta2: try a.float(2, "beta2") ?? 0.999, epsilon: try a.float(3, "epsilon") ?? 1e-8)
            return .object(TFOptimizer(method: .adam(c), learningRate: lr.1))
        case "GradientDescentOptimizer":
            try a.only(["learning_rate", "use_locking", "name"], positionalMax: 3)
            guard a.has(0, "learning_rate") else { throw a.error("GradientDescentOptimizer() missing required argument: 'learning_rate'", .typeError) }
            let lr = try learningRate(a, g, default: nil)
            return .object(TFOptimizer(method: .gradientDescent(lr.0), learningRate: lr.1))
        case "MomentumOptimizer":
            try a.only(["learning_rate", "momentum", "use_locking", "name", "use_nesterov"], positionalMax: 5)
            try requiredPositional(a, "MomentumOptimizer", ["learning_rate", "momentum"])
            let lr = try learningRate(a, g, default: nil)
            let m = try a.float(1, "momentum") ?? 0
            return .object(TFOptimizer(method: .momentum(learningRate: lr.0, momentum: m, nesterov: a.bool(4, "use_nesterov") ?? false),
                                       learningRate: lr.1))
        case "RMSPropOptimizer":
            try a.only(["learning_rate", "decay", "momentum", "epsilon", "use_locking", "centered", "name"], positionalMax: 7)
            try requiredPositional(a, "RMSPropOptimizer", ["learning_rate"])
            if a.bool(5, "centered") == true { throw a.error("rnnsh's tensorflow has no RMSPropOptimizer(centered=True) (yet)", .notImplementedError) }
            let lr = try learningRate(a, g, default: nil)
            return .object(TFOptimizer(method: .rmsProp(learningRate: lr.0, decay: try a.float(1, "decay") ?? 0.9,
                                                        momentum: try a.float(2, "momentum") ?? 0, epsilon: try a.float(3, "epsilon") ?? 1e-10),
                                       learningRate: lr.1))
        case "AdagradOptimizer":
            try a.only(["learning_rate", "initial_accumulator_value", "use_locking", "name"], positionalMax: 4)
            try requiredPositional(a, "AdagradOptimizer", ["learning_rate"])
            let lr = try learningRate(a, g, default: nil)
            let initial = try a.float(1, "initial_accumulator_value") ?? 0.1
            guard initial > 0 else { throw a.error("initial_accumulator_value must be positive: \(Double(initial))") }
            return .object(TFOptimizer(method: .adagrad(learningRate: lr.0, initialAccumulator: initial), learningRate: lr.1))
        case "exponential_decay":
            try a.only(["learning_rate", "global_step", "decay_steps", "decay_rate", "staircase", "name"], positionalMax: 6)
            guard let step = a.value(1, "global_step") else {
                // TF 2's schedule converts the step to a tensor.
                if a.given(1, "global_step") != nil { throw a.error("None values not supported.") }
                throw a.error("exponential_decay() missing required argument: 'global_step'", .typeError)
            }
            func number(_ p: Int, _ n: String) throws -> NDArray {
                let v = try a.required(p, n)
                if case .object(is TFTensor) = v { throw a.error("rnnsh's tensorflow has no exponential_decay(\(n)=) of a tensor (yet)", .notImplementedError) }
                return try TFArguments.array(v, span: a.span)
            }
            let lr = try number(0, "learning_rate"), steps = try number(2, "decay_steps"), rate = try number(3, "decay_rate")
            return tensorValue(try g.exponentialDecay(learningRate: lr, globalStep: try TFArguments.operand(step, graph: g, span: a.span),
                                                      decaySteps: steps, decayRate: rate, staircase: a.bool(4, "staircase") ?? false,
                                                      name: a.string(5, "name")))
        case "get_or_create_global_step", "get_global_step", "create_global_step":
            try a.only(["graph"], positionalMax: 1)
            if a.has(0, "graph") { throw a.error("rnnsh's tensorflow has no \(name)(graph=) (yet)", .notImplementedError) }
            let v = try g.globalStep(create: name != "get_global_step", mustNotExist: name == "create_global_step")
            return v.map(tensorValue) ?? Value.none
        case "global_step":
            // tf.train.global_step(sess, global_step_tensor): the step's value as a Python int.
            try a.only(["sess", "global_step_tensor"], positionalMax: 2)
            guard case .object(let s as TFSession) = try a.required(0, "sess") else { throw a.error("'sess' must be a tf.Session", .typeError) }
            let r = try TFMethods.run(s, .object(TFTensor(tensor: try a.tensor(1, "global_step_tensor", graph: g))), feeds: nil, a, state)
            guard case .scalar(let x) = r, let v = x.scalars.first else { return r }
            return .int(Int(v.doubleValue))
        case "clip_by_global_norm":
            try a.only(["t_list", "clip_norm", "use_norm", "name"], positionalMax: 4)
            let ts = try optionalTensors(try a.required(0, "t_list"), g, a)
            let clip = try TFArguments.operand(try a.required(1, "clip_norm"), graph: g, span: a.span)
            let use = try a.value(2, "use_norm").map { try TFArguments.tensor($0, graph: g, span: a.span) }
            let (clipped, norm) = try g.clipByGlobalNorm(ts, clipNorm: clip, useNorm: use, name: a.string(3, "name"))
            return .tuple([.list(clipped.map { $0.map(tensorValue) ?? Value.none }), tensorValue(norm)])
        case "global_norm":
            try a.only(["t_list", "name"], positionalMax: 2)
            return tensorValue(try g.globalNorm(try optionalTensors(try a.required(0, "t_list"), g, a), name: a.string(1, "name")))
        case "clip_by_norm":
            try a.only(["t", "clip_norm", "axes", "name"], positionalMax: 4)
            if a.has(2, "axes") { throw a.error("rnnsh's tensorflow has no clip_by_norm(axes=) (yet)", .notImplementedError) }
            let x = try a.tensor(0, "t", graph: g)
            if case .object(is TFTensor) = try a.required(1, "clip_norm") {
                throw a.error("rnnsh's tensorflow has no clip_by_norm of a tensor clip_norm (yet): give a number", .notImplementedError)
            }
            return tensorValue(try g.clipByNorm(x, try a.float(1, "clip_norm") ?? 0, name: a.string(3, "name")))
        case "floor":
            try a.only(["x", "name"], positionalMax: 2)
            return tensorValue(try g.unary(.floor, try a.tensor(0, "x", graph: g), name: opName ?? a.string(1, "name")))
        case "initialize_all_variables", "global_variables_initializer":
            return .object(TFOperation(operation: g.globalVariablesInitializer(name: opName)))
        case "global_variables", "all_variables":
            return list(g.variableTensors)
        case "trainable_variables":
            return list(g.trainableVariables.map { g.tensor($0) })
        case "reset_default_graph":
            // TF's words: the graphs of `with` blocks still open stay as they are.
            guard state.outerGraphs.isEmpty else {
                throw a.error("Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.", .assertionError)
            }
            state.reset()
            return .none
        case "Graph":
            try a.only([], positionalMax: 0)
            return .object(TFGraph(Graph()))
        case "get_default_graph":
            try a.only([], positionalMax: 0)
            return .object(TFGraph(g))
        case "Session", "InteractiveSession":
            try a.only(["target", "graph", "config"], positionalMax: 3)
            var graph = g
            if let v = a.value(1, "graph") {
                guard case .object(let o as TFGraph) = v else {
                    throw a.error("Argument `graph` must be a tf.Graph, but got \"\(v.typeName)\"", .typeError)
                }
                graph = o.graph
            }
            let s = TFSession(Session(graph: graph, threads: state.threads))
            if name == "InteractiveSession" { state.defaultSessions.append(s) }
            return .object(s)
        case "get_default_session":
            return state.defaultSession.map { .object($0) } ?? Value.none
        case "read_data_sets":
            return try readDataSets(a, ev)
        default:
            if let v = try TFScopeFunctions.call(name, a, evaluator: ev) { return v }
            if let v = try TFOpFunctions.call(name, a, evaluator: ev) { return v }
            if let v = try TFProgramFunctions.call(name, a, evaluator: ev) { return v }
            if name.hasPrefix("logging.") { return try TFLogging.call(String(name.dropFirst("logging.".count)), a, evaluator: ev) }
            throw a.error("rnnsh's tensorflow has no tf.\(name) (yet)", .attributeError)
        }
    }

    /// An optimizer's `learning_rate` (position 0): a number, or a tensor read at each update
    /// (then the number is unused).
    static func learningRate(_ a: TFArguments, _ g: Graph, default d: Float?) throws -> (Float, GraphTensor?) {
        guard let v = a.value(0, "learning_rate") else { return (d ?? 0, nil) }
        if case .object(let t as TFTensor) = v { return (0, try TFArguments.tensor(.object(t), graph: g, span: a.span)) }
        return (try a.float(0, "learning_rate") ?? 0, nil)
    }

    /// Python's TypeError for required parameters of a class's `__init__` left out.
    static func requiredPositional(_ a: TFArguments, _ cls: String, _ names: [String]) throws {
        let missing = names.enumerated().filter { a.given($0.offset, $0.element) == nil }.map { "'\($0.element)'" }
        guard !missing.isEmpty else { return }
        let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + (missing.last ?? "")
        throw a.error("\(cls).__init__() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)", .typeError)
    }

    /// `t_list` of `clip_by_global_norm`/`global_norm`: a list or tuple of tensors and Nones
    /// (TF's TypeError for anything else, a zip included: it wants a sequence).
    static func optionalTensors(_ v: Value, _ g: Graph, _ a: TFArguments) throws -> [GraphTensor?] {
        switch v {
        case .list, .tuple:
            return try (v.sequenceItems ?? []).map { (x) throws -> GraphTensor? in
                x.isNone ? nil : try TFArguments.tensor(x, graph: g, span: a.span)
            }
        case .object(is TFTensor):
            throw a.error("`t_list` should be a sequence of tensors. Received <class 'tensorflow.python.framework.ops.SymbolicTensor'>.", .typeError)
        default:
            throw a.error("`t_list` should be a sequence of tensors. Received <class '\(v.typeName)'>.", .typeError)
        }
    }

    /// The two cells of a bidirectional RNN, with TF's TypeError for anything else.
    /// What both bidirectional RNN functions take besides their inputs: the two cells, their
    /// initial states and the sequence lengths. The positions differ (static_bidirectional_rnn
    /// puts `sequence_length` after the initial states and `dtype`, bidirectional_dynamic_rnn
    /// before them), the rules do not: without both initial states TF asks for a dtype.
    struct BidirectionalArguments {
        let fw: TFCell, bw: TFCell
        let initialFW: [[GraphTensor]]?, initialBW: [[GraphTensor]]?
        let lengths: GraphTensor?
    }

    static func bidirectionalArguments(_ a: TFArguments, _ g: Graph, initialStates: (fw: Int, bw: Int), dtype: Int,
                                       sequenceLength: Int) throws -> BidirectionalArguments {
        guard case .object(let fw as TFCell)? = a.value(0, "cell_fw") else { throw a.error("cell_fw must be an instance of RNNCell", .typeError) }
        guard case .object(let bw as TFCell)? = a.value(1, "cell_bw") else { throw a.error("cell_bw must be an instance of RNNCell", .typeError) }
        let initialFW = try initialState(a.value(initialStates.fw, "initial_state_fw"), of: fw, "initial_state_fw", g, a)
        let initialBW = try initialState(a.value(initialStates.bw, "initial_state_bw"), of: bw, "initial_state_bw", g, a)
        if initialFW == nil || initialBW == nil, a.value(dtype, "dtype") == nil {
            throw a.error("If there is no initial_state, you must give a dtype.", .valueError)
        }
        let lengths = try a.value(sequenceLength, "sequence_length").map { (v) throws(ShellError) -> GraphTensor in try TFArguments.tensor(v, graph: g, span: a.span) }
        return BidirectionalArguments(fw: fw, bw: bw, initialFW: initialFW, initialBW: initialBW, lengths: lengths)
    }

    /// An RNN function's `initial_state` argument (`name`) for cell `c`, as one list of parts
    /// per layer: a state for one cell, a tuple of one state per layer for a MultiRNNCell.
    static func initialState(_ v: Value?, of c: TFCell, _ name: String, _ g: Graph, _ a: TFArguments) throws -> [[GraphTensor]]? {
        guard let v else { return nil }
        guard c.multi else { return [try stateParts(v, g, a.span)] }
        guard let per = v.sequenceItems, per.count == c.layers.count else {
            throw a.error("\(name) of a MultiRNNCell must be a tuple of \(c.layers.count) states, one per layer")
        }
        var parts: [[GraphTensor]] = []
        for s in per { parts.append(try stateParts(s, g, a.span)) }
        return parts
    }

    /// A keep probability given as exactly 1 (no dropout).
    static func isOne(_ v: Value) -> Bool {
        switch v {
        case .int(let i): return i == 1
        case .float(let d): return d == 1
        default: return false
        }
    }

    /// The final state an RNN function returns for cell `c`, one list of parts per layer: an
    /// `LSTMStateTuple` for two parts, the tensor for one, a tuple of layers for a MultiRNNCell.
    static func stateValue(_ c: TFCell, _ layers: [[GraphTensor]]) -> Value {
        func layer(_ state: [GraphTensor]) -> Value {
            state.count == 2 ? .object(TFStateTuple(parts: state.map(tensorValue))) : tensorValue(state[0])
        }
        return c.multi ? .tuple(layers.map(layer)) : layer(layers[0])
    }

    /// An initial state: `LSTMStateTuple(c, h)`, a `(c, h)` tuple, or one tensor.
    static func stateParts(_ v: Value, _ g: Graph, _ span: Range<Int>) throws -> [GraphTensor] {
        switch v {
        case .object(let s as TFStateTuple): return try s.parts.map { try TFArguments.tensor($0, graph: g, span: span) }
        case .tuple, .list: let items = v.sequenceItems ?? []; return try items.map { try TFArguments.tensor($0, graph: g, span: span) }
        default: return [try TFArguments.tensor(v, graph: g, span: span)]
        }
    }

    /// `input_data.read_data_sets(train_dir, one_hot=True)`: the given directory first, then
    /// rnnsh's dataset search (as `mnist` does). Prints what TF1's mnist.py printed, one
    /// `Extracting <file>` line per file read (train images, train labels, test images, test
    /// labels), naming the files where they were found; holds out `validation_size` (TF1's
    /// 5,000) training images as the validation split, refused in TF1's words when there are
    /// fewer.
    static func readDataSets(_ a: TFArguments, _ ev: Evaluator) throws -> Value {
        try a.only(["train_dir", "fake_data", "one_hot", "dtype", "reshape", "validation_size", "seed", "source_url"], positionalMax: 3)
        if a.bool(1, "fake_data") == true { throw a.error("rnnsh's tensorflow has no read_data_sets(fake_data=True) (yet)", .notImplementedError) }
        if a.bool(nil, "reshape") == false { throw a.error("rnnsh's tensorflow has no read_data_sets(reshape=False) (yet): reshape the images yourself", .notImplementedError) }
        let oneHot = a.bool(2, "one_hot") ?? false
        let validation = try a.int(nil, "validation_size") ?? Dataset.defaultValidationSize
        var dataset: Dataset
        var given: String? = nil
        if let dir = a.string(0, "train_dir") {
            let path = (dir as NSString).expandingTildeInPath
            if (try? DatasetLocator.resolve(path)) != nil {
                dataset = try Dataset.load(path: path, oneHot: oneHot, validation: validation)
                given = dir
            } else {
                dataset = try Dataset.load(path: nil, oneHot: oneHot, validation: validation)
            }
        } else {
            dataset = try Dataset.load(path: nil, oneHot: oneHot, validation: validation)
        }
        let object = DatasetObject(dataset, seed: UInt64(bitPattern: Int64(try a.int(nil, "seed") ?? 0)))
        ev.interpreter.tensorflow.dataset = object
        for f in dataset.files {
            // TF1 printed os.path.join(train_dir, name).
            let shown = given.map { $0.isEmpty || $0.hasSuffix("/") ? $0 + (f as NSString).lastPathComponent : $0 + "/" + (f as NSString).lastPathComponent } ?? f
            ev.write("Extracting \(shown)\n")
        }
        return .object(object)
    }
}

/// The methods of TF objects: `sess.run`, `tensor.eval`, `op.run`, `optimizer.minimize`, …
enum TFMethods {
    static func call(_ name: String, on receiver: Value, _ a: TFArguments, evaluator ev: Evaluator) throws(ShellError) -> Value {
        do {
            return try dispatch(name, receiver, a, ev)
        } catch let e as TensorError {
            throw ShellError(e.message, explanation: e.explanation, span: a.span, kind: e.kind)
        } catch let e as ShellError {
            throw e
        } catch {
            throw ShellError("\(error)", span: a.span)
        }
    }

    private static func dispatch(_ name: String, _ receiver: Value, _ a: TFArguments, _ ev: Evaluator) throws -> Value {
        let state = ev.interpreter.tensorflow
        switch (name, receiver) {
        case ("run", .object(let s as TFSession)):
            try a.only(["fetches", "feed_dict", "options", "run_metadata"], positionalMax: 2)
            return try run(s, try a.required(0, "fetches"), feeds: a.value(1, "feed_dict"), a, state)
        case ("as_default", .object(let g as TFGraph)):
            try a.only([], positionalMax: 0)
            return .object(TFGraphContext(g))
        case ("get_tensor_by_name", .object(let g as TFGraph)), ("get_operation_by_name", .object(let g as TFGraph)):
            try a.only(["name"], positionalMax: 1)
            guard case .string(let n) = try a.required(0, "name") else {
                throw a.error("\(name)() argument must be a string", .typeError)
            }
            let operation = name == "get_operation_by_name"
            if operation, n.contains(":") {
                throw a.error("Name '\(n)' appears to refer to a Tensor, not a Operation.", .valueError)
            }
            switch g.graph.element(named: n, allowOperation: operation) {
            case .success(.tensor(let t)): return TFFunctions.tensorValue(t)
            case .success(.operation(let o)): return .object(TFOperation(operation: o))
            // A KeyError's message is its key: the shell shows it as Python does, as a repr.
            case .failure(let e): throw a.error(e.message, e.isKeyError ? .keyError : .valueError)
            }
        case ("close", .object(let s as TFSession)):
            s.session.close()
            state.defaultSessions.removeAll { $0 === s }
            return .none
        case ("eval", .object(is TFTensor)), ("run", .object(is TFOperation)):
            try a.only(["feed_dict", "session"], positionalMax: 2)
            let session: TFSession
            if case .object(let s as TFSession)? = a.value(1, "session") { session = s } else {
                guard let s = state.defaultSession else {
                    throw a.error("Cannot evaluate tensor using `eval()`: No default session is registered. Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`")
                }
                session = s
            }
            return try run(session, receiver, feeds: a.value(0, "feed_dict"), a, state)
        case ("get_shape", .object(let t as TFTensor)):
            return .object(TFShape(shape: t.tensor.shape))
        case ("as_list", .object(let s as TFShape)):
            guard s.shape.dims != nil else { throw a.error("as_list() is not defined on an unknown TensorShape.") }
            return s.listValue
        case ("num_elements", .object(let s as TFShape)):
            return s.shape.concrete.map { .int($0.reduce(1, *)) } ?? Value.none
        case ("minimize", .object(let o as TFOptimizer)):
            try a.only(["loss", "global_step", "var_list", "gate_gradients", "aggregation_method", "colocate_gradients_with_ops", "name", "grad_loss"], positionalMax: 8)
            if a.has(7, "grad_loss") { throw a.error("rnnsh's tensorflow has no minimize(grad_loss=) (yet)", .notImplementedError) }
            let g = state.graph
            let loss = try a.tensor(0, "loss", graph: g)
            let vars = try a.value(2, "var_list").map { try TFArguments.tensors(.list(PyList(try ev.iterate($0, a.span))), graph: g, span: a.span) }
            var step: GraphTensor? = nil
            if let gs = a.value(1, "global_step"), !gs.isNone { step = try TFArguments.tensor(gs, graph: g, span: a.span) }
            return .object(TFOperation(operation: try g.minimize(o.method, learningRate: o.learningRate, loss: loss, varList: vars,
                                                                  globalStep: step, name: a.string(6, "name"))))
        case ("compute_gradients", .object(_ as TFOptimizer)):
            try a.only(["loss", "var_list", "gate_gradients", "aggregation_method", "colocate_gradients_with_ops", "grad_loss"], positionalMax: 6)
            if a.has(5, "grad_loss") { throw a.error("rnnsh's tensorflow has no compute_gradients(grad_loss=) (yet)", .notImplementedError) }
            let g = state.graph
            let vars = try a.value(1, "var_list").map { try TFArguments.tensors(.list(PyList(try ev.iterate($0, a.span))), graph: g, span: a.span) }
            let pairs = try g.computeGradients(loss: try a.tensor(0, "loss", graph: g), varList: vars)
            return .list(PyList(pairs.map { .tuple([$0.0.map(TFFunctions.tensorValue) ?? Value.none, TFFunctions.tensorValue($0.1)]) }))
        case ("apply_gradients", .object(let o as TFOptimizer)):
            try a.only(["grads_and_vars", "global_step", "name"], positionalMax: 3)
            let g = state.graph
            var pairs: [(GraphTensor?, GraphTensor)] = []
            for item in try ev.iterate(try a.required(0, "grads_and_vars"), a.span) {
                let parts = try ev.iterate(item, a.span)
                guard parts.count == 2 else {
                    throw a.error("too many values to unpack (expected 2)", .valueError)
                }
                let grad = parts[0].isNone ? nil : try TFArguments.tensor(parts[0], graph: g, span: a.span)
                guard case .object(let v as TFTensor) = parts[1] else {
                    throw a.error("('Trying to update a Tensor ', \(ValueFormatter.repr(parts[1])))", .notImplementedError)
                }
                pairs.append((grad, try TFArguments.tensor(.object(v), graph: g, span: a.span)))
            }
            var step: GraphTensor? = nil
            if let gs = a.value(1, "global_step") { step = try TFArguments.tensor(gs, graph: g, span: a.span) }
            return .object(TFOperation(operation: try g.applyGradients(o.method, learningRate: o.learningRate, pairs,
                                                                        globalStep: step, name: a.string(2, "name"))))
        case ("get_name", .object(let o as TFOptimizer)):
            try a.only([], positionalMax: 0)
            return .string(o.method.name)
        case ("zero_state", .object(let c as TFCell)):
            let batch = try a.int(0, "batch_size") ?? 1
            let g = state.graph
            // TF's zero_state names its zeros under `<Class>ZeroState/` (made unique like any
            // name scope), nested for each wrapper and layer: `MultiRNNCellZeroState/
            // DropoutWrapperZeroState/GRUCellZeroState/zeros:0`; an LSTM's c and h are `zeros`
            // and `zeros_1` there. A layer counts as wrapped when it has a dropout.
            func scoped<T>(_ names: [String], _ body: () throws -> T) throws -> T {
                for n in names { _ = g.enterNameScope(n) }
                defer { for _ in names { g.exitScope() } }
                return try body()
            }
            func layerState(_ layer: RNNLayer, wrapped: Bool) throws -> Value {
                let scopes = (wrapped ? ["DropoutWrapperZeroState"] : []) + [layer.cell.tfClass.rawValue + "ZeroState"]
                let parts = try scoped(scopes) {
                    try layer.cell.stateNames.map { _ in
                        TFFunctions.tensorValue(g.constant(try NDArray.zeros([batch, layer.cell.units], dtype: .float32), fallback: "zeros"))
                    }
                }
                return parts.count == 2 ? .object(TFStateTuple(parts: parts)) : parts[0]
            }
            if c.multi {
                let outer = (c.className == "DropoutWrapper" ? ["DropoutWrapperZeroState"] : []) + ["MultiRNNCellZeroState"]
                return .tuple(try scoped(outer) {
                    try c.layers.map { try layerState($0, wrapped: $0.inputKeep != nil || $0.outputKeep != nil) }
                })
            }
            let only = c.layers[c.layers.count - 1]
            return try layerState(only, wrapped: c.className == "DropoutWrapper" || only.inputKeep != nil || only.outputKeep != nil)
        case ("save", .object(let saver as TFSaver)):
            return try TFScopeFunctions.save(saver, a, ev)
        case ("restore", .object(let saver as TFSaver)):
            return try TFScopeFunctions.restore(saver, a, ev)
        case ("reuse_variables", .object(let s as TFVariableScope)):
            try a.only([], positionalMax: 0)
            s.scope.reuse = .yes
            return .none
        case ("assign", .object(let t as TFTensor)), ("assign_add", .object(let t as TFTensor)), ("assign_sub", .object(let t as TFTensor)):
            try a.only([name == "assign" ? "value" : "delta", "use_locking", "name", "read_value"], positionalMax: 2)
            let g = t.tensor.graph
            let value = try TFArguments.operand(try a.required(0, name == "assign" ? "value" : "delta"), graph: g, span: a.span)
            let update: AssignUpdate = name == "assign" ? .set : name == "assign_add" ? .add : .subtract
            return TFFunctions.tensorValue(try g.assign(t.tensor, value, update: update, name: a.string(nil, "name")))
        default:
            throw a.error("rnnsh's tensorflow has no \(receiver.typeName).\(name) (yet)", .attributeError)
        }
    }

    /// `sess.run(fetches, feed_dict)`: fetches may be a tensor, an op, or lists, tuples and dicts
    /// of them; the result has the same structure (a 0-d value as a numpy scalar, an op as None).
    static func run(_ s: TFSession, _ fetches: Value, feeds: Value?, _ a: TFArguments, _ state: TensorFlowState) throws -> Value {
        var targets: [RunTarget] = []
        func collect(_ v: Value) throws {
            switch v {
            case .object(let t as TFTensor):
                // A tensor of another graph (`tf.Graph()` blocks): TF's ValueError before running.
                guard t.tensor.graph === s.session.graph else {
                    throw a.error("Argument `fetch` = \(t.tensor.description) cannot be interpreted as a Tensor. (Tensor \(t.tensor.description) is not an element of this graph.)", .valueError)
                }
                targets.append(.tensor(t.tensor))
            case .object(let o as TFOperation):
                guard o.operation.graph === s.session.graph else {
                    throw a.error("Argument `fetch` = \(o.operation.name) cannot be interpreted as a Tensor. (Operation \(o.operation.name) is not an element of this graph.)", .valueError)
                }
                targets.append(.operation(o.operation))
            case .object(let st as TFStateTuple): for p in st.parts { try collect(p) }
            // `sess.run(tf.nn.top_k(x, 2))`: a namedtuple of tensors, fetched field by field.
            case .object(let nt as TFNamedTuple): for p in nt.parts { try collect(p) }
            case .list, .tuple: let items = v.sequenceItems ?? []; for i in items { try collect(i) }
            case .dict(let d): for v in d.values { try collect(v) }
            case .string(let name):
                // A fetch by name: `"y:0"` is a tensor, `"train"` an op (run, giving None).
                switch s.session.graph.element(named: name, allowOperation: true) {
                case .success(.tensor(let t)): targets.append(.tensor(t))
                case .success(.operation(let o)): targets.append(.operation(o))
                case .failure(let e):
                    let reason = e.isKeyError ? "\"" + e.message + "\"" : e.message
                    throw a.error("Fetch argument \(ValueFormatter.repr(v)) cannot be interpreted as a Tensor. (\(reason))", .valueError)
                }
            default: throw a.error("Fetch argument \(ValueFormatter.repr(v)) has invalid type \(v.typeName), must be a string or Tensor. (Can not convert a \(v.typeName) into a Tensor or Operation.)", .typeError)
            }
        }
        try collect(fetches)
        var feedMap: [GraphTensor: NDArray] = [:]
        if let f = feeds {
            guard case .dict(let d) = f else { throw a.error("feed_dict must be a dict of tensor: value, got \(f.typeName)", .typeError) }
            for (k, v) in d.items {
                let key: GraphTensor
                switch k {
                case .object(let t as TFTensor):
                    guard t.tensor.graph === s.session.graph else {
                        throw a.error("Cannot interpret feed_dict key as Tensor: Tensor \(t.tensor.description) is not an element of this graph.", .typeError)
                    }
                    key = t.tensor
                case .string(let name):
                    // `feed_dict={"x:0": batch}`: TF's as_graph_element, tensors only.
                    switch s.session.graph.element(named: name, allowOperation: false) {
                    case .success(.tensor(let t)): key = t
                    case .success(.operation): throw a.error("Cannot interpret feed_dict key as Tensor: \(ValueFormatter.repr(k))", .typeError)
                    case .failure(let e): throw a.error("Cannot interpret feed_dict key as Tensor: " + e.message, .typeError)
                    }
                default:
                    throw a.error("Cannot interpret feed_dict key as Tensor: \(ValueFormatter.repr(k))", .typeError)
                }
                feedMap[key] = try TFArguments.array(v, span: a.span, dtype: key.dtype)
            }
        }
        let values = try s.session.run(targets, feeds: feedMap)
        state.lastSession = s
        var position = 0
        func rebuild(_ v: Value) -> Value {
            switch v {
            case .object(let st as TFStateTuple): return .object(TFStateTuple(parts: st.parts.map(rebuild)))
            case .object(let nt as TFNamedTuple): return .object(TFNamedTuple(typeName: nt.typeName, fields: nt.fields, parts: nt.parts.map(rebuild)))
            case .object(is TFTensor), .object(is TFOperation), .string:
                defer { position += 1 }
                guard let r = values[position] else { return .none }
                return r.ndim == 0 ? .scalar(r) : .array(r)
            case .list(let l): return .list(l.items.map(rebuild))
            case .tuple(let items): return .tuple(items.map(rebuild))
            case .dict(let d):
                var out = PyDict()
                for (k, x) in d.items { if let h = try? HashKey.of(k, span: nil) { out.set(k, h, rebuild(x)) } }
                return .dict(out)
            default: return v
            }
        }
        return rebuild(fetches)
    }
}
