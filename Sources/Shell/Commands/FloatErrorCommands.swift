/// numpy's `np.seterr` and `np.geterr`: the session's floating-point error modes
/// (`FloatErrorModes`), kept in the workspace so a failed statement leaves them as they were.
enum FloatErrorCommands {
    static let all: [Command] = [seterr, geterr]

    static let seterr = Command(
        name: "seterr", category: "Printing",
        summary: "Set how floating-point errors are handled; returns the previous settings.",
        parameters: [Parameter("all", .value, default: .none, help: "every category at once"),
                     Parameter("divide", .value, default: .none, help: "division by zero"),
                     Parameter("over", .value, default: .none, help: "overflow"),
                     Parameter("under", .value, default: .none, help: "underflow"),
                     Parameter("invalid", .value, default: .none, help: "invalid operation (0/0, inf-inf)")],
        help: "numpy's `old = np.seterr(all='ignore')` … `np.seterr(**old)`: modes 'ignore', 'warn', 'print', 'raise' or 'log'; the previous settings come back as a dict. 'warn' (the default for divide, over, invalid) prints numpy's `RuntimeWarning: divide by zero encountered in log` on stderr once per line, 'print' prints `Warning: …` on stdout, 'ignore' nothing (the results are inf and nan), 'raise' stops the statement with `FloatingPointError: divide by zero encountered in log`; 'call' is refused.",
        examples: [Example("old = np.seterr(divide='ignore')\nold"), Example("np.geterr()")],
        run: { call in
            var settings: [(name: String, value: Value)] = []
            for name in ["all"] + FloatErrorModes.categories where call.arguments.isGiven(name) {
                settings.append((name, call.arguments[name]))
            }
            let old = call.workspace.floatErrorModes
            call.workspace.floatErrorModes = try old.applying(settings, command: "seterr", span: call.span)
            return old.dict
        })

    static let geterr = Command(
        name: "geterr", category: "Printing",
        summary: "How floating-point errors are handled now, as a dict.",
        parameters: [],
        help: "numpy's `np.geterr()`: `{'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}` until `np.seterr` or an `np.errstate` block changes it.",
        examples: [Example("np.geterr()")],
        run: { call in call.workspace.floatErrorModes.dict })
}
