import Tensor

/// TF1's two bidirectional RNNs: one RNN reads the sequence forward, a second one reads it
/// backward, and each step's output has both. Variables live under `{scope}/fw/` and
/// `{scope}/bw/` (scope `bidirectional_rnn` by default), the unrolled ops under
/// `{scope}/fw/fw/` and `…/bw/bw/`, as TF1's nested variable scopes named them.
extension Graph {
    /// `static_bidirectional_rnn(cell_fw, cell_bw, inputs, initial_state_fw=, initial_state_bw=,
    /// dtype=, scope=)` (TF 0.x's `bidirectional_rnn`): over a list of steps; each step's output is
    /// the two outputs of that step side by side (`concat([fw_t, bw_t], 1)`, TF1's `concat`,
    /// `concat_1`, …). With `sequence_length` the backward RNN reads each row's first `length`
    /// steps reversed (TF1's `_reverse_seq`: `stack`, `ReverseSequence` along the steps,
    /// `unstack`, under `{scope}/bw/`) and its outputs are put back the same way.
    public func staticBidirectionalRNN(forward fw: [RNNLayer], forwardMulti: Bool, backward bw: [RNNLayer], backwardMulti: Bool,
                                       _ inputs: [GraphTensor], initialForward: [[GraphTensor]]? = nil,
                                       initialBackward: [[GraphTensor]]? = nil, sequenceLength: GraphTensor? = nil,
                                       scope: String? = nil) throws(TensorError)
        -> (outputs: [GraphTensor], forward: [[GraphTensor]], backward: [[GraphTensor]]) {
        // Variables under the variable scope, ops under the name scope; the inner RNNs take
        // these names as given.
        let top = scope ?? "bidirectional_rnn"
        let outer = namePrefix, varTop = variableName(top), opTop = outer + top
        return try absolute { () throws(TensorError) -> (outputs: [GraphTensor], forward: [[GraphTensor]], backward: [[GraphTensor]]) in
        let f = try staticRNN(fw, multi: forwardMulti, inputs, initialState: initialForward, sequenceLength: sequenceLength,
                              scope: "\(varTop)/fw", opScope: "\(opTop)/fw/fw")
        func reversed(_ steps: [GraphTensor], in scope: String?) throws(TensorError) -> [GraphTensor] {
            guard let lengths = sequenceLength else { return Array(steps.reversed()) }
            let prefix = scope.map { $0 + "/" } ?? outer
            let joined = try stack(steps, axis: 0, name: prefix + "stack")
            let flipped = try reverseSequence(joined, lengths: lengths, seqAxis: 0, batchAxis: 1, name: prefix + "ReverseSequence")
            return try unstack(flipped, count: steps.count, axis: 0, name: prefix + "unstack")
        }
        let b = try staticRNN(bw, multi: backwardMulti, try reversed(inputs, in: "\(opTop)/bw"), initialState: initialBackward,
                              sequenceLength: sequenceLength, scope: "\(varTop)/bw", opScope: "\(opTop)/bw/bw")
        let backwardOutputs = try reversed(b.outputs, in: nil)
        var outputs: [GraphTensor] = []
        for (x, y) in zip(f.outputs, backwardOutputs) { outputs.append(try concat([x, y], axis: 1, name: outer + "concat")) }
        return (outputs, f.state, b.state)
        }
    }

    /// `tf.nn.bidirectional_dynamic_rnn(cell_fw, cell_bw, inputs, sequence_length=,
    /// initial_state_fw=, initial_state_bw=, dtype=, time_major=, scope=)`: over one
    /// `[batch, time, input]` tensor (`[time, batch, input]` when time-major). The backward RNN
    /// reads the inputs reversed in time (`{scope}/bw/ReverseV2`; with lengths,
    /// `ReverseSequence`, which reverses only each row's first `length` steps so padding stays
    /// at the end) and its outputs are reversed back (`ReverseV2:0` at the top of the graph).
    /// Returns the two output tensors (not concatenated) and the two final states, as TF1 did.
    public func bidirectionalDynamicRNN(forward fw: [RNNLayer], forwardMulti: Bool, backward bw: [RNNLayer], backwardMulti: Bool,
                                        _ x: GraphTensor, sequenceLength: GraphTensor? = nil,
                                        initialForward: [[GraphTensor]]? = nil, initialBackward: [[GraphTensor]]? = nil,
                                        timeMajor: Bool = false, scope: String? = nil) throws(TensorError)
        -> (forwardOutputs: GraphTensor, backwardOutputs: GraphTensor, forward: [[GraphTensor]], backward: [[GraphTensor]]) {
        let varScope = variableName(scope ?? "bidirectional_rnn")
        let nameScope = uniqueName(scope, "bidirectional_rnn"), outer = namePrefix
        return try absolute { () throws(TensorError) -> (forwardOutputs: GraphTensor, backwardOutputs: GraphTensor, forward: [[GraphTensor]], backward: [[GraphTensor]]) in
        let f = try dynamicRNN(fw, multi: forwardMulti, x, initialState: initialForward, sequenceLength: sequenceLength,
                               timeMajor: timeMajor, scope: "\(varScope)/fw", opScope: "\(nameScope)/fw/fw")
        let seqAxis = timeMajor ? 0 : 1, batchAxis = timeMajor ? 1 : 0
        func reversed(_ t: GraphTensor, in scope: String?) throws(TensorError) -> GraphTensor {
            let name = (scope.map { "\($0)/" } ?? outer) + (sequenceLength == nil ? "ReverseV2" : "ReverseSequence")
            if let lengths = sequenceLength {
                return try reverseSequence(t, lengths: lengths, seqAxis: seqAxis, batchAxis: batchAxis, name: name)
            }
            return try reverse(t, axes: [seqAxis], name: name)
        }
        let backwardInputs = try reversed(x, in: "\(nameScope)/bw")
        let b = try dynamicRNN(bw, multi: backwardMulti, backwardInputs, initialState: initialBackward, sequenceLength: sequenceLength,
                               timeMajor: timeMajor, scope: "\(varScope)/bw", opScope: "\(nameScope)/bw/bw")
        return (f.outputs, try reversed(b.outputs, in: nil), f.state, b.state)
        }
    }
}
