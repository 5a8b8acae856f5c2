import Foundation

/// `tf.logging` (`tf.compat.v1.logging`): TF1's Python logger named `tensorflow`, which TF1
/// programs quiet with `tf.logging.set_verbosity(tf.logging.ERROR)` or use for progress
/// (`tf.logging.info("step %d", i)`). A message at or above the verbosity goes to stderr as
/// Python's logging formats it, `LEVEL:tensorflow:message`, the message `%`-formatted with its
/// arguments when there are any. The default verbosity is WARN, as TF's.
enum TFLogging {
    /// The level constants (Python logging's numbers).
    static let levels: [String: Int] = ["DEBUG": 10, "INFO": 20, "WARN": 30, "ERROR": 40, "FATAL": 50]
    /// The functions, by their dispatch names (`logging.info`).
    static let functions = ["set_verbosity", "get_verbosity", "debug", "info", "warn", "warning", "error", "fatal", "log", "flush"]

    /// Python logging's level names: what a record at `level` prints before `:tensorflow:`.
    static func levelName(_ level: Int) -> String {
        switch level {
        case 10: return "DEBUG"
        case 20: return "INFO"
        case 30: return "WARNING"
        case 40: return "ERROR"
        case 50: return "CRITICAL"
        default: return "Level \(level)"
        }
    }

    static func call(_ name: String, _ a: TFArguments, evaluator ev: Evaluator) throws -> Value {
        let state = ev.interpreter.tensorflow
        switch name {
        case "set_verbosity":
            try a.only(["v"], positionalMax: 1)
            let v = try a.required(0, "v")
            switch v {
            case .int(let i): state.logVerbosity = i
            // Python logging also takes a level's name.
            case .string(let s):
                let named: [String: Int] = ["DEBUG": 10, "INFO": 20, "WARN": 30, "WARNING": 30, "ERROR": 40, "FATAL": 50, "CRITICAL": 50, "NOTSET": 0]
                guard let level = named[s] else { throw a.error("Unknown level: \(ValueFormatter.pythonStringRepr(s))", .valueError) }
                state.logVerbosity = level
            default:
                throw a.error("Level not an integer or a valid string: \(ValueFormatter.repr(v))", .typeError)
            }
            return .none
        case "get_verbosity":
            try a.only([], positionalMax: 0)
            return .int(state.logVerbosity)
        case "flush":
            return .none
        case "log":
            guard let first = a.positional.first else { throw a.error("log() missing 2 required positional arguments: 'level' and 'msg'", .typeError) }
            let level = try TFArguments.int(first, a.span)
            guard a.positional.count >= 2 else { throw a.error("log() missing 1 required positional argument: 'msg'", .typeError) }
            try emit(level, a.positional[1], Array(a.positional.dropFirst(2)), a, ev)
            return .none
        default:
            let level = ["debug": 10, "info": 20, "warn": 30, "warning": 30, "error": 40, "fatal": 50][name] ?? 30
            guard let msg = a.positional.first else { throw a.error("\(name)() missing 1 required positional argument: 'msg'", .typeError) }
            try emit(level, msg, Array(a.positional.dropFirst()), a, ev)
            return .none
        }
    }

    /// Python logging's `getMessage`: `str(msg)`, then `% args` when args were given (one dict
    /// argument is the mapping).
    private static func emit(_ level: Int, _ msg: Value, _ args: [Value], _ a: TFArguments, _ ev: Evaluator) throws {
        guard level >= ev.interpreter.tensorflow.logVerbosity else { return }
        var text = ValueFormatter.str(msg)
        if !args.isEmpty {
            var arg: Value = .tuple(args)
            if args.count == 1, case .dict = args[0] { arg = args[0] }
            text = try PyFormat.percent(text, arg, span: a.span, evaluator: ev)
        }
        try SysStream.stderr.write("\(levelName(level)):tensorflow:\(text)\n", a.span, ev)
    }
}
