import Tensor

/// `x.view(dtype)`: the array's memory read as another dtype (module Tensor's `DTypeView`).
enum ArrayViewCommands {
    static let all: [Command] = [view]

    typealias A = FunctionArguments

    static let view = Command(
        name: "ndarray.view", category: "Array methods",
        summary: "The same memory as another dtype (or a new view of the same dtype).",
        parameters: [Parameter("a", .array, help: "the array"),
                     Parameter("dtype", .dtype, default: .none, help: "the dtype to read the bytes as (None: the array's own)")],
        options: [Parameter("type", .value, default: .none, help: "accepted when None or np.ndarray")],
        help: """
            numpy's `x.view(dtype)`: no copy; `x.view(np.uint8)` shows a float32 array's 4 bytes \
            per element (the last axis grows), `x.view(np.int32)` its bits as integers. Writes \
            through either show in both, and a read-only x gives a read-only view. The item size \
            may change only along a contiguous last axis, as numpy's rule says. `x.view()` is a \
            plain view (`.base` is x).
            """,
        examples: [Example("np.arange(3, dtype=np.float32).view(np.int32)"), Example("np.array([1.0, -2.0]).view(np.uint8).reshape(2, 8)")],
        run: { call in
            let a = try A.array(call, "a")
            return .array(try a.view(as: call.arguments.dtype("dtype") ?? a.dtype))
        })
}
