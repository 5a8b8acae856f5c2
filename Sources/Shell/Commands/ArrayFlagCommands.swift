import Tensor

/// `x.setflags(write=None, align=None, uic=None)`: numpy's way to make an array read-only (or
/// writeable again). The flag lives on the array object (`ArrayFlags`), so every name bound
/// to `x` sees it, and views taken afterwards start read-only.
enum ArrayFlagCommands {
    static let all: [Command] = [setflags]

    static let setflags = Command(
        name: "ndarray.setflags", category: "Array methods",
        summary: "Make an array read-only or writeable (its WRITEABLE flag).",
        parameters: [Parameter("a", .value, help: "the array"),
                     Parameter("write", .value, default: .none, help: "False: refuse every write into the array; True: allow them again; None: leave it"),
                     Parameter("align", .value, default: .none, help: "the ALIGNED flag (rnnsh's arrays are always aligned)"),
                     Parameter("uic", .value, default: .none, help: "WRITEBACKIFCOPY: only False is accepted")],
        help: """
            numpy's `x.setflags(write=False)`: afterwards `x[0] = 1`, `x += 1`, `x.fill(0)`, `x.sort()` and \
            `np.copyto(x, …)` raise numpy's `ValueError: assignment destination is read-only` (or the \
            wording numpy uses for that path, e.g. `output array is read-only` for `x += 1`), and \
            views taken from x are read-only too; `x.copy()` is writeable. `write=True` is refused \
            for a view whose base is read-only (`cannot set WRITEABLE flag to True of this array`); \
            the read-only views numpy hands out over writeable memory (`np.broadcast_to`, \
            `x.diagonal()`) may be made writeable. `x.flags.writeable = False` does the same. \
            On a numpy scalar it does nothing. Returns None.
            """,
        examples: [Example("x = np.arange(3)\nx.setflags(write=False)\nprint(x.flags.writeable, x[1:].flags.writeable, x.copy().flags.writeable)")],
        run: { call in
            let args = call.arguments
            // numpy's scalars ignore setflags (their flags are their own, always read-only).
            if case .scalar = args["a"] { return .none }
            let a = try FunctionArguments.array(call, "a")
            func flag(_ name: String) throws(ShellError) -> Bool? {
                if args[name].isNone { return nil }
                return try call.evaluator.truth(args[name], args.span(name) ?? call.span)
            }
            // All values are read before anything changes, so a refused call changes nothing.
            let align = try flag("align"), uic = try flag("uic"), write = try flag("write")
            if uic == true {
                throw ShellError("cannot set WRITEBACKIFCOPY flag to True", span: call.span, kind: .valueError)
            }
            if let write { try a.setWriteable(write) }
            if let align { a.setAligned(align) }
            return .none
        })
}
